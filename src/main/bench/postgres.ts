import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import ExcelJS from 'exceljs'
import pg from 'pg'
import { startBackend } from '../backend'
import { openDatabase } from '../db/open'
import { DEMO_SCALES, loadDemo } from '../demo/load'
import { searchKey } from '../../shared/domain/names'
import { startCluster } from './cluster'
import type { BenchRow } from './run'
import { median, peakMb, timeIt } from './measure'
import { groupRows } from './groups'
import { loanRows } from './loans'
import { resultsRows } from './results'
import { TABLES } from './baselines'

/*
 * The same measurements on a shared PostgreSQL server (a throwaway cluster on
 * this machine), each beside plain `pg` queries doing the same work in the
 * same run.
 */

const time = timeIt

async function pair(runs: number, ours: () => Promise<unknown>, base: () => Promise<unknown>): Promise<{ oursMs: number; baselineMs: number }> {
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < runs; i++) {
    a.push(await time(1, ours))
    b.push(await time(1, base))
  }
  return { oursMs: median(a), baselineMs: median(b) }
}

/** Raw baseline for loading: the same rows, already made, as plain multi-row INSERTs over one pg connection in one transaction. */
async function rawCopy(from: pg.Client, into: pg.Client): Promise<number> {
  const data: Array<{ t: string; cols: string[]; rows: unknown[][] }> = []
  for (const t of TABLES) {
    const r = await from.query({ text: `SELECT * FROM ${t}`, rowMode: 'array' })
    data.push({ t, cols: r.fields.map((f) => f.name), rows: r.rows as unknown[][] })
  }
  const t0 = performance.now()
  await into.query('BEGIN')
  for (const { t, cols, rows } of data) {
    const per = Math.floor(30000 / cols.length)
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per)
      const params: unknown[] = []
      const tuples = part.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`)
      await into.query(`INSERT INTO ${t} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, params)
    }
  }
  await into.query('COMMIT')
  return performance.now() - t0
}

async function createDb(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`CREATE DATABASE ${name}`)
}

