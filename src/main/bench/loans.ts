import type { Backend } from '../backend'
import type { BenchRow } from './run'
import { caller, peakMb, timeIt } from './measure'
import type { CollectionSheet } from '../../shared/api/sheetsTypes'

/**
 * Savings and loans (issue 13's targets): one small group's collection
 * sheet, an area's sheets for a week as one PDF, entering a filled sheet,
 * and the portfolio report on a date.
 */
export async function loanRows(backend: Backend, scale: string, engine: BenchRow['engine'], log: (s: string) => void): Promise<BenchRow[]> {
  log(`${engine} ${scale}: savings and loans…`)
  const call = caller(backend)
  const rows: BenchRow[] = []
  const row = (operation: string, oursMs: number, target: string) => rows.push({ scale, engine, operation, oursMs, baselineMs: null, peakMb: peakMb(), target })
  // The small group with the most loans, and its area.
  const { ssgId, areaCode } = (await backend.db!.read((_m, sql) =>
    sql.one<{ ssgId: number; areaCode: string }>(
      `SELECT l.ssg_id AS "ssgId", b.code AS "areaCode" FROM loan l JOIN lsg g ON g.id = l.lsg_id JOIN branch b ON b.id = g.branch_id
       GROUP BY l.ssg_id, b.code ORDER BY count(*) DESC, l.ssg_id LIMIT 1`,
    ),
  ))!
  row('collection sheet of one small group', await timeIt(9, () => call('sheets.get', { ssgId, heldOn: '2010-06-02' })), '< 100 ms')
  row(`collection sheets of an area for a week (${areaCode}), one PDF`, await timeIt(3, () => call('reports.generate', { report: 'collection', area: areaCode, date: '2010-06-02', lang: 'mn', format: 'pdf' })), '< 2 s')
  // Filled sheets entered week after week after the demo's last meeting, everything due paid.
  let week = 0
  const enter = await timeIt(9, async () => {
    // After the demo and after the weeks the groups bench records (April-June 2011).
    const heldOn = new Date(Date.UTC(2011, 8, 7 + 7 * week++)).toISOString().slice(0, 10)
    const sheet = (await call('sheets.get', { ssgId, heldOn })) as CollectionSheet
    await call('sheets.enter', {
      ssgId,
      heldOn,
      minutes: null,
      lines: sheet.lines.map((l) => ({ personId: l.personId, status: 'present', compulsoryMinor: l.weeklyMinor + l.savingsArrearsMinor, voluntaryMinor: 0, withdrawalMinor: 0, repaymentMinor: l.loan?.dueMinor ?? 0 })),
    })
  })
  row('enter a filled collection sheet (read it, then record it)', enter, '< 200 ms')
  row('portfolio report on a date, xlsx', await timeIt(3, () => call('reports.generate', { report: 'portfolio', date: '2010-06-30', lang: 'mn', format: 'xlsx' })), '< 2 s')
  return rows
}
