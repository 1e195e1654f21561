import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { userInfo } from 'node:os'
import { createDispatcher, type Dispatch, type Session } from './api/dispatcher'
import { makeHandlers, type Host } from './api/handlers'
import { openDatabase, type OpenDatabase, type OpenOptions } from './db/open'
import { fail } from '../shared/domain/result'

export interface BackendOptions {
  dataDir: string
  /** A shared PostgreSQL server; the SQLite file in dataDir when not given. */
  databaseUrl?: string
  nativeBinding?: string
  session?: Partial<Session>
  log?: (message: string, error: unknown) => void
  clock?: () => Date
  /** Desktop-only capabilities (native save dialog). */
  host?: Host
  /** What this program is, shown to another program refused by the data folder's lock. */
  program?: string
  /** Open without the lock, backup or migrations; every write is refused. */
  readOnly?: boolean
  /** Tests: called on every new SQLite connection. */
  onConnection?: OpenOptions['onConnection']
}

/** A running backend, or the reason the database could not be opened (shown as an error screen). */
export interface Backend {
  dispatch: Dispatch
  version: string
  schemaVersion: number | null
  dataDir: string
  startupError: string | null
  db: OpenDatabase | null
  close(): Promise<void>
}

export function appVersion(): string {
  // The bundle sits a few folders below the project root (out/main/chunks); walk up to package.json.
  let dir = __dirname
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'spn-secretariat' && pkg.version) return pkg.version
    } catch {
      // not here; look one level up
    }
    dir = join(dir, '..')
  }
  return '0.0.0'
}

export function defaultActor(): string {
  try {
    return userInfo().username || 'secretariat'
  } catch {
    return 'secretariat'
  }
}

/** Opens the database and wires the dispatcher; never throws for a bad database. */
export async function startBackend(opts: BackendOptions): Promise<Backend> {
  const version = appVersion()
  const session: Session = { actor: opts.session?.actor ?? defaultActor(), role: opts.session?.role ?? 'secretariat' }
  let db: OpenDatabase
  try {
    db = await openDatabase({
      dataDir: opts.dataDir,
      databaseUrl: opts.databaseUrl,
      nativeBinding: opts.nativeBinding,
      now: opts.clock,
      program: opts.program,
      readOnly: opts.readOnly,
      onConnection: opts.onConnection,
    })
  } catch (e) {
    const message = (e as Error).message
    ;(opts.log ?? ((m, err) => console.error(m, err)))('The database could not be opened', e)
    return {
      dispatch: async () => fail('unavailable', message),
      version,
      schemaVersion: null,
      dataDir: opts.dataDir,
      startupError: message,
      db: null,
      close: async () => undefined,
    }
  }
  const dispatch = createDispatcher({
    db,
    handlers: makeHandlers({ version, schemaVersion: db.schemaVersion, role: session.role }, opts.host),
    dataDir: opts.dataDir,
    session,
    log: opts.log,
    clock: opts.clock,
  })
  return { dispatch, version, schemaVersion: db.schemaVersion, dataDir: opts.dataDir, startupError: null, db, close: () => db.close() }
}
