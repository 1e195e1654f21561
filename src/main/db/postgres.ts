import pg from 'pg'
import { DataSource, type QueryRunner } from 'typeorm'
import { ENTITIES } from './entities'
import { MIGRATION_NAMES, MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { storageError } from './errors'
import { sqlFor } from './sql'
import { DatabaseOpenError, type OpenDatabase, type OpenOptions } from './types'

// Counts and sums come back as JavaScript numbers, as they do from SQLite.
// Money is in minor units, far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v)) // int8: count(*), sum(integer), bigint columns
pg.types.setTypeParser(1700, (v) => Number(v)) // numeric: sum(bigint)

/** Only one app instance updates the schema at a time; the others wait, then find nothing to do. */
const MIGRATION_LOCK = 7_400_2007

/** The URL without its password, for messages and logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'the configured server'
  }
}

/** Whether a string is a PostgreSQL connection URL the app accepts. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url)
}

function postgresDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false,
    // Each app instance keeps a few connections; a lost one is replaced by the pool.
    extra: { max: 8, connectionTimeoutMillis: 8000, idleTimeoutMillis: 30000 },
  })
}

/** Gives a connection back to the pool, or throws it away when its transaction state is not clean. */
async function giveBack(runner: QueryRunner, broken: unknown): Promise<void> {
  if (broken) {
    const r = runner as unknown as { releasePostgresConnection?: (err: unknown) => Promise<void> }
    if (r.releasePostgresConnection) return r.releasePostgresConnection(broken)
  }
  await runner.release()
}

export async function openPostgres(opts: OpenOptions, url: string): Promise<OpenDatabase> {
  const where = safeUrl(url)
  const dataSource = postgresDataSource(url)
  try {
    await dataSource.initialize()
  } catch (e) {
    throw new DatabaseOpenError('unreachable', `The database server ${where} cannot be reached: ${(e as Error).message.replaceAll(url, where)}`)
  }
  try {
    const runner = dataSource.createQueryRunner()
    try {
      await runner.connect()
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      const hasTable = (await runner.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`)) as Array<{ present: boolean }>
      const applied = hasTable[0].present ? ((await runner.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>).map((r) => r.name) : []
      if (!hasTable[0].present) {
        const tables = (await runner.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`)) as Array<{ n: number }>
        if (tables[0].n > 0) {
          throw new DatabaseOpenError('unreadable', `The database at ${where} holds tables but no migration history, so it is not an SPN Secretariat database; it was not changed.`)
        }
      }
      if (applied.some((n) => !MIGRATION_NAMES.includes(n))) {
        throw new DatabaseOpenError(
          'newer',
          `The database at ${where} was written by a newer version of SPN Secretariat (schema ${applied.length}, this app knows ${SCHEMA_VERSION}). Install the newer version; the database was not changed.`,
        )
      }
      if (opts.readOnly && applied.length < SCHEMA_VERSION) {
        throw new DatabaseOpenError('older', `The database at ${where} needs updating (schema ${applied.length} of ${SCHEMA_VERSION}); start the app or run "spn migrate" first.`)
      }
      if (!opts.readOnly && applied.length < SCHEMA_VERSION) {
        try {
          await dataSource.runMigrations({ transaction: 'all' })
        } catch (e) {
          throw new DatabaseOpenError('migration', `Updating the database at ${where} failed and was rolled back: ${(e as Error).message}`)
        }
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
      await runner.release()
    }
  } catch (e) {
    await dataSource.destroy()
    throw e
  }

  return {
    dataSource,
    engine: 'postgres',
    dbPath: where,
    schemaVersion: SCHEMA_VERSION,
    backupPath: null,
    readOnly: opts.readOnly ?? false,
    async read(fn) {
      // One snapshot for the whole read, so a report's figures agree with each other while others write.
      const runner = dataSource.createQueryRunner()
      let broken: unknown = null
      try {
        await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
        const value = await fn(runner.manager, sqlFor(runner.manager, 'postgres'))
        await runner.query('COMMIT')
        return value
      } catch (e) {
        await runner.query('ROLLBACK').catch((err: unknown) => (broken = err))
        throw storageError(e)
      } finally {
        await giveBack(runner, broken)
      }
    },
    async write(fn) {
      const runner = dataSource.createQueryRunner()
      let broken: unknown = null
      try {
        await runner.startTransaction()
        const value = await fn(runner.manager, sqlFor(runner.manager, 'postgres'))
        await runner.commitTransaction()
        return value
      } catch (e) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch((err: unknown) => (broken = err))
        // A commit or rollback that failed leaves the connection in an unknown state: it is not reused.
        if (runner.isTransactionActive) broken ??= e
        throw storageError(e)
      } finally {
        await giveBack(runner, broken)
      }
    },
    close: () => dataSource.destroy(),
  }
}

export interface ServerParts {
  host: string
  port: number
  database: string
  user: string
  password: string
}

/** A connection URL from its parts (user and password escaped). */
export function serverUrl(p: ServerParts): string {
  const auth = p.password ? `${encodeURIComponent(p.user)}:${encodeURIComponent(p.password)}` : encodeURIComponent(p.user)
  return `postgresql://${auth}@${p.host.includes(':') ? `[${p.host}]` : p.host}:${p.port}/${encodeURIComponent(p.database)}`
}

export function serverParts(url: string): ServerParts {
  const u = new URL(url)
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 5432,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  }
}

/**
 * Connects once to a server and says what it holds: its version, and the SPN
 * schema version found there (null for an empty database). Errors name the
 * server without the password.
 */
export async function probeServer(url: string): Promise<{ serverVersion: string; schemaVersion: number | null; holdsData: boolean }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 6000 })
  try {
    await client.connect()
  } catch (e) {
    throw new DatabaseOpenError('unreachable', `The database server ${safeUrl(url)} cannot be reached: ${(e as Error).message.replaceAll(url, safeUrl(url))}`)
  }
  try {
    const version = (await client.query(`SHOW server_version`)).rows[0].server_version as string
    const major = Number(version.split('.')[0])
    if (major < 15) throw new DatabaseOpenError('unreadable', `The server runs PostgreSQL ${version}; SPN Secretariat needs PostgreSQL 15 or later.`)
    const hasMigrations = (await client.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`)).rows[0].present as boolean
    if (!hasMigrations) {
      const tables = Number((await client.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`)).rows[0].n)
      if (tables > 0) throw new DatabaseOpenError('unreadable', `The database ${safeUrl(url)} holds other tables: it is not an SPN Secretariat database. Create an empty database for the app.`)
      return { serverVersion: version, schemaVersion: null, holdsData: false }
    }
    const schemaVersion = Number((await client.query(`SELECT count(*) AS n FROM migrations`)).rows[0].n)
    const rows = Number((await client.query(`SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM person) AS n`)).rows[0].n)
    return { serverVersion: version, schemaVersion, holdsData: rows > 0 }
  } finally {
    await client.end().catch(() => undefined)
  }
}
