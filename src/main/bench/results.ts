import type { Backend } from '../backend'
import type { BenchRow } from './run'
import { caller, peakMb, timeIt } from './measure'

/**
 * Results (issue 14's targets): every indicator of the demo project's
 * framework for project year 4 (the issue asks for one year under 2 s at 10x;
 * the last year is the slowest) and for every year begun at once, the
 * progress report (under 3 s at the project's size) and the activities
 * report of a year.
 */
export async function resultsRows(backend: Backend, scale: string, engine: BenchRow['engine'], log: (s: string) => void): Promise<BenchRow[]> {
  log(`${engine} ${scale}: results framework…`)
  const call = caller(backend)
  const rows: BenchRow[] = []
  const row = (operation: string, oursMs: number, target: string) => rows.push({ scale, engine, operation, oursMs, baselineMs: null, peakMb: peakMb(), target })
  // Project year 4 is the slowest year: its cumulative figures run over the whole project.
  row('results framework: every indicator of project year 4 (and cumulative)', await timeIt(3, () => call('results.framework', { projectYear: 4 })), '< 2 s')
  row('results framework: every indicator, all four project years', await timeIt(3, () => call('results.framework', {})), '—')
  row('progress report of project year 2, PDF with charts', await timeIt(3, () => call('reports.generate', { report: 'progress', projectYear: 2, lang: 'mn', format: 'pdf' })), scale === 'full' ? '< 3 s' : '—')
  row('activities report 2009, xlsx', await timeIt(3, () => call('reports.generate', { report: 'activities', year: 2009, lang: 'mn', format: 'xlsx' })), '< 2 s')
  return rows
}
