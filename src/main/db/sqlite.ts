import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DataSource } from 'typeorm'
import { ENTITIES } from './entities'
import { MIGRATION_NAMES, MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { lockDataDir } from './lock'
import { storageError } from './errors'
import { sqlFor } from './sql'
import { backupSqliteFile, dailyBackupDue } from './backup'
import { DatabaseOpenError, DB_FILE, type OpenDatabase, type OpenOptions } from './types'

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
    const m = (e as Error).message
    const why = /file is not a database|malformed|not a database/i.test(m)
      ? 'it is damaged, or it is not a database at all'
      : /unable to open/i.test(m)
        ? 'it cannot be read (check that this user may read it)'
        : m
    throw new DatabaseOpenError('unreadable', `The database ${dbPath} cannot be opened: ${why}. It was not changed. Restore a backup (Backups, or spn restore) or move the file away.`)
  } finally {
    raw?.close()
  }
}

function sqliteDataSource(dbPath: string, opts: OpenOptions): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: dbPath,
    nativeBinding: opts.nativeBinding,
    readonly: opts.readOnly ?? false,
    enableWAL: !opts.readOnly,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false,
    prepareDatabase: (db: Database.Database) => {
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      // A write is acknowledged only once it is on the disk: a power cut loses nothing acknowledged.
      db.pragma('synchronous = FULL')
      opts.onConnection?.(db)
    },
  })
}

/** Whether the ORM and the SQLite connection agree that no transaction is open. */
function sqliteClean(ds: DataSource): boolean {
  const runner = (ds.driver as unknown as { queryRunner?: { isTransactionActive: boolean; transactionDepth: number } }).queryRunner
  const open = runner ? runner.isTransactionActive || runner.transactionDepth !== 0 : false
  return !open && !rawConnection(ds).inTransaction
}

/**
 * Opens (or creates) the database in the data folder: takes the folder's lock
 * (one writing process per file), refuses files it cannot read or that a newer
 * app wrote, backs the file up, then runs pending migrations.
 */
/** A file system refusal in words. */
function folderProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EROFS') return 'the disk is read-only'
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of the folder'
  if (code === 'ENOSPC') return 'the disk is full'
  return (e as Error).message
}

export async function openSqlite(opts: OpenOptions): Promise<OpenDatabase> {
  const readOnly = opts.readOnly ?? false
  const dbPath = join(opts.dataDir, DB_FILE)
  if (readOnly && !existsSync(dbPath)) {
    throw new DatabaseOpenError('unreadable', `There is no database in ${opts.dataDir}.`)
  }
  if (existsSync(dbPath) && statSync(dbPath).isDirectory()) {
    throw new DatabaseOpenError('unreadable', `${dbPath} is a folder, not the database file. Move or rename that folder, then start again.`)
  }
  try {
    mkdirSync(opts.dataDir, { recursive: true })
  } catch (e) {
    throw new DatabaseOpenError('unreadable', `The data folder ${opts.dataDir} cannot be created (${folderProblem(e)}). Choose another folder (--data or SPN_DATA_DIR).`)
  }
  let release = () => undefined as void
  if (!readOnly) {
    try {
      release = lockDataDir(opts.dataDir, opts.program ?? 'SPN Secretariat')
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code && code !== 'EEXIST') {
        throw new DatabaseOpenError('unreadable', `The data folder ${opts.dataDir} cannot be written (${folderProblem(e)}); the app keeps its data there. Choose another folder (--data or SPN_DATA_DIR) or let this user write to it.`)
      }
      throw new DatabaseOpenError('locked', (e as Error).message)
    }
  }
  try {
    return await openLocked(opts, dbPath, readOnly, release)
  } catch (e) {
    release()
    throw e
  }
}

async function openLocked(opts: OpenOptions, dbPath: string, readOnly: boolean, release: () => void): Promise<OpenDatabase> {
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
    if (readOnly && applied.length < SCHEMA_VERSION) {
      throw new DatabaseOpenError('older', `The database ${dbPath} needs updating (schema ${applied.length} of ${SCHEMA_VERSION}); start the app or run "spn migrate" first.`)
    }
    // A backup before the schema changes, and the first start of each day; never for a reader.
    const now = (opts.now ?? (() => new Date()))()
    if (!readOnly && applied.length > 0) {
      const reason = applied.length < SCHEMA_VERSION ? 'migration' : dailyBackupDue(opts.dataDir, now) ? 'daily' : null
      if (reason) backupPath = await backupSqliteFile(dbPath, opts.dataDir, now, applied.length, reason, opts.nativeBinding)
    }
  }
  let dataSource = sqliteDataSource(dbPath, opts)
  await dataSource.initialize()
  if (!readOnly) {
    try {
      await dataSource.runMigrations({ transaction: 'all' })
    } catch (e) {
      await dataSource.destroy()
      throw new DatabaseOpenError('migration', `Updating the database failed and was rolled back: ${(e as Error).message}. A backup is at ${backupPath}.`)
    }
  }

  /** Throws the connection away and opens a new one on the same file. */
  async function reopen(): Promise<void> {
    const old = dataSource
    dataSource = sqliteDataSource(dbPath, opts)
    await old.destroy().catch(() => undefined)
    await dataSource.initialize()
  }

  return {
    get dataSource() {
      return dataSource
    },
    engine: 'sqlite',
    dbPath,
    schemaVersion: SCHEMA_VERSION,
    backupPath,
    readOnly,
    read: (fn) => fn(dataSource.manager, sqlFor(dataSource.manager, 'sqlite')),
    async write(fn) {
      const runner = dataSource.createQueryRunner()
      try {
        await runner.startTransaction()
        const value = await fn(runner.manager, sqlFor(runner.manager, 'sqlite'))
        await runner.commitTransaction()
        return value
      } catch (e) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined)
        throw storageError(e)
      } finally {
        await runner.release()
        if (!sqliteClean(dataSource)) await reopen()
      }
    },
    async replaceFile(from: string) {
      const incoming = `${dbPath}.restoring`
      rmSync(incoming, { force: true })
      const src = new Database(from, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding })
      try {
        await src.backup(incoming)
      } finally {
        src.close()
      }
      await dataSource.destroy()
      try {
        for (const side of ['-wal', '-shm']) rmSync(`${dbPath}${side}`, { force: true })
        renameSync(incoming, dbPath)
      } finally {
        // The restored file, or the current one when the swap failed: the app goes on with a connection either way.
        dataSource = sqliteDataSource(dbPath, opts)
        await dataSource.initialize()
      }
      await dataSource.runMigrations({ transaction: 'all' })
    },
    async close() {
      await dataSource.destroy()
      release()
    },
  }
}

/** The raw better-sqlite3 connection behind a DataSource, for bulk paths and fast reads. */
export function rawConnection(ds: DataSource): Database.Database {
  return (ds.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
}
