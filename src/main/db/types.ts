import type Database from 'better-sqlite3'
import type { DataSource, EntityManager } from 'typeorm'
import type { Engine, Sql } from './sql'

export const DB_FILE = 'spn.sqlite'

/** Why a database could not be opened. The file is never overwritten in these cases. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'newer' | 'older' | 'migration' | 'locked' | 'unreachable',
    message: string,
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}

export interface OpenOptions {
  /** The data folder: the SQLite file, its backups and lock (and the settings), whichever engine holds the data. */
  dataDir: string
  /** A shared PostgreSQL server (`postgresql://user:password@host:port/db`); the SQLite file in dataDir when not given. */
  databaseUrl?: string
  /** Path to a better_sqlite3.node built for the running runtime (Electron). */
  nativeBinding?: string
  /** Clock for backup names; tests pass a fixed one. */
  now?: () => Date
  /** What this program is, for the lock file ("the desktop app", "browser mode", "spn import"). */
  program?: string
  /**
   * Read only: no lock (several readers may share the folder), no backup, no
   * migrations; a database that needs updating is refused.
   */
  readOnly?: boolean
  /** Called on every new connection (tests use it to limit the file's size). */
  onConnection?: (raw: Database.Database) => void
}

export interface OpenDatabase {
  /** The current data source; it is replaced when a connection had to be reset. */
  readonly dataSource: DataSource
  engine: Engine
  dbPath: string
  schemaVersion: number
  backupPath: string | null
  readOnly: boolean
  /** Runs a read on the shared manager. */
  read<T>(fn: (m: EntityManager, sql: Sql) => Promise<T>): Promise<T>
  /**
   * Runs a write in one transaction: committed whole or not at all. After any
   * failed commit or rollback the connection is checked and, if its state is
   * not clean, reopened before the next call, so a later write is never
   * swallowed by a transaction that nobody commits.
   */
  write<T>(fn: (m: EntityManager, sql: Sql) => Promise<T>): Promise<T>
  /**
   * SQLite only: replaces the whole file with a copy of another SPN database
   * file (a backup) while keeping the folder's lock, then brings its schema up
   * to date. On a failure before the swap the current file stays in use.
   */
  replaceFile?(from: string): Promise<void>
  close(): Promise<void>
}

