import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBackend, type Backend } from '../../src/main/backend'
import { inject } from 'vitest'
import pg from 'pg'
import type { InputOf, OperationName, OutputOf } from '../../src/shared/api/contract'
import type { Result } from '../../src/shared/domain/result'
import type { Session } from '../../src/main/api/dispatcher'
import type { Sql } from '../../src/main/db/sql'
import { loadDemo, type DemoCounts, type DemoOptions } from '../../src/main/demo/load'

export interface TestBackend {
  backend: Backend
  dataDir: string
  call<K extends OperationName>(op: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>
  /** Calls and unwraps, failing the test with the error message otherwise. */
  must<K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>>
  count(table: string): Promise<number>
  engine: 'sqlite' | 'postgres'
  /** The PostgreSQL database's URL (postgres project only), for a second app instance on the same data. */
  databaseUrl?: string
  /** Reads with the app's SQL helper (the same on both engines). */
  read<T>(fn: (sql: Sql) => Promise<T>): Promise<T>
  /** Loads the demo in one write, as `spn demo` does. */
  loadDemo(opts?: DemoOptions): Promise<DemoCounts>
  close(): Promise<void>
}

/** The engine this test project runs on (vitest.config.mts runs the suites once per engine). */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.SPN_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'

let databases = 0

/** A fresh database on the test cluster, made from the migrated template (or the one with the demo); dropped again by the returned function. */
export async function freshPostgres(template: 'spn_template' | 'spn_demo' = 'spn_template'): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = inject('pgBaseUrl')
  const name = `spn_t_${process.pid}_${++databases}`
  const admin = new pg.Client({ connectionString: `${base}postgres` })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  } finally {
    await admin.end()
  }
  return {
    url: `${base}${name}`,
    async drop() {
      const c = new pg.Client({ connectionString: `${base}postgres` })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

/** A backend on a fresh database: a SQLite file in a temp folder, or a new database on the test cluster. */
export function testBackend(session?: Partial<Session>, clock = () => new Date('2026-11-26T09:00:00Z')): Promise<TestBackend> {
  return backendOn(false, session, clock)
}

/**
 * A backend on a fresh copy of the demo (the project's size, loaded once per
 * test run by the project's global setup: test/helpers/sqliteGlobal.ts and
 * pgGlobal.ts), as `spn demo` leaves it.
 */
export function demoBackend(session?: Partial<Session>, clock = () => new Date('2026-11-26T09:00:00Z')): Promise<TestBackend> {
  return backendOn(true, session, clock)
}

async function backendOn(demo: boolean, session: Partial<Session> | undefined, clock: () => Date): Promise<TestBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spn-test-'))
  const server = TEST_ENGINE === 'postgres' ? await freshPostgres(demo ? 'spn_demo' : 'spn_template') : null
  if (demo && !server) copyFileSync(inject('sqliteDemo'), join(dataDir, 'spn.sqlite'))
  const backend = await startBackend({
    dataDir,
    databaseUrl: server?.url,
    session: { actor: 'tester', ...session },
    clock,
    log: (m, e) => process.env.SPN_TEST_LOG && console.error(m, e),
  })
  if (backend.startupError) throw new Error(backend.startupError)
  const call = (op: string, input: unknown) => backend.dispatch(op, input)
  return {
    backend,
    dataDir,
    call: call as TestBackend['call'],
    async must(op, input) {
      const r = await call(op, input)
      if (!r.ok) throw new Error(`${op} failed: ${r.error.code} ${r.error.message}`)
      return r.value as never
    },
    read: (fn) => backend.db!.read((_m, sql) => fn(sql)),
    loadDemo: (opts = {}) => backend.db!.write((tx, sql) => loadDemo({ tx, sql }, { now: '2026-11-26T09:00:00.000Z', ...opts })),
    engine: TEST_ENGINE,
    databaseUrl: server?.url,
    count: (table) => backend.db!.read((_m, sql) => sql.value(`SELECT count(*) AS n FROM ${table}`)),
    async close() {
      await backend.close()
      await server?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const DORNOGOVI = { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true }
export const ORKHON = { code: 'ORK', nameMn: 'Орхон', nameEn: 'Orkhon', areaCode: 'orkhon', isProjectBranch: true }

/** A valid new person at a branch; override what the test is about. */
export function personAt(branchId: number, over: Record<string, unknown> = {}) {
  return { patronymic: 'Цэнд', givenName: 'Батбаяр', gender: 'male' as const, registerNumber: 'УБ85031215', branchId, ...over }
}
