import 'reflect-metadata'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DataSource } from 'typeorm'
import { ENTITIES } from './entities'
import { MIGRATION_NAMES, MIGRATIONS, SCHEMA_VERSION } from './migrations'

export const DB_FILE = 'spn.sqlite'
const KEEP_BACKUPS = 10

/** Why a database could not be opened. The file is never overwritten in these cases. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'newer' | 'migration',
    message: string,
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}

export interface OpenOptions {
  dataDir: string
  /** Path to a better_sqlite3.node built for the running runtime (Electron). */
  nativeBinding?: string
  /** Clock for backup names; tests pass a fixed one. */
  now?: () => Date
}

export interface OpenDatabase {
  dataSource: DataSource
  dbPath: string
  schemaVersion: number
  backupPath: string | null
  close(): Promise<void>
}

/** Names of applied migrations in an existing file, or an error if it is not a readable SPN database. */
function inspect(dbPath: string, nativeBinding?: string): string[] {
  let raw: Database.Database | undefined
  try {
    raw = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding })
    const check = raw.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(String(check))
    const hasTable = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='migrations'`).get()
    if (!hasTable) {
      const tables = raw.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type='table'`).get() as { n: number }
      if (tables.n > 0) throw new Error('it holds tables but no migration history, so it is not an SPN Secretariat database')
      return []
    }
    return (raw.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name)
  } catch (e) {
    throw new DatabaseOpenError('unreadable', `The database ${dbPath} cannot be opened: ${(e as Error).message}`)
  } finally {
    raw?.close()
  }
}

async function backup(dbPath: string, dataDir: string, now: Date, version: number, nativeBinding?: string): Promise<string> {
  const dir = join(dataDir, 'backups')
  mkdirSync(dir, { recursive: true })
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
  const target = join(dir, `spn-${stamp}-schema${version}.sqlite`)
  const raw = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    // The online backup API includes pages still in the WAL file.
    await raw.backup(target)
  } finally {
    raw.close()
  }
  const old = readdirSync(dir).filter((f) => /^spn-.*\.sqlite$/.test(f)).sort()
  for (const f of old.slice(0, Math.max(0, old.length - KEEP_BACKUPS))) rmSync(join(dir, f))
  return target
}

/**
 * Opens (or creates) the database in the data folder: refuses files it cannot
 * read or that a newer app wrote, backs the file up, then runs pending migrations.
 */
export async function openDatabase(opts: OpenOptions): Promise<OpenDatabase> {
  mkdirSync(opts.dataDir, { recursive: true })
  const dbPath = join(opts.dataDir, DB_FILE)
  let backupPath: string | null = null
  if (existsSync(dbPath)) {
    const applied = inspect(dbPath, opts.nativeBinding)
    const unknown = applied.filter((n) => !MIGRATION_NAMES.includes(n))
    if (unknown.length) {
      throw new DatabaseOpenError(
        'newer',
        `The database ${dbPath} was written by a newer version of SPN Secretariat (schema ${applied.length}, this app knows ${SCHEMA_VERSION}). Install the newer version; the file was not changed.`,
      )
    }
    backupPath = await backup(dbPath, opts.dataDir, (opts.now ?? (() => new Date()))(), applied.length, opts.nativeBinding)
  }
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: dbPath,
    nativeBinding: opts.nativeBinding,
    enableWAL: true,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false,
    prepareDatabase: (db: Database.Database) => {
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
    },
  })
  await dataSource.initialize()
  try {
    await dataSource.runMigrations({ transaction: 'all' })
  } catch (e) {
    await dataSource.destroy()
    throw new DatabaseOpenError('migration', `Updating the database failed and was rolled back: ${(e as Error).message}. A backup is at ${backupPath}.`)
  }
  return {
    dataSource,
    dbPath,
    schemaVersion: SCHEMA_VERSION,
    backupPath,
    close: () => dataSource.destroy(),
  }
}

/** The raw better-sqlite3 connection behind a DataSource, for bulk paths and fast reads. */
export function rawConnection(ds: DataSource): Database.Database {
  return (ds.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
}
