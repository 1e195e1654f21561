import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { userInfo } from 'node:os'
import { createDispatcher, type Dispatch, type Session } from './api/dispatcher'
import { makeHandlers, type Host } from './api/handlers'
import { DB_FILE, openDatabase, type OpenDatabase, type OpenOptions } from './db/open'
import type { ActiveDatabase } from './services/settings'
import { maintenanceFor } from './services/backups'

export interface BackendOptions {
  dataDir: string
  /** A shared PostgreSQL server; the SQLite file in dataDir when not given. */
  databaseUrl?: string
  /** The URL came from --database or SPN_DATABASE_URL, not from the saved settings (shown on the Settings page). */
  databaseOverridden?: boolean
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
  const database: ActiveDatabase = opts.databaseUrl
    ? { engine: 'postgres', location: opts.databaseUrl, overridden: opts.databaseOverridden ?? false }
    : { engine: 'sqlite', location: join(opts.dataDir, DB_FILE), overridden: opts.databaseOverridden ?? false }
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
    // Only the settings answer, so the user can point the app back at this computer or fix the server's address.
    const dispatch = createDispatcher({
      db: null,
      unavailable: message,
      handlers: makeHandlers({ version, schemaVersion: 0, role: session.role, database }, opts.host),
      dataDir: opts.dataDir,
      session,
      log: opts.log,
      clock: opts.clock,
    })
    return {
      dispatch,
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
    handlers: makeHandlers({ version, schemaVersion: db.schemaVersion, role: session.role, database }, opts.host, maintenanceFor(db, opts.dataDir, opts.clock ?? (() => new Date()), opts.nativeBinding)),
    dataDir: opts.dataDir,
    session,
    log: opts.log,
    clock: opts.clock,
  })
  return { dispatch, version, schemaVersion: db.schemaVersion, dataDir: opts.dataDir, startupError: null, db, close: () => db.close() }
}
