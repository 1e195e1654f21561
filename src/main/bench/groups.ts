import type { Backend } from '../backend'
import type { BenchRow } from './run'
import { caller, peakMb, timeIt } from './measure'

/** The self-help groups: the groups page, a large group's page, a CBO's page, recording one weekly meeting, the attendance report of a project year, the dashboard's project progress. */
export async function groupRows(backend: Backend, scale: string, engine: BenchRow['engine'], log: (s: string) => void): Promise<BenchRow[]> {
  log(`${engine} ${scale}: self-help groups…`)
  const call = caller(backend)
  const rows: BenchRow[] = []
  const tree = (await call('groups.tree', {})) as Array<{ cbo: { id: number } | null; lsgs: Array<{ id: number }> }>
  const lsgs = tree.flatMap((a) => a.lsgs)
  rows.push({ scale, engine, operation: `groups page (${lsgs.length} large groups)`, oursMs: await timeIt(9, () => call('groups.tree', {})), baselineMs: null, peakMb: peakMb(), target: '< 300 ms' })
  const lsg = lsgs[0]!.id
  const lsgPage = await timeIt(9, () => Promise.all([call('lsgs.get', { id: lsg }), call('meetings.list', { groupType: 'lsg', groupId: lsg }), call('offices.ofGroup', { groupType: 'lsg', groupId: lsg }), call('documents.ofGroup', { groupType: 'lsg', groupId: lsg })]))
  rows.push({ scale, engine, operation: 'a large group page', oursMs: lsgPage, baselineMs: null, peakMb: peakMb(), target: '< 300 ms' })
  const cbo = tree.find((a) => a.cbo)!.cbo!.id
  const cboPage = await timeIt(9, () => Promise.all([call('cbos.get', { id: cbo }), call('meetings.list', { groupType: 'cbo', groupId: cbo }), call('offices.ofGroup', { groupType: 'cbo', groupId: cbo }), call('documents.ofGroup', { groupType: 'cbo', groupId: cbo })]))
  rows.push({ scale, engine, operation: 'a CBO page', oursMs: cboPage, baselineMs: null, peakMb: peakMb(), target: '< 300 ms' })
  const ssg = ((await call('lsgs.get', { id: lsg })) as { ssgs: Array<{ id: number }> }).ssgs[0]!.id
  let week = 0
  const record = await timeIt(9, async () => {
    const heldOn = new Date(Date.UTC(2011, 3, 6 + 7 * week++)).toISOString().slice(0, 10)
    const sheet = (await call('meetings.sheet', { groupType: 'ssg', groupId: ssg, heldOn })) as Array<{ personId: number }>
    await call('meetings.record', { groupType: 'ssg', groupId: ssg, heldOn, attendance: sheet.map((m) => ({ personId: m.personId, status: 'present' })) })
  })
  rows.push({ scale, engine, operation: 'record one weekly meeting with attendance', oursMs: record, baselineMs: null, peakMb: peakMb(), target: '< 100 ms' })
  const report = await timeIt(5, () => call('reports.generate', { report: 'attendance', from: '2008-03-01', to: '2009-02-28', lang: 'mn', format: 'xlsx' }))
  rows.push({ scale, engine, operation: 'attendance report, project year 2, xlsx', oursMs: report, baselineMs: null, peakMb: peakMb(), target: '< 2 s' })
  const portfolio = await timeIt(5, () => call('portfolio.quality', { on: '2010-06-30' }))
  rows.push({ scale, engine, operation: 'loan portfolio quality on a date (every loan)', oursMs: portfolio, baselineMs: null, peakMb: peakMb(), target: '< 2 s' })
  const series = await timeIt(3, () => call('portfolio.parSeries', { from: '2009-07-01', to: '2010-06-30' }))
  rows.push({ scale, engine, operation: 'PAR30 month by month over a year (the portfolio page chart)', oursMs: series, baselineMs: null, peakMb: peakMb(), target: '< 2 s' })
  const progress = await timeIt(5, () => call('results.groupProgress', {}))
  rows.push({ scale, engine, operation: 'dashboard: project progress (4 project years)', oursMs: progress, baselineMs: null, peakMb: peakMb(), target: '< 1 s' })
  return rows
}

