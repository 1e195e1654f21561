import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import type { activityInput } from '../../../shared/api/activities'
import type { ActivityDetail, ActivityParticipant, ActivityRow, ActivityType } from '../../../shared/api/activitiesTypes'
import { audit, type ServiceContext } from '../context'
import { notFuture } from '../dates'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'
import { requireBranch } from '../branches'
import { requirePerson } from '../persons'
import { requireProject } from '../finance/projects'
import { pushTo } from '../../../shared/domain/lists'

/*
 * The activities the project runs (DOMAIN.md): each with its type, dates,
 * areas and participants — recorded persons, each once per activity, or
 * people from outside by name, sex and area. Completing a micro-credit
 * education is what the loan checks read: recording one records the training
 * completion of its recorded participants who had none (on its last day).
 */

type Row = Omit<ActivityRow, 'areas' | 'participants'>

const ROW_SQL = `SELECT a.id, a.type, a.title, a.starts_on AS "startsOn", a.ends_on AS "endsOn", a.facilitator FROM activity a`

async function areasOf(ctx: ServiceContext, ids: number[]) {
  if (!ids.length) return new Map<number, Array<{ id: number; mn: string; en: string }>>()
  const rows = await ctx.sql.all<{ activityId: number; id: number; mn: string; en: string }>(
    `SELECT x.activity_id AS "activityId", b.id, b.name_mn AS mn, b.name_en AS en FROM activity_area x JOIN branch b ON b.id = x.branch_id WHERE x.activity_id IN (:ids) ORDER BY b.name_mn`,
    { ids },
  )
  const out = new Map<number, Array<{ id: number; mn: string; en: string }>>()
  for (const r of rows) pushTo(out, r.activityId, { id: r.id, mn: r.mn, en: r.en })
  return out
}

export async function listActivities(ctx: ServiceContext, input: { from: string; to: string }): Promise<ActivityRow[]> {
  const rows = await ctx.sql.all<Row & { participants: number }>(
    `${ROW_SQL.replace('FROM activity a', ', (SELECT count(*) FROM activity_participant p WHERE p.activity_id = a.id) AS participants FROM activity a')}
     WHERE a.starts_on BETWEEN :from AND :to ORDER BY a.starts_on DESC, a.id DESC`,
    input,
  )
  const areas = await areasOf(ctx, rows.map((r) => r.id))
  return rows.map((r) => ({ ...r, participants: Number(r.participants), areas: (areas.get(r.id) ?? []).map(({ mn, en }) => ({ mn, en })) }))
}

export async function getActivity(ctx: ServiceContext, id: number, trainingRecorded = 0): Promise<ActivityDetail> {
  const a = await ctx.sql.one<Row & { projectId: number | null; budgetLineId: number | null; notes: string | null }>(
    `${ROW_SQL.replace('FROM activity a', ', a.project_id AS "projectId", a.budget_line_id AS "budgetLineId", a.notes FROM activity a')} WHERE a.id = :id`,
    { id },
  )
  if (!a) throw new DomainError('not_found', `No activity with id ${id}`, 'id')
  const areas = (await areasOf(ctx, [id])).get(id) ?? []
  const participants = await ctx.sql.all<ActivityParticipant & { mn: string | null; en: string | null }>(
    `SELECT x.id, x.person_id AS "personId", coalesce(x.name, ${PERSON_SHORT_NAME_SQL}) AS name, coalesce(x.sex, p.gender) AS sex, b.name_mn AS mn, b.name_en AS en
     FROM activity_participant x LEFT JOIN person p ON p.id = x.person_id LEFT JOIN branch b ON b.id = coalesce(x.branch_id, p.branch_id)
     WHERE x.activity_id = :id ORDER BY x.person_id IS NULL, coalesce(p.sort_key, x.name), x.id`,
    { id },
  )
  return {
    ...a,
    type: a.type as ActivityType,
    areas: areas.map(({ mn, en }) => ({ mn, en })),
    areaIds: areas.map((x) => x.id),
    participants: participants.map(({ mn, en, ...p }) => ({ ...p, branch: mn === null ? null : { mn, en: en ?? mn } })),
    trainingRecorded,
  }
}

export async function createActivity(ctx: ServiceContext, input: z.output<typeof activityInput>): Promise<ActivityDetail> {
  notFuture(ctx, input.startsOn, 'startsOn')
  notFuture(ctx, input.endsOn, 'endsOn')
  if (input.endsOn < input.startsOn) throw new DomainError('validation', `must not be before the start of the period (${input.startsOn})`, 'endsOn')
  if (input.projectId !== null) await requireProject(ctx, input.projectId)
  if (input.budgetLineId !== null) {
    const line = await ctx.sql.one<{ projectId: number }>(`SELECT project_id AS "projectId" FROM budget_line WHERE id = :id`, { id: input.budgetLineId })
    if (!line || (input.projectId !== null && line.projectId !== input.projectId)) throw new DomainError('validation', "is not a sub-line of the activity's project", 'budgetLineId', { key: 'r.activityLine' })
  }
  for (const [i, b] of input.areaIds.entries()) await requireBranch(ctx, b, `areaIds.${i}`)
  const persons = [...new Set(input.personIds)]
  for (const [i, p] of persons.entries()) await requirePerson(ctx, p, `personIds.${i}`)
  for (const [i, o] of input.outsiders.entries()) if (o.branchId !== null) await requireBranch(ctx, o.branchId, `outsiders.${i}.branchId`)
  const id = await ctx.sql.insert(
    `INSERT INTO activity (project_id, type, title, starts_on, ends_on, facilitator, budget_line_id, notes, created_at, created_by)
     VALUES (:projectId, :type, :title, :startsOn, :endsOn, :facilitator, :budgetLineId, :notes, :now, :actor) RETURNING id`,
    { ...input, now: ctx.now, actor: ctx.actor },
  )
  for (const b of [...new Set(input.areaIds)]) await ctx.sql.run(`INSERT INTO activity_area (activity_id, branch_id) VALUES (:id, :b)`, { id, b })
  for (const p of persons) await ctx.sql.run(`INSERT INTO activity_participant (activity_id, person_id) VALUES (:id, :p)`, { id, p })
  for (const o of input.outsiders) await ctx.sql.run(`INSERT INTO activity_participant (activity_id, name, sex, branch_id) VALUES (:id, :name, :sex, :branchId)`, { id, ...o })
  let trained = 0
  if (input.type === 'micro_credit_education' && persons.length) {
    // The loan checks read a dated completion: this education's last day, for those who had none by then or later.
    trained = await ctx.sql.run(
      `INSERT INTO training_completion (person_id, course, completed_on, note, created_at, created_by)
       SELECT p.id, 'micro_credit', :endsOn, :note, :now, :actor FROM person p
       WHERE p.id IN (:persons) AND NOT EXISTS (SELECT 1 FROM training_completion t WHERE t.person_id = p.id AND t.course = 'micro_credit')`,
      { endsOn: input.endsOn, note: `activity ${id}: ${input.title}`.slice(0, 500), now: ctx.now, actor: ctx.actor, persons },
    )
  }
  await audit(ctx, 'activity', id, null, { type: input.type, title: input.title, startsOn: input.startsOn, endsOn: input.endsOn, areas: input.areaIds, persons: persons.length, outsiders: input.outsiders.length, trainingRecorded: trained })
  return getActivity(ctx, id, trained)
}
