import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { main } from '../../src/main/cli'
import { startBackend } from '../../src/main/backend'
import { freshPostgres } from '../helpers/backend'
import { cliSandbox } from '../helpers/cli'

/* `spn copy`: from the desktop file to a new shared server, and back as a portable copy. */
let server: { url: string; drop: () => Promise<void> }
const { out, err, dir } = cliSandbox('spn-copy-')
beforeEach(async () => {
  server = await freshPostgres()
})
afterEach(async () => {
  await server.drop()
})

const desktop = () => join(dir(), 'desktop')
const portable = () => join(dir(), 'portable')

async function summaryOf(where: { dataDir: string; databaseUrl?: string }) {
  const b = await startBackend({ ...where, log: () => undefined, readOnly: true })
  try {
    const calls = await Promise.all([
      b.dispatch('dashboard.summary', { asOf: '2010-06-30' }),
      b.dispatch('fees.overview', { year: 2009 }),
      b.dispatch('finance.budgetVsActual', { projectId: 1, projectYear: null }),
      b.dispatch('persons.search', { query: 'bat', pageSize: 50 }),
      b.dispatch('audit.list', { pageSize: 5 }),
    ])
    return calls
  } finally {
    await b.close()
  }
}

describe('spn copy', () => {
  it('moves the desktop file to an empty shared server and back to a portable file, every table verified', async () => {
    expect(await main(['demo', '--data', desktop()])).toBe(0)
    // The test cluster trusts local connections, so any password works: it must never be printed.
    const withPassword = server.url.replace('spn@', 'spn:s3cret-pw@')
    expect(await main(['copy', '--from', desktop(), '--to', withPassword])).toBe(0)
    expect(out.join('\n')).toMatch(/person\s+61\d\d rows\s+checksum [0-9a-f]{16}/)
    expect(out.join('\n')).toMatch(/every table's count and checksum match the source/)
    expect(out.join('\n')).toMatch(/spn:\*\*\*@127\.0\.0\.1/)
    expect([...out, ...err].join('\n')).not.toContain('s3cret-pw')
    const original = await summaryOf({ dataDir: desktop() })
    expect(await summaryOf({ dataDir: dir(), databaseUrl: server.url })).toEqual(original)
    // New records on the server continue after the copied ids.
    expect(await main(['copy', '--from', server.url, '--to', portable()])).toBe(0)
    expect(await summaryOf({ dataDir: portable() })).toEqual(original)
    const b = await startBackend({ dataDir: dir(), databaseUrl: server.url, log: () => undefined })
    const branch = await b.dispatch('branches.create', { code: 'NEW', nameMn: 'Шинэ', nameEn: 'New', areaCode: 'tuv' })
    expect(branch).toMatchObject({ ok: true, value: { id: 16 } })
    await b.close()
  }, 120_000)

  it('refuses a target that holds data and leaves it as it was', async () => {
    expect(await main(['demo', '--data', desktop(), '--scale', 'full'])).toBe(0)
    expect(await main(['demo', '--database', server.url])).toBe(0)
    const before = await summaryOf({ dataDir: dir(), databaseUrl: server.url })
    expect(await main(['copy', '--from', desktop(), '--to', server.url])).toBe(2)
    expect(err.join('\n')).toMatch(/already holds data .*copy only into an empty database/)
    expect(await summaryOf({ dataDir: dir(), databaseUrl: server.url })).toEqual(before)
  })

  it('is all or nothing: a failure part-way leaves the target empty', async () => {
    expect(await main(['demo', '--data', desktop()])).toBe(0)
    const c = new pg.Client({ connectionString: server.url })
    await c.connect()
    await c.query(`CREATE FUNCTION refuse_expense() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk trouble'; END $$`)
    await c.query(`CREATE TRIGGER refuse_expense BEFORE INSERT ON expense FOR EACH ROW EXECUTE FUNCTION refuse_expense()`)
    expect(await main(['copy', '--from', desktop(), '--to', server.url])).toBe(1)
    expect(err.join('\n')).toMatch(/disk trouble/)
    const counts = await c.query(`SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM person) + (SELECT count(*) FROM expense) AS n`)
    expect(Number(counts.rows[0].n)).toBe(0)
    await c.end()
  })

  it('says what is wrong with its arguments', async () => {
    expect(await main(['copy', '--to', server.url])).toBe(2)
    expect(await main(['copy', '--from', join(dir(), 'nothing-here'), '--to', portable()])).toBe(2)
    expect(err.join('\n')).toMatch(/There is no database in/)
    expect(existsSync(join(portable(), 'spn.sqlite'))).toBe(false)
    expect(await main(['migrate', '--database', 'mysql://x@y/z'])).toBe(2)
    expect(err.join('\n')).toMatch(/--database must be a PostgreSQL URL/)
  })
})
