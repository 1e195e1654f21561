import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import type { surveyInput } from '../../../shared/api/survey'
import type { SurveyEntry, SurveyPage, SurveyRound } from '../../../shared/api/surveyTypes'
import { audit, type ServiceContext } from '../context'
import { notFuture } from '../dates'
import { formatDateMn } from '../../../shared/domain/dates'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'

/*
 * The household survey: a baseline per household and a follow-up once a
 * year (income per month, housing, electricity, children of school age and
 * in school). Entries are appended; a correction replaces an earlier entry,
 * which stays in the list as replaced. What counts is the standing entries
 * (those not replaced).
 */

/** Entries no later entry replaces. */
export const STANDING = `NOT EXISTS (SELECT 1 FROM household_survey r WHERE r.replaces_id = s.id)`

const SELECT = `SELECT s.id, s.household_id AS "householdId", ${PERSON_SHORT_NAME_SQL} AS "headName", b.name_mn AS mn, b.name_en AS en, s.round, s.surveyed_on AS "surveyedOn",
  s.income_minor AS "incomeMinor", s.housing, s.electricity, s.children_school_age AS "childrenSchoolAge", s.children_in_school AS "childrenInSchool", s.notes,
  s.replaces_id AS "replacesId", (SELECT r.id FROM household_survey r WHERE r.replaces_id = s.id) AS "replacedBy", s.entered_at AS "enteredAt", s.entered_by AS "enteredBy"
  FROM household_survey s JOIN household h ON h.id = s.household_id JOIN branch b ON b.id = h.branch_id LEFT JOIN person p ON p.id = h.head_person_id`

type Row = Omit<SurveyEntry, 'area' | 'electricity'> & { mn: string; en: string; electricity: number }

const entry = ({ mn, en, ...r }: Row): SurveyEntry => ({
  ...r,
  incomeMinor: Number(r.incomeMinor),
  electricity: Number(r.electricity) === 1,
  childrenSchoolAge: Number(r.childrenSchoolAge),
  childrenInSchool: Number(r.childrenInSchool),
  area: { mn, en },
})

export async function listSurvey(ctx: ServiceContext, input: { round?: SurveyRound; year?: number; branchId?: number; householdId?: number; withReplaced: boolean; page: number; pageSize: number }): Promise<SurveyPage> {
  const where = ['1 = 1']
  if (!input.withReplaced) where.push(STANDING)
  if (input.round) where.push('s.round = :round')
  if (input.year) where.push('s.surveyed_on BETWEEN :from AND :to')
  if (input.branchId) where.push('h.branch_id = :branchId')
  if (input.householdId) where.push('s.household_id = :householdId')
  const params = { ...input, from: `${input.year}-01-01`, to: `${input.year}-12-31` }
  const total = Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM household_survey s JOIN household h ON h.id = s.household_id WHERE ${where.join(' AND ')}`, params))
  const rows = await ctx.sql.all<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY s.surveyed_on DESC, s.id DESC LIMIT :limit OFFSET :offset`, {
    ...params,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  })
  return { rows: rows.map(entry), total, page: input.page, pageSize: input.pageSize }
}

export async function surveyEntry(ctx: ServiceContext, id: number): Promise<SurveyEntry> {
  const r = await ctx.sql.one<Row>(`${SELECT} WHERE s.id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No survey entry with id ${id}`, 'replacesId')
  return entry(r)
}

/** Checks an entry against the household's standing ones; `field` names where the problem is said (a row of an import prefixes it). */
export async function checkSurvey(ctx: ServiceContext, input: z.output<typeof surveyInput>): Promise<void> {
  notFuture(ctx, input.surveyedOn, 'surveyedOn')
  if (!(await ctx.sql.one(`SELECT id FROM household WHERE id = :id`, { id: input.householdId }))) throw new DomainError('not_found', `No household with id ${input.householdId}`, 'householdId')
  if (input.replacesId !== null) {
    const old = await ctx.sql.one<{ householdId: number; replacedBy: number | null }>(
      `SELECT s.household_id AS "householdId", (SELECT r.id FROM household_survey r WHERE r.replaces_id = s.id) AS "replacedBy" FROM household_survey s WHERE s.id = :id`,
      { id: input.replacesId },
    )
    if (!old) throw new DomainError('not_found', `No survey entry with id ${input.replacesId}`, 'replacesId')
    if (old.householdId !== input.householdId || old.replacedBy !== null) throw new DomainError('validation', 'is not a standing entry of this household', 'replacesId', { key: 'r.surveyReplaces' })
  }
  const others = await ctx.sql.all<{ id: number; round: SurveyRound; surveyedOn: string }>(
    `SELECT s.id, s.round, s.surveyed_on AS "surveyedOn" FROM household_survey s WHERE s.household_id = :householdId AND ${STANDING} AND s.id <> :replacesId`,
    { householdId: input.householdId, replacesId: input.replacesId ?? 0 },
  )
  const baseline = others.find((o) => o.round === 'baseline')
  if (input.round === 'baseline' && baseline) throw new DomainError('conflict', `has a baseline already (${baseline.surveyedOn}): correct that one instead`, 'round', { key: 'r.surveyBaselineTwice', vars: { date: formatDateMn(baseline.surveyedOn) } })
  if (input.round === 'follow_up') {
    const year = input.surveyedOn.slice(0, 4)
    const same = others.find((o) => o.round === 'follow_up' && o.surveyedOn.slice(0, 4) === year)
    if (same) throw new DomainError('conflict', `has a follow-up in ${year} already (${same.surveyedOn}): correct that one instead`, 'surveyedOn', { key: 'r.surveyYearTwice', vars: { year, date: formatDateMn(same.surveyedOn) } })
    if (baseline && input.surveyedOn <= baseline.surveyedOn) throw new DomainError('validation', `must be after the baseline (${baseline.surveyedOn})`, 'surveyedOn', { key: 'r.surveyAfterBaseline', vars: { date: formatDateMn(baseline.surveyedOn) } })
  }
}

export async function insertSurvey(ctx: ServiceContext, input: z.output<typeof surveyInput>): Promise<number> {
  return ctx.sql.insert(
    `INSERT INTO household_survey (household_id, round, surveyed_on, income_minor, housing, electricity, children_school_age, children_in_school, notes, replaces_id, entered_at, entered_by)
     VALUES (:householdId, :round, :surveyedOn, :incomeMinor, :housing, :electricity, :childrenSchoolAge, :childrenInSchool, :notes, :replacesId, :now, :actor) RETURNING id`,
    { ...input, electricity: input.electricity ? 1 : 0, now: ctx.now, actor: ctx.actor },
  )
}

export async function recordSurvey(ctx: ServiceContext, input: z.output<typeof surveyInput>): Promise<SurveyEntry> {
  await checkSurvey(ctx, input)
  const id = await insertSurvey(ctx, input)
  await audit(ctx, 'household_survey', id, input.replacesId === null ? null : { replaces: input.replacesId }, input)
  return surveyEntry(ctx, id)
}
