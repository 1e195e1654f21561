import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type OpenDatabase } from '../../src/main/db/open'
import { compile, type Params } from '../../src/main/db/sql'
import { freshPostgres, TEST_ENGINE } from './backend'

export interface TestDatabase {
  db: OpenDatabase
  /** Runs SQL with named parameters directly on the data source (no transaction of the app around it). */
  exec(text: string, params?: Params): Promise<void>
  all<T = Record<string, unknown>>(text: string, params?: Params): Promise<T[]>
  /** Applied migrations, undone one by one until `n` remain. */
  migrateDownTo(n: number): Promise<void>
  close(): Promise<void>
}

/** A database opened (and migrated) on the test project's engine. */
export async function testDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spn-db-'))
  const server = TEST_ENGINE === 'postgres' ? await freshPostgres() : null
  const db = await openDatabase({ dataDir, databaseUrl: server?.url })
  const query = async <T>(text: string, params?: Params) => {
    const c = compile(db.engine, text, params)
    return (await db.dataSource.query(c.text, c.values)) as T
  }
  const all = <T>(text: string, params?: Params) => query<T[]>(text, params)
  return {
    db,
    exec: async (text, params) => void (await query(text, params)),
    all,
    async migrateDownTo(n) {
      const applied = async () => Number((await all<{ n: number }>('SELECT count(*) AS n FROM migrations'))[0].n)
      while ((await applied()) > n) await db.dataSource.undoLastMigration({ transaction: 'all' })
    },
    async close() {
      await db.close()
      await server?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
