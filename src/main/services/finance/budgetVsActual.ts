import { DomainError } from '../../../shared/domain/result'
import { periodOf } from '../../../shared/domain/dates'

export { periodOf }
import type { BudgetVsActual, BudgetVsActualRow } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { getBudget, listProjects, projectYears, requireProject, versions } from './projects'
import { expensesWithValue } from './expenses'

export const notePeriod = (projectYear: number | null) => (projectYear === null ? 'cumulative' : `Y${projectYear}`)

/**
 * Budget against actual per main line and sub-line: the original (approved)
 * budget, the revised budget (the version in force at the period's end, or
 * the one chosen), and the actual spending in MNT and DKK; the variance is
 * revised − actual DKK.
 */
export async function budgetVsActual(
  ctx: ServiceContext,
  input: { projectId: number; projectYear: number | null; versionId?: number; sourceId?: number; /** Cumulative from the start through this project year. */ throughYear?: number },
): Promise<BudgetVsActual> {
  const p = await requireProject(ctx, input.projectId)
  if (input.projectYear !== null && input.projectYear > projectYears(p)) {
    throw new DomainError('validation', `must be at most ${projectYears(p)}, the project's years`, 'projectYear', { key: 'r.projectYears', vars: { n: projectYears(p) } })
  }
  const all = await versions(ctx, p.id)
  if (!all.length) throw new DomainError('validation', 'The project has no budget yet', undefined, { key: 'r.noBudget' })
  const through = input.throughYear
  const { from, to } = through !== undefined ? { from: p.startsOn, to: periodOf(p, through).to } : periodOf(p, input.projectYear)
  // The version in force at the period's end: a revision approved later does not rewrite a closed period.
  const inForce = all.filter((v) => v.approvedOn <= to).pop() ?? all[0]
  const approved = await getBudget(ctx, p.id, all[0].id)
  const revised = await getBudget(ctx, p.id, input.versionId ?? inForce.id)
  const inYear = (y: number) => (through !== undefined ? y <= through : input.projectYear === null || y === input.projectYear)
  const inSource = (s: number) => input.sourceId === undefined || s === input.sourceId
  const byLine = (cells: typeof approved.amounts) => {
    const m = new Map<number, number>()
    for (const c of cells) if (inYear(c.projectYear) && inSource(c.sourceId)) m.set(c.lineId, (m.get(c.lineId) ?? 0) + c.amountMinor)
    return m
  }
  const approvedBy = byLine(approved.amounts)
  const revisedBy = byLine(revised.amounts)
  const mnt = new Map<number, number>()
  const dkk = new Map<number, number>()
  for (const e of await expensesWithValue(ctx, { projectId: p.id, from, to, sourceId: input.sourceId })) {
    if (e.currency === 'MNT') mnt.set(e.lineId, (mnt.get(e.lineId) ?? 0) + e.amountMinor)
    dkk.set(e.lineId, (dkk.get(e.lineId) ?? 0) + (e.dkkMinor ?? 0))
  }
  const notes = new Map(
    (
      await ctx.sql.all<{ l: number; note: string }>('SELECT line_id AS l, note FROM variance_note WHERE project_id = :projectId AND period = :period', {
        projectId: p.id,
        period: notePeriod(input.projectYear),
      })
    ).map((n) => [n.l, n.note]),
  )
  const project = (await listProjects(ctx)).find((x) => x.id === p.id)!
  const row = (lineId: number | null, mainCode: string, code: string, name: BudgetVsActualRow['name'], isMain: boolean, a: number, r: number, m: number, d: number): BudgetVsActualRow => ({
    lineId,
    mainCode,
    code,
    name,
    isMain,
    approvedMinor: a,
    revisedMinor: r,
    actualMntMinor: m,
    actualDkkMinor: d,
    varianceMinor: r - d,
    variancePercent: r === 0 ? null : (r - d) / r,
    // Exactly, in integers: |r − d| × 100 > threshold × |r|; spending with no budget at all is always over.
    overThreshold: r === 0 ? d !== 0 : Math.abs(r - d) * 100 > p.varianceThresholdPercent * Math.abs(r),
    note: lineId === null ? null : (notes.get(lineId) ?? null),
  })
  const rows: BudgetVsActualRow[] = []
  for (const main of project.mainLines) {
    const subs = project.lines.filter((l) => l.mainCode === main.code)
    if (!subs.length) continue
    const sum = (m: Map<number, number>) => subs.reduce((s, l) => s + (m.get(l.id) ?? 0), 0)
    rows.push(row(null, main.code, main.code, main.name, true, sum(approvedBy), sum(revisedBy), sum(mnt), sum(dkk)))
    for (const l of subs) rows.push(row(l.id, main.code, l.code, l.name, false, approvedBy.get(l.id) ?? 0, revisedBy.get(l.id) ?? 0, mnt.get(l.id) ?? 0, dkk.get(l.id) ?? 0))
  }
  const mains = rows.filter((r) => r.isMain)
  const total = (k: 'approvedMinor' | 'revisedMinor' | 'actualMntMinor' | 'actualDkkMinor' | 'varianceMinor') => mains.reduce((s, r) => s + r[k], 0)
  return {
    projectId: p.id,
    projectYear: input.projectYear,
    from,
    to,
    approvedVersion: approved.version,
    revisedVersion: revised.version,
    rows,
    totals: { approvedMinor: total('approvedMinor'), revisedMinor: total('revisedMinor'), actualMntMinor: total('actualMntMinor'), actualDkkMinor: total('actualDkkMinor'), varianceMinor: total('varianceMinor') },
    warnings: revised.warnings,
    thresholdPercent: p.varianceThresholdPercent,
    unexplained: rows.filter((r) => !r.isMain && r.overThreshold && !r.note).map((r) => r.code),
  }
}

/** Keeps the finance officer's explanation of a line's variance for a period. */
export async function setVarianceNote(ctx: ServiceContext, input: { projectId: number; lineId: number; period: string; note: string | null }): Promise<{ note: string | null }> {
  const p = await requireProject(ctx, input.projectId)
  const params = { projectId: p.id, lineId: input.lineId, period: input.period, note: input.note, now: ctx.now }
  if (!(await ctx.sql.one('SELECT 1 AS found FROM budget_line WHERE id = :lineId AND project_id = :projectId', params))) {
    throw new DomainError('validation', 'is not a budget line of this project', 'lineId')
  }
  const before = (await ctx.sql.one<{ note: string }>('SELECT note FROM variance_note WHERE project_id = :projectId AND line_id = :lineId AND period = :period', params))?.note ?? null
  if (input.note === null) await ctx.sql.run('DELETE FROM variance_note WHERE project_id = :projectId AND line_id = :lineId AND period = :period', params)
  else {
    await ctx.sql.run(
      `INSERT INTO variance_note (project_id, line_id, period, note, updated_at) VALUES (:projectId, :lineId, :period, :note, :now)
       ON CONFLICT (project_id, line_id, period) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`,
      params,
    )
  }
  await audit(ctx, 'variance_note', input.lineId, { period: input.period, note: before }, { period: input.period, note: input.note })
  return { note: input.note }
}
