import 'reflect-metadata'
import { openSqlite, rawConnection } from './sqlite'
import { openPostgres } from './postgres'
import type { OpenDatabase, OpenOptions } from './types'

export { DatabaseOpenError, DB_FILE, type OpenDatabase, type OpenOptions } from './types'
export { rawConnection }

/**
 * Opens the database: the SQLite file in the data folder (the default), or a
 * shared PostgreSQL server when a URL is given. Refuses a database a newer app
 * wrote, then runs pending migrations.
 */
export function openDatabase(opts: OpenOptions): Promise<OpenDatabase> {
  return opts.databaseUrl ? openPostgres(opts, opts.databaseUrl) : openSqlite(opts)
}
