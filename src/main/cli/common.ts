import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE } from '../db/open'

/** A mistake in how a command was called: said with the usage, exit code 2. */
export class UsageError extends Error {}

/** Where the data is: the SQLite file in a folder, or a PostgreSQL server (--database or SPN_DATABASE_URL). */
export interface Where {
  dataDir: string
  databaseUrl?: string
  databaseOverridden?: boolean
}

export function requireData(where: Where): void {
  if (!where.databaseUrl && !existsSync(join(where.dataDir, DB_FILE))) {
    throw new UsageError(`There is no database in ${where.dataDir}. Give --data or --database, or run spn demo first.`)
  }
}
