import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startBackend } from '../backend'
import { rawConnection } from '../db/open'
import { loadDemo } from '../demo/load'
import { searchKey } from '../../shared/domain/names'

export interface BenchRow {
  operation: string
  oursMs: number
  baselineMs: number
  /** Peak resident memory of the process after the operation, in MB. */
  peakMb: number
  target?: string
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function timeIt(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  return median(times)
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024)

/**
 * Measures person search at the service level (through the dispatcher, as the
 * UI calls it) beside a raw better-sqlite3 prepared statement doing the same
 * search, on a temporary database with about 10,000 persons.
 */
export async function runBench(log: (s: string) => void = console.log): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spn-bench-'))
  const rows: BenchRow[] = []
  try {
    const backend = await startBackend({ dataDir, session: { actor: 'bench' } })
    const raw = rawConnection(backend.db!.dataSource)
    const t0 = performance.now()
    const counts = loadDemo(raw, { householdsPerBranch: 400 })
    log(`Demo with ${counts.persons} persons loaded in ${Math.round(performance.now() - t0)} ms`)

    const queries = ['batbayar', 'Оюун', 'ДО85', 'tsetseg', 'bat erdene']
    for (const q of queries) {
      // The same statements the service runs, prepared once, without the contract, dispatcher and mapping.
      const likes = searchKey(q).split(' ').map((w) => `%${w}%`)
      const where = likes.map(() => 'p.search_text LIKE ?').join(' AND ')
      const multi = likes.length > 1
      const count = raw.prepare(`SELECT count(*) AS n FROM person p LEFT JOIN membership m ON m.person_id = p.id WHERE ${where}`)
      const page = raw.prepare(`SELECT p.*, b.name_mn, b.name_en, m.current_status FROM person p JOIN branch b ON b.id = p.branch_id
        LEFT JOIN membership m ON m.person_id = p.id WHERE ${where} ORDER BY p.sort_key, p.id LIMIT 50 OFFSET 0`)
      const baseline = await timeIt(30, () => {
        count.get(...likes)
        page.all(...likes)
      })
      let total = 0
      const ours = await timeIt(30, async () => {
        const r = await backend.dispatch('persons.search', { query: q, pageSize: 50 })
        if (!r.ok) throw new Error(r.error.message)
        total = (r.value as { total: number }).total
      })
      rows.push({
        operation: `person search "${q}" (${total} hits${multi ? ', two words' : ''}) of ${counts.persons}`,
        oursMs: ours,
        baselineMs: baseline,
        peakMb: peakMb(),
        target: '< 50 ms, ≤ 2x',
      })
    }
    const all = await timeIt(30, () => backend.dispatch('persons.search', { query: '', page: 100, pageSize: 50 }))
    const allRaw = await timeIt(30, () => {
      raw.prepare('SELECT count(*) FROM person p LEFT JOIN membership m ON m.person_id = p.id').get()
      raw.prepare(`SELECT p.*, b.name_mn, b.name_en, m.current_status FROM person p JOIN branch b ON b.id = p.branch_id
        LEFT JOIN membership m ON m.person_id = p.id ORDER BY p.sort_key, p.id LIMIT 50 OFFSET 4950`).all()
    })
    rows.push({ operation: `persons page 100 of ${counts.persons}, sorted by name`, oursMs: all, baselineMs: allRaw, peakMb: peakMb(), target: '< 50 ms, ≤ 2x' })
    await backend.close()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
  return rows
}

export function formatBench(rows: BenchRow[]): string {
  const head = ['operation', 'ours (ms)', 'baseline (ms)', 'ratio', 'peak RSS (MB)', 'target']
  const body = rows.map((r) => [r.operation, r.oursMs.toFixed(2), r.baselineMs.toFixed(2), (r.oursMs / r.baselineMs).toFixed(2), String(r.peakMb), r.target ?? ''])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n')
}
