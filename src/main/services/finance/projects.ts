import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import { checkAdminShare, checkLineMoves, checkTotals, projectYearOf, type BudgetWarning } from '../../../shared/domain/finance'
import type { budgetRevisionInput } from '../../../shared/api/finance'
import type { Budget, BudgetCell, BudgetVersion, Project } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'

interface ProjectRecord {
  id: number
  code: string
  name: string
  donor: string
  startsOn: string
  endsOn: string
  grantMinor: number
}

export function requireProject(ctx: ServiceContext, id: number): ProjectRecord {
  const p = ctx.raw.prepare(`SELECT id, code, name, donor, starts_on AS startsOn, ends_on AS endsOn, grant_minor AS grantMinor FROM project WHERE id = ?`).get(id) as ProjectRecord | undefined
  if (!p) throw new DomainError('not_found', `No project with id ${id}`, 'projectId')
  return p
}

export function versions(ctx: ServiceContext, projectId: number): BudgetVersion[] {
  return ctx.raw
    .prepare(`SELECT id, number, approved_on AS approvedOn, reason, created_by AS createdBy FROM budget_version WHERE project_id = ? ORDER BY number`)
    .all(projectId) as BudgetVersion[]
}

export function projectYears(p: { startsOn: string; endsOn: string }): number {
  return projectYearOf(p.startsOn, p.endsOn)
}

export function listProjects(ctx: ServiceContext): Project[] {
  const projects = ctx.raw.prepare(`SELECT id FROM project ORDER BY starts_on`).pluck().all() as number[]
  return projects.map((id) => {
    const p = requireProject(ctx, id)
    const sources = (ctx.raw.prepare(`SELECT id, code, kind, name_en AS en, name_mn AS mn, committed_minor AS committedMinor FROM funding_source WHERE project_id = ? ORDER BY id`).all(id) as Array<{ id: number; code: string; kind: Project['sources'][number]['kind']; en: string; mn: string; committedMinor: number | null }>).map(
      ({ en, mn, ...s }) => ({ ...s, name: { en, mn } }),
    )
    const lines = (ctx.raw.prepare(`SELECT id, main_code AS mainCode, code, name_en AS en, name_mn AS mn FROM budget_line WHERE project_id = ? ORDER BY CAST(main_code AS INTEGER), code`).all(id) as Array<{ id: number; mainCode: string; code: string; en: string; mn: string }>).map(
      ({ en, mn, ...l }) => ({ ...l, name: { en, mn } }),
    )
    return { ...p, currency: 'DKK' as const, years: projectYears(p), sources, lines, versions: versions(ctx, id) }
  })
}

function amountsOf(ctx: ServiceContext, versionId: number): BudgetCell[] {
  return ctx.raw
    .prepare(`SELECT line_id AS lineId, project_year AS projectYear, source_id AS sourceId, amount_minor AS amountMinor FROM budget_amount WHERE version_id = ? ORDER BY line_id, project_year, source_id`)
    .all(versionId) as BudgetCell[]
}

export function totalsByMainLine(ctx: ServiceContext, cells: BudgetCell[]): Record<string, number> {
  const main = new Map((ctx.raw.prepare(`SELECT id, main_code AS m FROM budget_line`).all() as Array<{ id: number; m: string }>).map((r) => [r.id, r.m]))
  const out: Record<string, number> = {}
  for (const c of cells) out[main.get(c.lineId)!] = (out[main.get(c.lineId)!] ?? 0) + c.amountMinor
  return out
}

export function versionById(ctx: ServiceContext, projectId: number, versionId?: number): BudgetVersion {
  const all = versions(ctx, projectId)
  const v = versionId === undefined ? all[all.length - 1] : all.find((x) => x.id === versionId)
  if (!v) throw new DomainError('not_found', versionId === undefined ? 'The project has no budget yet' : `No budget version ${versionId} in this project`, 'versionId')
  return v
}

