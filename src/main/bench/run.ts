import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startBackend, type Backend } from '../backend'
import { openDatabase, rawConnection } from '../db/open'
import { DEMO_SCALES, loadDemo, type DemoScale } from '../demo/load'
import { searchKey } from '../../shared/domain/names'
import { membershipReport } from '../reports/membership'
import { runPostgresBench } from './postgres'
import { median, peakMb, timeIt, timePair } from './measure'
import { groupRows } from './groups'
import { loanRows } from './loans'
import { resultsRows } from './results'
import { ledgerXlsx, rawAnnualPdf, rawFeesRows, rawFinancialXlsx, rawImport, rawInsertCopy, rawMembershipPdf, rawMembershipXlsx, streamXlsx } from './baselines'

export interface BenchRow {
  scale: string
  engine: 'sqlite' | 'postgresql'
  operation: string
  oursMs: number
  /** null where no raw baseline is measured (the target is an absolute time). */
  baselineMs: number | null
  /** The process's resident-memory high-water mark after the operation, in MB. */
  peakMb: number
  target: string
}

async function generate(backend: Backend, format: 'xlsx' | 'pdf', report: 'membership' | 'fees' | 'annual' = 'membership'): Promise<void> {
  const r = await backend.dispatch('reports.generate', { report, year: 2009, lang: 'mn', format })
  if (!r.ok) throw new Error(r.error.message)
}

/**
 * Measures, at each demo scale, what users wait for, each beside a raw
 * baseline measured in the same run: demo loading, person search, and the
 * membership report in xlsx and PDF.
 */
export async function runBench(
  scales: DemoScale[] = ['full', '10k', '10x'],
  log: (s: string) => void = console.error,
  engines: Array<'sqlite' | 'postgresql'> = ['sqlite', 'postgresql'],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  if (engines.includes('sqlite')) {
    rows.push(...(await sqliteRows(scales, log)))
    rows.push(await synchronousCost(log))
  }
  if (engines.includes('postgresql')) rows.push(...(await runPostgresBench(ledgerXlsx, log)))
  return rows
}

/**
 * What `synchronous=FULL` (every acknowledged write on the disk before the
 * answer) costs: a burst of 1,000 single writes through the app, each its own
 * transaction, beside the same burst with `synchronous=NORMAL`.
 */
async function synchronousCost(log: (s: string) => void): Promise<BenchRow> {
  log('SQLite: the cost of synchronous=FULL…')
  const burst = async (mode: 'FULL' | 'NORMAL') => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spn-bench-sync-'))
    const backend = await startBackend({ dataDir, session: { actor: 'bench' }, log: () => undefined, onConnection: (db) => void db.pragma(`synchronous = ${mode}`) })
    try {
      const b = await backend.dispatch('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi' })
      if (!b.ok) throw new Error(b.error.message)
      const branchId = (b.value as { id: number }).id
      const t0 = performance.now()
      for (let i = 0; i < 1000; i++) {
        const r = await backend.dispatch('persons.create', { patronymic: 'Цэнд', givenName: 'Батбаяр', gender: 'male', branchId, phone: String(90000000 + i) })
        if (!r.ok) throw new Error(r.error.message)
      }
      return performance.now() - t0
    } finally {
      await backend.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  const full: number[] = []
  const normal: number[] = []
  for (let i = 0; i < 3; i++) {
    full.push(await burst('FULL'))
    normal.push(await burst('NORMAL'))
  }
  return { scale: '—', engine: 'sqlite', operation: '1 000 single writes, synchronous=FULL (baseline NORMAL)', oursMs: median(full), baselineMs: median(normal), peakMb: peakMb(), target: 'the cost of durability' }
}