/** PostgreSQL rows of the bench, at the project's size. */
export async function runPostgresBench(ledgerXlsx: (n: number, prefix: string) => Promise<Buffer>, log: (s: string) => void): Promise<BenchRow[]> {
  const cluster = await startCluster()
  const dir = mkdtempSync(join(tmpdir(), 'spn-bench-pg-'))
  const rows: BenchRow[] = []
  const admin = new pg.Client({ connectionString: cluster.url('postgres') })
  await admin.connect()
  try {
    log('PostgreSQL: loading demo…')
    const loads: number[] = []
    const copies: number[] = []
    let counts = { households: 0, persons: 0 }
    for (let i = 0; i < 3; i++) {
      await createDb(admin, `ours${i}`)
      await createDb(admin, `raw${i}`)
      const db = await openDatabase({ dataDir: dir, databaseUrl: cluster.url(`ours${i}`) })
      const target = await openDatabase({ dataDir: dir, databaseUrl: cluster.url(`raw${i}`) })
      await target.close()
      const t0 = performance.now()
      counts = await db.write((tx, sql) => loadDemo({ tx, sql }, DEMO_SCALES.full))
      loads.push(performance.now() - t0)
      await db.close()
      const from = new pg.Client({ connectionString: cluster.url(`ours${i}`) })
      const into = new pg.Client({ connectionString: cluster.url(`raw${i}`) })
      await from.connect()
      await into.connect()
      copies.push(await rawCopy(from, into))
      await from.end()
      await into.end()
    }
    const size = `${counts.households} households, ${counts.persons} persons`
    rows.push({ scale: 'full', engine: 'postgresql', operation: `demo load (${size})`, oursMs: median(loads), baselineMs: median(copies), peakMb: peakMb(), target: '≤ 3x raw inserts' })

    const backend = await startBackend({ dataDir: dir, databaseUrl: cluster.url('ours0'), session: { actor: 'bench' }, log: () => undefined })
    const raw = new pg.Client({ connectionString: cluster.url('ours0') })
    await raw.connect()
    try {
      for (const q of ['batbayar', 'Оюун', 'bat erdene']) {
        const likes = searchKey(q).split(' ').map((w) => `%${w}%`)
        const where = likes.map((_, i) => `p.search_text LIKE $${i + 1}`).join(' AND ')
        const baseline = await time(20, async () => {
          await raw.query(`SELECT count(*) AS n FROM person p LEFT JOIN membership m ON m.person_id = p.id WHERE ${where}`, likes)
          await raw.query(
            `SELECT p.*, b.name_mn, b.name_en, m.current_status FROM person p JOIN branch b ON b.id = p.branch_id
             LEFT JOIN membership m ON m.person_id = p.id WHERE ${where} ORDER BY p.sort_key, p.id LIMIT 50 OFFSET 0`,
            likes,
          )
        })
        const ours = await time(20, async () => {
          const r = await backend.dispatch('persons.search', { query: q, pageSize: 50 })
          if (!r.ok) throw new Error(r.error.message)
        })
        rows.push({ scale: 'full', engine: 'postgresql', operation: `person search "${q}" of ${counts.persons}`, oursMs: ours, baselineMs: baseline, peakMb: peakMb(), target: '< 50 ms, ≤ 2x' })
      }
      log('PostgreSQL: reports…')
      const generate = async (report: string, format: 'xlsx' | 'pdf', extra: Record<string, unknown> = { year: 2009 }) => {
        const r = await backend.dispatch('reports.generate', { report, lang: 'mn', format, ...extra })
        if (!r.ok) throw new Error(r.error.message)
      }
      await generate('membership', 'pdf')
      const stream = async (sheets: Array<[string, unknown[][]]>) => {
        const { Writable } = await import('node:stream')
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Writable({ write: (_c, _e, cb) => cb() }) })
        for (const [name, data] of sheets) {
          const ws = wb.addWorksheet(name)
          for (const r of data) ws.addRow(r).commit()
          ws.commit()
        }
        await wb.commit()
      }
      const rowsOf = async (text: string, params: unknown[] = []) => (await raw.query({ text, values: params, rowMode: 'array' })).rows as unknown[][]
      const membership = await pair(
        15,
        () => generate('membership', 'xlsx'),
        async () =>
          stream([
            ['events', await rowsOf(`SELECT e.branch_id, m.member_type, p.gender, e.type, e.effective_date FROM membership_event e JOIN membership m ON m.id = e.membership_id LEFT JOIN person p ON p.id = m.person_id WHERE e.effective_date <= $1`, ['2009-12-31'])],
            ['decisions', await rowsOf(`SELECT e.effective_date, e.type, e.reason, e.reference FROM membership_event e WHERE e.type IN ('rejected','excluded') AND e.effective_date BETWEEN $1 AND $2`, ['2009-01-01', '2009-12-31'])],
            ['households', await rowsOf(`SELECT h.branch_id, count(*), sum(h.single_woman_headed), sum(h.children_count) FROM household h WHERE h.registered_on <= $1 GROUP BY h.branch_id`, ['2009-12-31'])],
          ]),
      )
      rows.push({ scale: 'full', engine: 'postgresql', operation: 'membership report 2009, xlsx', ...membership, peakMb: peakMb(), target: '< 2 s, ≤ 2x' })
      for (const [report, format] of [['membership', 'pdf'], ['fees', 'xlsx'], ['fees', 'pdf'], ['annual', 'pdf'], ['annual', 'xlsx']] as const) {
        rows.push({ scale: 'full', engine: 'postgresql', operation: `${report === 'annual' ? 'annual assembly pack' : `${report} report`} 2009, ${format}`, oursMs: await time(7, () => generate(report, format)), baselineMs: null, peakMb: peakMb(), target: '< 2 s' })
      }
      const financial = await pair(
        7,
        () => generate('financial', 'xlsx', {}),
        async () =>
          stream([
            ['budget', await rowsOf(`SELECT line_id, source_id, sum(amount_minor) FROM budget_amount WHERE version_id = (SELECT max(id) FROM budget_version) GROUP BY line_id, source_id`)],
            ['spent', await rowsOf(`SELECT line_id, source_id, currency, sum(amount_minor) FROM expense GROUP BY line_id, source_id, currency`)],
            ['rates', await rowsOf(`SELECT received_on, dkk_minor, mnt_minor FROM transfer`)],
          ]),
      )
      rows.push({ scale: 'full', engine: 'postgresql', operation: 'financial report (cumulative), xlsx', ...financial, peakMb: peakMb(), target: '< 2 s' })
      rows.push({ scale: 'full', engine: 'postgresql', operation: 'financial report (cumulative), pdf', oursMs: await time(5, () => generate('financial', 'pdf', {})), baselineMs: null, peakMb: peakMb(), target: '< 2 s' })

      rows.push(...(await groupRows(backend, 'full', 'postgresql', log)))
      rows.push(...(await loanRows(backend, 'full', 'postgresql', log)))
      rows.push(...(await resultsRows(backend, 'full', 'postgresql', log)))
      log('PostgreSQL: import…')
      const files = await Promise.all([0, 1, 2].map((i) => ledgerXlsx(20000, `P${i}`)))
      const baseFiles = await Promise.all([0, 1, 2].map((i) => ledgerXlsx(20000, `Q${i}`)))
      let i = 0
      let j = 0
      const imp = await pair(
        3,
        async () => {
          const r = await backend.dispatch('expenses.import', { projectId: 1, fileName: 'ledger.xlsx', base64: files[i++].toString('base64'), dryRun: false })
          if (!r.ok || (r.value as { imported: number }).imported !== 20000) throw new Error(r.ok ? 'import refused rows' : r.error.message)
        },
        async () => {
          const wb = new ExcelJS.Workbook()
          await wb.xlsx.load(baseFiles[j++] as unknown as ArrayBuffer)
          const values: unknown[][] = []
          wb.worksheets[0].eachRow((r, n) => {
            if (n > 2) {
              const v = r.values as unknown[]
              values.push([(v[1] as Date).toISOString().slice(0, 10), `raw-${v[2]}`, v[5], Number(String(v[6]).replace(/\s/g, '')) * 100])
            }
          })
          await raw.query('BEGIN')
          for (let k = 0; k < values.length; k += 1000) {
            const params: unknown[] = []
            const tuples = values.slice(k, k + 1000).map((v) => `(1, ${v.map((x) => (params.push(x), `$${params.length}`)).join(', ')}, 1, NULL, 'MNT', 1, 'bench')`)
            await raw.query(`INSERT INTO expense (project_id, spent_on, voucher, description, amount_minor, line_id, branch_id, currency, source_id, created_at) VALUES ${tuples.join(', ')}`, params)
          }
          await raw.query('COMMIT')
        },
      )
      rows.push({ scale: 'full', engine: 'postgresql', operation: 'import 20 000 expense rows (.xlsx)', ...imp, peakMb: peakMb(), target: '< 3 s, ≤ 3x' })
    } finally {
      await raw.end()
      await backend.close()
    }
  } finally {
    await admin.end()
    cluster.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}