/** A budget version with totals and the checks: 7% administration, 10% moves since the previous version, totals per source. */
export function getBudget(ctx: ServiceContext, projectId: number, versionId?: number): Budget {
  requireProject(ctx, projectId)
  const version = versionById(ctx, projectId, versionId)
  const amounts = amountsOf(ctx, version.id)
  const byMain = totalsByMainLine(ctx, amounts)
  const bySource: Record<number, number> = {}
  for (const c of amounts) bySource[c.sourceId] = (bySource[c.sourceId] ?? 0) + c.amountMinor
  const warnings: BudgetWarning[] = []
  const admin = checkAdminShare(byMain)
  if (admin) warnings.push(admin)
  const previous = versions(ctx, projectId).filter((v) => v.number < version.number).pop()
  if (previous) warnings.push(...checkLineMoves(totalsByMainLine(ctx, amountsOf(ctx, previous.id)), byMain))
  const sources = ctx.raw.prepare(`SELECT id, name_en AS name, committed_minor AS committedMinor FROM funding_source WHERE project_id = ?`).all(projectId) as Array<{ id: number; name: string; committedMinor: number | null }>
  warnings.push(...checkTotals(sources.map((s) => ({ name: s.name, budgetMinor: bySource[s.id] ?? 0, committedMinor: s.committedMinor }))))
  return { version, amounts, totalsByMainLine: byMain, totalsBySource: bySource, totalMinor: amounts.reduce((s, c) => s + c.amountMinor, 0), warnings }
}

/** Records a revision as a new version; earlier versions stay as approved. */
export async function reviseBudget(ctx: ServiceContext, input: z.output<typeof budgetRevisionInput>): Promise<Budget> {
  const p = requireProject(ctx, input.projectId)
  const all = versions(ctx, p.id)
  const last = all[all.length - 1]
  if (last && input.approvedOn < last.approvedOn) throw new DomainError('validation', `must not be before the approval of version ${last.number} (${last.approvedOn})`, 'approvedOn')
  const lines = new Set(ctx.raw.prepare('SELECT id FROM budget_line WHERE project_id = ?').pluck().all(p.id) as number[])
  const sources = new Set(ctx.raw.prepare('SELECT id FROM funding_source WHERE project_id = ?').pluck().all(p.id) as number[])
  const years = projectYears(p)
  const seen = new Set<string>()
  for (const [i, a] of input.amounts.entries()) {
    if (!lines.has(a.lineId)) throw new DomainError('validation', 'is not a budget line of this project', `amounts.${i}.lineId`)
    if (!sources.has(a.sourceId)) throw new DomainError('validation', 'is not a funding source of this project', `amounts.${i}.sourceId`)
    if (a.projectYear > years) throw new DomainError('validation', `must be at most ${years}, the project's years`, `amounts.${i}.projectYear`)
    const key = `${a.lineId}/${a.projectYear}/${a.sourceId}`
    if (seen.has(key)) throw new DomainError('validation', 'repeats a line, year and source', `amounts.${i}`)
    seen.add(key)
  }
  const number = last ? last.number + 1 : 0
  const versionId = Number(
    ctx.raw.prepare(`INSERT INTO budget_version (project_id, number, approved_on, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`).run(p.id, number, input.approvedOn, input.reason, ctx.now, ctx.actor).lastInsertRowid,
  )
  const ins = ctx.raw.prepare(`INSERT INTO budget_amount (version_id, line_id, project_year, source_id, amount_minor) VALUES (?, ?, ?, ?, ?)`)
  for (const a of input.amounts) if (a.amountMinor > 0) ins.run(versionId, a.lineId, a.projectYear, a.sourceId, a.amountMinor)
  const out = getBudget(ctx, p.id, versionId)
  await audit(ctx, 'budget_version', versionId, last ? { version: last.number, totalsByMainLine: totalsByMainLine(ctx, amountsOf(ctx, last.id)) } : null, { version: number, reason: input.reason, totalsByMainLine: out.totalsByMainLine })
  return out
}