async function sqliteRows(scales: DemoScale[], log: (s: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const scale of scales) {
    const dataDir = mkdtempSync(join(tmpdir(), 'spn-bench-'))
    try {
      log(`Scale ${scale}: loading demo…`)
      // Loading, three times each into fresh databases, ours and the raw copy alternately.
      const loads: number[] = []
      const copies: number[] = []
      let counts = { households: 0, persons: 0 }
      for (let i = 0; i < 3; i++) {
        const dir = mkdtempSync(join(tmpdir(), 'spn-bench-load-'))
        const copyDir = mkdtempSync(join(tmpdir(), 'spn-bench-raw-'))
        try {
          const db = await openDatabase({ dataDir: dir })
          const t0 = performance.now()
          counts = await db.write((tx, sql) => loadDemo({ tx, sql }, DEMO_SCALES[scale]))
          loads.push(performance.now() - t0)
          const target = await openDatabase({ dataDir: copyDir })
          copies.push(rawInsertCopy(rawConnection(db.dataSource), rawConnection(target.dataSource)))
          await target.close()
          await db.close()
        } finally {
          rmSync(dir, { recursive: true, force: true })
          rmSync(copyDir, { recursive: true, force: true })
        }
      }
      const size = `${counts.households} households, ${counts.persons} persons`
      rows.push({ scale, engine: 'sqlite', operation: `demo load (${size})`, oursMs: median(loads), baselineMs: median(copies), peakMb: peakMb(), target: '≤ 3x raw inserts' })

      const backend = await startBackend({ dataDir, session: { actor: 'bench' } })
      const raw = rawConnection(backend.db!.dataSource)
      await backend.db!.write((tx, sql) => loadDemo({ tx, sql }, DEMO_SCALES[scale]))
      for (const q of ['batbayar', 'Оюун', 'bat erdene']) {
        const likes = searchKey(q).split(' ').map((w) => `%${w}%`)
        const where = likes.map(() => 'p.search_text LIKE ?').join(' AND ')
        const count = raw.prepare(`SELECT count(*) AS n FROM person p LEFT JOIN membership m ON m.person_id = p.id WHERE ${where}`)
        const page = raw.prepare(`SELECT p.*, b.name_mn, b.name_en, m.current_status FROM person p JOIN branch b ON b.id = p.branch_id
          LEFT JOIN membership m ON m.person_id = p.id WHERE ${where} ORDER BY p.sort_key, p.id LIMIT 50 OFFSET 0`)
        const baseline = await timeIt(20, () => {
          count.get(...likes)
          page.all(...likes)
        })
        const ours = await timeIt(20, async () => {
          const r = await backend.dispatch('persons.search', { query: q, pageSize: 50 })
          if (!r.ok) throw new Error(r.error.message)
        })
        rows.push({ scale, engine: 'sqlite', operation: `person search "${q}" of ${counts.persons}`, oursMs: ours, baselineMs: baseline, peakMb: peakMb(), target: '< 50 ms, ≤ 2x' })
      }
      log(`Scale ${scale}: reports…`)
      await generate(backend, 'pdf') // warm up fonts and modules once
      const model = await backend.db!.read((_m, sql) => membershipReport(sql, { from: '2009-01-01', to: '2009-12-31', lang: 'mn', generatedAt: new Date().toISOString() }))
      const texts = [model.title, model.period.label, ...model.summary.map((x) => `${x.label} ${x.value}`), ...model.notes]
      const xlsx = await timePair(15, () => generate(backend, 'xlsx'), () => rawMembershipXlsx(raw, '2009-01-01', '2009-12-31'))
      rows.push({ scale, engine: 'sqlite', operation: 'membership report 2009, xlsx', ...xlsx, peakMb: peakMb(), target: '< 2 s, ≤ 2x' })
      const pdf = await timePair(15, () => generate(backend, 'pdf'), () => rawMembershipPdf(raw, '2009-01-01', '2009-12-31', texts))
      rows.push({ scale, engine: 'sqlite', operation: 'membership report 2009, pdf', ...pdf, peakMb: peakMb(), target: '< 2 s, ≤ 2x' })
      const fees = await timePair(15, () => generate(backend, 'xlsx', 'fees'), async () => {
        const f = rawFeesRows(raw, 2009)
        await streamXlsx([['branches', f.branches], ['members', f.members], ['arrears', f.members.filter((r) => Number(r[3]) < Number(r[2]))]])
      })
      rows.push({ scale, engine: 'sqlite', operation: 'fees report 2009, xlsx', ...fees, peakMb: peakMb(), target: '< 2 s, ≤ 2x' })
      const feesPdf = await timePair(15, () => generate(backend, 'pdf', 'fees'), () => rawAnnualPdf(raw, texts.slice(0, 8), true))
      rows.push({ scale, engine: 'sqlite', operation: 'fees report 2009, pdf', ...feesPdf, peakMb: peakMb(), target: '< 2 s, ≤ 2x' })
      await generate(backend, 'pdf', 'annual')
      const annualTexts = [...texts, ...texts]
      const annual = await timePair(15, () => generate(backend, 'pdf', 'annual'), async () => {
        await rawMembershipPdf(raw, '2009-01-01', '2009-12-31', annualTexts)
        await rawAnnualPdf(raw, [])
      })
      rows.push({ scale, engine: 'sqlite', operation: 'annual assembly pack 2009, pdf', ...annual, peakMb: peakMb(), target: '< 2 s, ≤ 2x' })
      const annualX = await timePair(15, () => generate(backend, 'xlsx', 'annual'), async () => {
        await rawMembershipXlsx(raw, '2009-01-01', '2009-12-31')
        const f = rawFeesRows(raw, 2009)
        await streamXlsx([['branches', f.branches], ['members', f.members], ['assemblies', raw.prepare(`SELECT * FROM assembly WHERE year = 2009`).raw().all() as unknown[][]]])
      })
      rows.push({ scale, engine: 'sqlite', operation: 'annual assembly pack 2009, xlsx', ...annualX, peakMb: peakMb(), target: '< 2 s, ≤ 2x' })
      rows.push(...(await groupRows(backend, scale, 'sqlite', log)))
      rows.push(...(await loanRows(backend, scale, 'sqlite', log)))
      rows.push(...(await resultsRows(backend, scale, 'sqlite', log)))
      if (scale === 'full') {
        log('Finance: import and the financial report…')
        const fin = await timePair(
          7,
          async () => {
            const r = await backend.dispatch('reports.generate', { report: 'financial', lang: 'en', format: 'xlsx' })
            if (!r.ok) throw new Error(r.error.message)
          },
          () => rawFinancialXlsx(raw),
        )
        rows.push({ scale, engine: 'sqlite', operation: 'financial report (cumulative), xlsx', ...fin, peakMb: peakMb(), target: '< 2 s' })
        const finPdf = await timePair(
          7,
          async () => {
            const r = await backend.dispatch('reports.generate', { report: 'financial', lang: 'en', format: 'pdf' })
            if (!r.ok) throw new Error(r.error.message)
          },
          () => rawAnnualPdf(raw, texts.slice(0, 4), true),
        )
        rows.push({ scale, engine: 'sqlite', operation: 'financial report (cumulative), pdf', ...finPdf, peakMb: peakMb(), target: '< 2 s' })
        const files = await Promise.all([0, 1, 2].map((i) => ledgerXlsx(20000, `B${i}`)))
        const baseFiles = await Promise.all([0, 1, 2].map((i) => ledgerXlsx(20000, `R${i}`)))
        let i = 0
        let j = 0
        const imp = await timePair(
          3,
          async () => {
            const r = await backend.dispatch('expenses.import', { projectId: 1, fileName: 'ledger.xlsx', base64: files[i++].toString('base64'), dryRun: false })
            if (!r.ok || (r.value as { imported: number }).imported !== 20000) throw new Error(r.ok ? JSON.stringify((r.value as { problems: unknown[] }).problems.slice(0, 3)) : r.error.message)
          },
          () => rawImport(raw, baseFiles[j++]),
        )
        rows.push({ scale, engine: 'sqlite', operation: 'import 20 000 expense rows (.xlsx)', ...imp, peakMb: peakMb(), target: '< 3 s, ≤ 3x' })
      }
      await backend.close()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return rows
}

export function formatBench(rows: BenchRow[]): string {
  const head = ['engine', 'scale', 'operation', 'ours (ms)', 'baseline (ms)', 'ratio', 'peak RSS (MB)', 'target']
  const body = rows.map((r) => [
    r.engine,
    r.scale,
    r.operation,
    r.oursMs.toFixed(1),
    r.baselineMs === null ? '—' : r.baselineMs.toFixed(1),
    r.baselineMs === null ? '—' : (r.oursMs / r.baselineMs).toFixed(2),
    String(r.peakMb),
    r.target,
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n')
}
