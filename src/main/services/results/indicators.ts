import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import { MEASURE_UNITS, type Framework } from '../../../shared/api/resultsTypes'
import type { indicatorFields } from '../../../shared/api/indicators'
import { audit, type ServiceContext } from '../context'
import { requireProject, projectYears } from '../finance/projects'
import { claimVersion } from '../versions'
import { indicatorDetail } from './framework'

/*
 * Indicators of a project's results framework. Their definition, baseline and
 * targets are edited in place (with the record's version, the audit trail
 * keeping what they were); what is entered per project year is appended.
 */

type Fields = z.output<typeof indicatorFields>

async function check(ctx: ServiceContext, projectId: number, f: Fields, id: number | null): Promise<void> {
  const p = await requireProject(ctx, projectId)
  const other = await ctx.sql.one<{ id: number; name: string }>(`SELECT id, name_en AS name FROM indicator WHERE project_id = :projectId AND code = :code AND id <> :id`, { projectId, code: f.code, id: id ?? 0 })
  if (other) throw new DomainError('conflict', `The code ${f.code} is already used by ${other.name}`, 'code')
  if (f.measure !== null && (MEASURE_UNITS[f.measure] === 'percent') !== (f.unit === 'percent'))
    throw new DomainError('validation', `must be ${MEASURE_UNITS[f.measure] === 'percent' ? 'percent' : 'number'} for the figure it is computed from`, 'unit', { key: MEASURE_UNITS[f.measure] === 'percent' ? 'r.unitPercent' : 'r.unitNumber' })
  const years = projectYears(p)
  for (const [i, t] of f.targets.entries()) {
    if (t.projectYear > years) throw new DomainError('validation', `must be at most ${years}`, `targets.${i}.projectYear`)
    if (f.targets.findIndex((x) => x.projectYear === t.projectYear) !== i) throw new DomainError('validation', 'is given twice', `targets.${i}.projectYear`, { key: 'r.givenTwice' })
  }
}

const columns = (f: Fields) => ({
  code: f.code,
  level: f.level,
  nameEn: f.nameEn,
  nameMn: f.nameMn,
  definitionEn: f.definitionEn,
  definitionMn: f.definitionMn,
  unit: f.unit,
  cumulative: f.cumulative ? 1 : 0,
  measure: f.measure,
  baselineValue: f.baselineValue,
  baselineOn: f.baselineOn,
  meansOfVerification: f.meansOfVerification,
  disaggregation: JSON.stringify([...new Set(f.disaggregation)]),
})

async function setTargets(ctx: ServiceContext, id: number, targets: Fields['targets']): Promise<void> {
  await ctx.sql.run(`DELETE FROM indicator_target WHERE indicator_id = :id`, { id })
  for (const t of targets) await ctx.sql.run(`INSERT INTO indicator_target (indicator_id, project_year, target) VALUES (:id, :projectYear, :target)`, { id, ...t })
}

export async function createIndicator(ctx: ServiceContext, input: Fields & { projectId: number }): Promise<Framework> {
  await check(ctx, input.projectId, input, null)
  const id = await ctx.sql.insert(
    `INSERT INTO indicator (project_id, code, level, name_en, name_mn, definition_en, definition_mn, unit, cumulative, measure, baseline_value, baseline_on, means_of_verification, disaggregation, created_at, updated_at)
     VALUES (:projectId, :code, :level, :nameEn, :nameMn, :definitionEn, :definitionMn, :unit, :cumulative, :measure, :baselineValue, :baselineOn, :meansOfVerification, :disaggregation, :now, :now) RETURNING id`,
    { projectId: input.projectId, ...columns(input), now: ctx.now },
  )
  await setTargets(ctx, id, input.targets)
  await audit(ctx, 'indicator', id, null, { ...columns(input), targets: input.targets })
  return indicatorDetail(ctx, { id })
}

export async function updateIndicator(ctx: ServiceContext, input: { id: number; version: number; indicator: Fields }): Promise<Framework> {
  const before = await ctx.sql.one<Record<string, unknown> & { projectId: number }>(
    `SELECT project_id AS "projectId", code, level, name_en AS "nameEn", name_mn AS "nameMn", definition_en AS "definitionEn", definition_mn AS "definitionMn", unit, cumulative, measure,
       baseline_value AS "baselineValue", baseline_on AS "baselineOn", means_of_verification AS "meansOfVerification", disaggregation FROM indicator WHERE id = :id`,
    input,
  )
  if (!before) throw new DomainError('not_found', `No indicator with id ${input.id}`, 'id')
  await check(ctx, before.projectId, input.indicator, input.id)
  await claimVersion(ctx, 'indicator', input.id, input.version)
  const targets = await ctx.sql.all(`SELECT project_year AS "projectYear", target FROM indicator_target WHERE indicator_id = :id ORDER BY project_year`, input)
  const c = columns(input.indicator)
  await ctx.sql.run(
    `UPDATE indicator SET code = :code, level = :level, name_en = :nameEn, name_mn = :nameMn, definition_en = :definitionEn, definition_mn = :definitionMn, unit = :unit, cumulative = :cumulative,
       measure = :measure, baseline_value = :baselineValue, baseline_on = :baselineOn, means_of_verification = :meansOfVerification, disaggregation = :disaggregation, updated_at = :now WHERE id = :id`,
    { ...c, id: input.id, now: ctx.now },
  )
  await setTargets(ctx, input.id, input.indicator.targets)
  const { projectId: _p, ...was } = before
  await audit(ctx, 'indicator', input.id, { ...was, targets }, { ...c, targets: input.indicator.targets })
  return indicatorDetail(ctx, { id: input.id })
}

export async function enterIndicatorValue(ctx: ServiceContext, input: { indicatorId: number; projectYear: number; value: string | null; source: string | null; comment: string | null }): Promise<Framework> {
  const i = await ctx.sql.one<{ projectId: number; measure: string | null }>(`SELECT project_id AS "projectId", measure FROM indicator WHERE id = :id`, { id: input.indicatorId })
  if (!i) throw new DomainError('not_found', `No indicator with id ${input.indicatorId}`, 'indicatorId')
  const years = projectYears(await requireProject(ctx, i.projectId))
  if (input.projectYear > years) throw new DomainError('validation', `must be at most ${years}`, 'projectYear')
  if (i.measure !== null && input.value !== null) throw new DomainError('validation', 'is computed from the records: only a comment can be entered', 'value', { key: 'r.computedIndicator' })
  if (i.measure === null && input.value === null && input.comment === null) throw new DomainError('validation', 'is required', 'value')
  if (input.value !== null && input.source === null) throw new DomainError('validation', 'is required: where the figure comes from', 'source', { key: 'r.sourceRequired' })
  const id = await ctx.sql.insert(
    `INSERT INTO indicator_value (indicator_id, project_year, value, source, comment, entered_at, entered_by) VALUES (:indicatorId, :projectYear, :value, :source, :comment, :now, :actor) RETURNING id`,
    { ...input, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'indicator_value', id, null, input)
  return indicatorDetail(ctx, { id: input.indicatorId })
}
