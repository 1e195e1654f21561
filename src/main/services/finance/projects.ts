import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import { approveMoves, checkAdminShare, checkLineMoves, checkTotals, projectYearOf, type BudgetWarning } from '../../../shared/domain/finance'
import { formatDateMn } from '../../../shared/domain/dates'
import { lockedThrough } from './locks'
import type { budgetRevisionInput, projectInput } from '../../../shared/api/finance'
import type { Budget, BudgetCell, BudgetVersion, Project } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { BudgetAmountEntity } from '../../db/entities'
import { insertMany } from '../../db/bulk'

interface ProjectRecord {
  id: number
  code: string
  name: string
  nameMn: string | null
  donor: string
  donorMn: string | null
  startsOn: string
  endsOn: string
  grantMinor: number
  agreementNumber: string | null
  adminMainCode: string | null
  varianceThresholdPercent: number
}

export async function requireProject(ctx: ServiceContext, id: number): Promise<ProjectRecord> {
  const p = await ctx.sql.one<ProjectRecord>(`SELECT id, code, name, name_mn AS "nameMn", donor, donor_mn AS "donorMn", starts_on AS "startsOn", ends_on AS "endsOn", grant_minor AS "grantMinor",
    agreement_number AS "agreementNumber", admin_main_code AS "adminMainCode", variance_threshold_percent AS "varianceThresholdPercent" FROM project WHERE id = :id`, { id })
  if (!p) throw new DomainError('not_found', `No project with id ${id}`, 'projectId')
  return { ...p, varianceThresholdPercent: Number(p.varianceThresholdPercent) }
}

export function versions(ctx: ServiceContext, projectId: number): Promise<BudgetVersion[]> {
  return ctx.sql.all<BudgetVersion>(
    `SELECT id, number, approved_on AS "approvedOn", reason, created_by AS "createdBy", donor_approval AS "donorApproval" FROM budget_version WHERE project_id = :projectId ORDER BY number`,
    { projectId },
  )
}

export function projectYears(p: { startsOn: string; endsOn: string }): number {
  return projectYearOf(p.startsOn, p.endsOn)
}

export async function listProjects(ctx: ServiceContext): Promise<Project[]> {
  const projects = await ctx.sql.column<number>(`SELECT id FROM project ORDER BY starts_on, id`)
  const out: Project[] = []
  for (const id of projects) {
    const p = await requireProject(ctx, id)
    const sources = (
      await ctx.sql.all<{ id: number; code: string; kind: Project['sources'][number]['kind']; en: string; mn: string; committedMinor: number | null; committedCurrency: 'DKK' | 'MNT' }>(
        `SELECT id, code, kind, name_en AS en, name_mn AS mn, committed_minor AS "committedMinor", committed_currency AS "committedCurrency" FROM funding_source WHERE project_id = :id ORDER BY id`,
        { id },
      )
    ).map(({ en, mn, ...s }) => ({ ...s, name: { en, mn } }))
    const lines = (
      await ctx.sql.all<{ id: number; mainCode: string; code: string; en: string; mn: string }>(
        `SELECT id, main_code AS "mainCode", code, name_en AS en, name_mn AS mn FROM budget_line WHERE project_id = :id ORDER BY CAST(main_code AS INTEGER), code`,
        { id },
      )
    ).map(({ en, mn, ...l }) => ({ ...l, name: { en, mn } }))
    const mainLines = (
      await ctx.sql.all<{ code: string; en: string; mn: string }>(`SELECT code, name_en AS en, name_mn AS mn FROM budget_main_line WHERE project_id = :id ORDER BY CAST(code AS INTEGER), code`, { id })
    ).map((m) => ({ code: m.code, name: { en: m.en, mn: m.mn } }))
    const { nameMn, donorMn, ...rest } = p
    const lockedTo = (await lockedThrough(ctx, id))?.to ?? null
    out.push({ ...rest, mainLines, name: { en: p.name, mn: nameMn || p.name }, donor: { en: p.donor, mn: donorMn || p.donor }, currency: 'DKK' as const, years: projectYears(p), sources, lines, versions: await versions(ctx, id), lockedThrough: lockedTo })
  }
  return out
}

function amountsOf(ctx: ServiceContext, versionId: number): Promise<BudgetCell[]> {
  return ctx.sql.all<BudgetCell>(
    `SELECT line_id AS "lineId", project_year AS "projectYear", source_id AS "sourceId", amount_minor AS "amountMinor"
     FROM budget_amount WHERE version_id = :versionId ORDER BY line_id, project_year, source_id`,
    { versionId },
  )
}

export async function totalsByMainLine(ctx: ServiceContext, cells: BudgetCell[]): Promise<Record<string, number>> {
  const main = new Map((await ctx.sql.all<{ id: number; m: string }>(`SELECT id, main_code AS m FROM budget_line`)).map((r) => [r.id, r.m]))
  const out: Record<string, number> = {}
  for (const c of cells) out[main.get(c.lineId)!] = (out[main.get(c.lineId)!] ?? 0) + c.amountMinor
  return out
}

export async function versionById(ctx: ServiceContext, projectId: number, versionId?: number): Promise<BudgetVersion> {
  const all = await versions(ctx, projectId)
  const v = versionId === undefined ? all[all.length - 1] : all.find((x) => x.id === versionId)
  if (!v) throw new DomainError('not_found', versionId === undefined ? 'The project has no budget yet' : `No budget version ${versionId} in this project`, 'versionId')
  return v
}

/** A budget version with totals and the checks: 7% administration, 10% moves since the previous version, totals per source. */
export async function getBudget(ctx: ServiceContext, projectId: number, versionId?: number): Promise<Budget> {
  const version = await versionById(ctx, projectId, versionId)
  const amounts = await amountsOf(ctx, version.id)
  const byMain = await totalsByMainLine(ctx, amounts)
  const bySource: Record<number, number> = {}
  for (const c of amounts) bySource[c.sourceId] = (bySource[c.sourceId] ?? 0) + c.amountMinor
  const warnings: BudgetWarning[] = []
  const p = await requireProject(ctx, projectId)
  const admin = p.adminMainCode ? checkAdminShare(byMain, p.adminMainCode) : null
  if (admin) warnings.push(admin)
  const previous = (await versions(ctx, projectId)).filter((v) => v.number < version.number).pop()
  if (previous) warnings.push(...approveMoves(checkLineMoves(await totalsByMainLine(ctx, await amountsOf(ctx, previous.id)), byMain), version.donorApproval))
  // Only what was committed in krone can be held against the budget (in krone); a tögrög commitment has no fixed krone value.
  const sources = await ctx.sql.all<{ id: number; name: string; nameMn: string; committedMinor: number | null }>(
    `SELECT id, name_en AS name, name_mn AS "nameMn", CASE WHEN committed_currency = 'DKK' THEN committed_minor END AS "committedMinor" FROM funding_source WHERE project_id = :projectId ORDER BY id`,
    { projectId },
  )
  warnings.push(...checkTotals(sources.map((s) => ({ name: s.name, nameMn: s.nameMn, budgetMinor: bySource[s.id] ?? 0, committedMinor: s.committedMinor }))))
  return { version, amounts, totalsByMainLine: byMain, totalsBySource: bySource, totalMinor: amounts.reduce((s, c) => s + c.amountMinor, 0), warnings }
}

/** Records a revision as a new version; earlier versions stay as approved. */
export async function reviseBudget(ctx: ServiceContext, input: z.output<typeof budgetRevisionInput>): Promise<Budget> {
  const p = await requireProject(ctx, input.projectId)
  const all = await versions(ctx, p.id)
  const last = all[all.length - 1]
  if (last && input.approvedOn < last.approvedOn) throw new DomainError('validation', `must not be before the approval of version ${last.number} (${last.approvedOn})`, 'approvedOn')
  // A version in force from a day of a submitted period would change what was reported for it.
  const lock = await lockedThrough(ctx, p.id)
  if (lock && input.approvedOn <= lock.to) {
    throw new DomainError('validation', `must be after ${lock.to}, the end of the period already submitted to the donor (${lock.fileName})`, 'approvedOn', {
      key: 'r.revisionLocked',
      vars: { to: formatDateMn(lock.to), file: lock.fileName },
    })
  }
  const lines = new Set(await ctx.sql.column<number>('SELECT id FROM budget_line WHERE project_id = :id', { id: p.id }))
  const sources = new Set(await ctx.sql.column<number>('SELECT id FROM funding_source WHERE project_id = :id', { id: p.id }))
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
  const versionId = await ctx.sql.insert(
    `INSERT INTO budget_version (project_id, number, approved_on, reason, created_at, created_by, donor_approval) VALUES (:projectId, :number, :approvedOn, :reason, :now, :actor, :donorApproval) RETURNING id`,
    { projectId: p.id, number, approvedOn: input.approvedOn, reason: input.reason, now: ctx.now, actor: ctx.actor, donorApproval: input.donorApproval ?? null },
  )
  const cells = input.amounts.filter((a) => a.amountMinor > 0).map((a) => ({ versionId, lineId: a.lineId, projectYear: a.projectYear, sourceId: a.sourceId, amountMinor: a.amountMinor }))
  await insertMany(ctx.tx, BudgetAmountEntity, cells)
  const out = await getBudget(ctx, p.id, versionId)
  const before = last ? { version: last.number, totalsByMainLine: await totalsByMainLine(ctx, await amountsOf(ctx, last.id)) } : null
  await audit(ctx, 'budget_version', versionId, before, { version: number, reason: input.reason, totalsByMainLine: out.totalsByMainLine })
  return out
}

/**
 * Sets up a project in one go: the project, its main lines, funding sources
 * and sub-lines. The grant is what the grant sources committed. Its budget is
 * then entered (or imported) as the first version.
 */
export async function createProject(ctx: ServiceContext, input: z.output<typeof projectInput>): Promise<Project> {
  const other = await ctx.sql.one<{ name: string }>('SELECT name FROM project WHERE code = :code', { code: input.code })
  if (other) throw new DomainError('conflict', `The code ${input.code} is already used by ${other.name}`, 'code', { key: 'r.codeUsed', vars: { code: input.code, other: other.name } })
  const grantMinor = input.sources.filter((s) => s.kind === 'grant' && s.committedCurrency === 'DKK').reduce((sum, s) => sum + (s.committedMinor ?? 0), 0)
  const id = await ctx.sql.insert(
    `INSERT INTO project (code, name, name_mn, donor, donor_mn, starts_on, ends_on, currency, grant_minor, agreement_number, admin_main_code, created_at)
     VALUES (:code, :nameEn, :nameMn, :donorEn, :donorMn, :startsOn, :endsOn, 'DKK', :grantMinor, :agreementNumber, :adminMainCode, :now) RETURNING id`,
    { ...input, grantMinor, now: ctx.now },
  )
  for (const l of input.lines.filter((x) => !x.code.includes('.'))) {
    await ctx.sql.run(`INSERT INTO budget_main_line (project_id, code, name_en, name_mn) VALUES (:id, :code, :nameEn, :nameMn)`, { id, ...l })
  }
  for (const s of input.sources) {
    await ctx.sql.run(`INSERT INTO funding_source (project_id, code, kind, name_en, name_mn, committed_minor, committed_currency) VALUES (:id, :code, :kind, :nameEn, :nameMn, :committedMinor, :committedCurrency)`, { id, ...s })
  }
  for (const l of input.lines.filter((x) => x.code.includes('.'))) {
    await ctx.sql.run(`INSERT INTO budget_line (project_id, main_code, code, name_en, name_mn) VALUES (:id, :main, :code, :nameEn, :nameMn)`, { id, main: l.code.split('.')[0], ...l })
  }
  const out = (await listProjects(ctx)).find((p) => p.id === id)!
  await audit(ctx, 'project', id, null, { code: out.code, name: out.name, donor: out.donor, startsOn: out.startsOn, endsOn: out.endsOn, sources: out.sources.length, lines: out.lines.length })
  return out
}

/** Sets the variance, as a share of a line's revised budget, above which the line must be explained in the reports. */
export async function setVarianceThreshold(ctx: ServiceContext, input: { projectId: number; percent: number }): Promise<Project> {
  const p = await requireProject(ctx, input.projectId)
  await ctx.sql.run(`UPDATE project SET variance_threshold_percent = :percent WHERE id = :id`, { id: p.id, percent: input.percent })
  await audit(ctx, 'project', p.id, { varianceThresholdPercent: p.varianceThresholdPercent }, { varianceThresholdPercent: input.percent })
  return (await listProjects(ctx)).find((x) => x.id === p.id)!
}
