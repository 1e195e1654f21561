import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import type { activityInput } from '../../../shared/api/activities'
import type { ActivityCost, ActivityDetail, ActivityParticipant, ActivityRow, ActivityType, Partner } from '../../../shared/api/activitiesTypes'
import type { Expense } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { notFuture } from '../dates'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'
import { requireBranch } from '../branches'
import { requirePerson } from '../persons'
import { requireProject } from '../finance/projects'
import { expensesWithValue } from '../finance/expenses'
import { pushTo } from '../../../shared/domain/lists'

/*
 * The activities the project runs (DOMAIN.md): each with its type, dates,
 * areas, partners, cost and participants — recorded persons, each once per
 * activity, or people from outside by name, sex and area. Completing a
 * micro-credit education is what the loan checks read: recording one records
 * the training completion of its recorded participants who had none (on its
 * last day). Its cost is the expenses linked to it: ₮ of the MNT ones, and
 * DKK of all of them (MNT at the FIFO rate of the transfer that paid them).
 */

type Row = Omit<ActivityRow, 'areas' | 'participants' | 'cost'> & { projectId: number | null }

const ROW_SQL = `SELECT a.id, a.type, a.title, a.starts_on AS "startsOn", a.ends_on AS "endsOn", a.facilitator, a.project_id AS "projectId" FROM activity a`

async function areasOf(ctx: ServiceContext, ids: number[]) {
  const out = new Map<number, Array<{ id: number; mn: string; en: string }>>()
  if (!ids.length) return out
  const rows = await ctx.sql.all<{ activityId: number; id: number; mn: string; en: string }>(
    `SELECT x.activity_id AS "activityId", b.id, b.name_mn AS mn, b.name_en AS en FROM activity_area x JOIN branch b ON b.id = x.branch_id WHERE x.activity_id IN (:ids) ORDER BY b.name_mn`,
    { ids },
  )
  for (const r of rows) pushTo(out, r.activityId, { id: r.id, mn: r.mn, en: r.en })
  return out
}

/** The linked expenses of activities, with their value (voided ones included, marked). */
export async function expensesOf(ctx: ServiceContext, activities: Array<{ id: number; projectId: number | null }>): Promise<Map<number, Expense[]>> {
  const out = new Map<number, Expense[]>()
  const ids = activities.map((a) => a.id)
  if (!ids.length) return out
  const links = await ctx.sql.all<{ activityId: number; expenseId: number; projectId: number }>(
    `SELECT x.activity_id AS "activityId", x.expense_id AS "expenseId", e.project_id AS "projectId" FROM activity_expense x JOIN expense e ON e.id = x.expense_id WHERE x.activity_id IN (:ids)`,
    { ids },
  )
  const byProject = new Map<number, number[]>()
  for (const l of links) pushTo(byProject, l.projectId, l.expenseId)
  const expenses = new Map<number, Expense>()
  for (const [projectId, expenseIds] of byProject) for (const e of await expensesWithValue(ctx, { projectId, ids: expenseIds, withVoided: true })) expenses.set(e.id, e)
  for (const l of links) pushTo(out, l.activityId, expenses.get(l.expenseId)!)
  return out
}

export function costOf(expenses: readonly Expense[]): ActivityCost {
  const cost: ActivityCost = { mntMinor: 0, dkkMinor: 0, uncoveredMntMinor: 0 }
  for (const e of expenses) {
    if (e.voided) continue
    if (e.currency === 'MNT') cost.mntMinor += e.amountMinor
    cost.dkkMinor += e.dkkMinor ?? 0
    cost.uncoveredMntMinor += e.uncoveredMntMinor
  }
  return cost
}

export async function listActivities(ctx: ServiceContext, input: { from?: string; to?: string; type?: string; branchId?: number }): Promise<ActivityRow[]> {
  const where = ['1 = 1']
  if (input.from !== undefined) where.push('a.starts_on >= :from')
  if (input.to !== undefined) where.push('a.starts_on <= :to')
  if (input.type !== undefined) where.push('a.type = :type')
  if (input.branchId !== undefined) where.push('EXISTS (SELECT 1 FROM activity_area x WHERE x.activity_id = a.id AND x.branch_id = :branchId)')
  const rows = await ctx.sql.all<Row & { participants: number }>(
    `${ROW_SQL.replace('FROM activity a', ', (SELECT count(*) FROM activity_participant p WHERE p.activity_id = a.id) AS participants FROM activity a')}
     WHERE ${where.join(' AND ')} ORDER BY a.starts_on DESC, a.id DESC`,
    input,
  )
  const areas = await areasOf(ctx, rows.map((r) => r.id))
  const expenses = await expensesOf(ctx, rows)
  return rows.map(({ projectId: _p, ...r }) => ({
    ...r,
    type: r.type as ActivityType,
    participants: Number(r.participants),
    areas: (areas.get(r.id) ?? []).map(({ mn, en }) => ({ mn, en })),
    cost: costOf(expenses.get(r.id) ?? []),
  }))
}

export async function getActivity(ctx: ServiceContext, id: number): Promise<ActivityDetail> {
  const a = await ctx.sql.one<Row & Pick<ActivityDetail, 'budgetLineId' | 'notes' | 'issue' | 'copiesPrinted' | 'copiesDistributed'>>(
    `${ROW_SQL.replace('FROM activity a', ', a.budget_line_id AS "budgetLineId", a.notes, a.issue, a.copies_printed AS "copiesPrinted", a.copies_distributed AS "copiesDistributed" FROM activity a')} WHERE a.id = :id`,
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
  const partners = await ctx.sql.all<{ id: number; mn: string; en: string }>(
    `SELECT p.id, p.name_mn AS mn, p.name_en AS en FROM activity_partner x JOIN partner p ON p.id = x.partner_id WHERE x.activity_id = :id ORDER BY p.name_mn`,
    { id },
  )
  const expenses = (await expensesOf(ctx, [a])).get(id) ?? []
  // Its recorded participants whose micro-credit training dates from its last day: the completions it recorded.
  const trainingRecorded =
    a.type === 'micro_credit_education'
      ? Number(
          await ctx.sql.value<number>(
            `SELECT count(*) AS n FROM activity_participant x JOIN training_completion t ON t.person_id = x.person_id AND t.course = 'micro_credit' AND t.completed_on = :endsOn WHERE x.activity_id = :id`,
            { id, endsOn: a.endsOn },
          ),
        )
      : 0
  return {
    ...a,
    type: a.type as ActivityType,
    copiesPrinted: a.copiesPrinted === null ? null : Number(a.copiesPrinted),
    copiesDistributed: a.copiesDistributed === null ? null : Number(a.copiesDistributed),
    areas: areas.map(({ mn, en }) => ({ mn, en })),
    areaIds: areas.map((x) => x.id),
    partners: partners.map((p) => ({ id: p.id, name: { mn: p.mn, en: p.en } })),
    participants: participants.map(({ mn, en, ...p }) => ({ ...p, branch: mn === null ? null : { mn, en: en ?? mn } })),
    expenses,
    cost: costOf(expenses),
    trainingRecorded,
  }
}

type Participants = { personIds: number[]; outsiders: Array<{ name: string; sex: 'female' | 'male'; branchId: number | null }> }

/** Adds participants (recorded persons not yet in it, and outsiders); micro-credit education records their training. Returns [added, trained]. */
async function addPeople(ctx: ServiceContext, a: { id: number; type: string; title: string; endsOn: string }, input: Participants): Promise<[number, number]> {
  const already = new Set(await ctx.sql.column<number>(`SELECT person_id FROM activity_participant WHERE activity_id = :id AND person_id IS NOT NULL`, { id: a.id }))
  const persons = [...new Set(input.personIds)].filter((p) => !already.has(p))
  for (const [i, p] of input.personIds.entries()) if (!already.has(p)) await requirePerson(ctx, p, `personIds.${i}`)
  for (const [i, o] of input.outsiders.entries()) if (o.branchId !== null) await requireBranch(ctx, o.branchId, `outsiders.${i}.branchId`)
  for (const p of persons) await ctx.sql.run(`INSERT INTO activity_participant (activity_id, person_id) VALUES (:id, :p)`, { id: a.id, p })
  for (const o of input.outsiders) await ctx.sql.run(`INSERT INTO activity_participant (activity_id, name, sex, branch_id) VALUES (:id, :name, :sex, :branchId)`, { id: a.id, ...o })
  let trained = 0
  if (a.type === 'micro_credit_education' && persons.length) {
    // The loan checks read a dated completion: this education's last day, for those who had none.
    trained = await ctx.sql.run(
      `INSERT INTO training_completion (person_id, course, completed_on, note, created_at, created_by)
       SELECT p.id, 'micro_credit', :endsOn, :note, :now, :actor FROM person p
       WHERE p.id IN (:persons) AND NOT EXISTS (SELECT 1 FROM training_completion t WHERE t.person_id = p.id AND t.course = 'micro_credit')`,
      { endsOn: a.endsOn, note: `activity ${a.id}: ${a.title}`.slice(0, 500), now: ctx.now, actor: ctx.actor, persons },
    )
  }
  return [persons.length + input.outsiders.length, trained]
}

/** Links expenses to an activity, replacing its links: each of the activity's project, standing, and paying for no other activity. */
async function linkExpenses(ctx: ServiceContext, a: { id: number; projectId: number | null }, expenseIds: number[]): Promise<void> {
  const ids = [...new Set(expenseIds)]
  for (const [i, e] of ids.entries()) {
    const field = `expenseIds.${i}`
    const x = await ctx.sql.one<{ voucher: string; projectId: number; voided: string | null; taken: string | null }>(
      `SELECT e.voucher, e.project_id AS "projectId", e.voided_at AS voided,
         (SELECT t.title FROM activity_expense l JOIN activity t ON t.id = l.activity_id WHERE l.expense_id = e.id AND l.activity_id <> :activity) AS taken
       FROM expense e WHERE e.id = :e`,
      { e, activity: a.id },
    )
    if (!x) throw new DomainError('not_found', `No expense with id ${e}`, field)
    if (a.projectId === null || x.projectId !== a.projectId) throw new DomainError('validation', `voucher ${x.voucher} is not an expense of the activity's project`, field, { key: 'r.activityExpenseProject', vars: { voucher: x.voucher } })
    if (x.voided) throw new DomainError('validation', `voucher ${x.voucher} is voided`, field, { key: 'r.activityExpenseVoided', vars: { voucher: x.voucher } })
    if (x.taken !== null) throw new DomainError('conflict', `voucher ${x.voucher} already pays for the activity "${x.taken}"`, field, { key: 'r.activityExpenseTaken', vars: { voucher: x.voucher, title: x.taken } })
  }
  await ctx.sql.run(`DELETE FROM activity_expense WHERE activity_id = :id`, { id: a.id })
  for (const e of ids) await ctx.sql.run(`INSERT INTO activity_expense (activity_id, expense_id) VALUES (:id, :e)`, { id: a.id, e })
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
  if (input.copiesPrinted !== null && input.copiesDistributed !== null && input.copiesDistributed > input.copiesPrinted)
    throw new DomainError('validation', `must not be more than the copies printed (${input.copiesPrinted})`, 'copiesDistributed', { key: 'r.copiesMoreThanPrinted', vars: { n: String(input.copiesPrinted) } })
  for (const [i, b] of input.areaIds.entries()) await requireBranch(ctx, b, `areaIds.${i}`)
  const partners = [...new Set(input.partnerIds)]
  for (const [i, p] of partners.entries()) await requirePartner(ctx, p, `partnerIds.${i}`)
  const id = await ctx.sql.insert(
    `INSERT INTO activity (project_id, type, title, starts_on, ends_on, facilitator, budget_line_id, notes, issue, copies_printed, copies_distributed, created_at, created_by)
     VALUES (:projectId, :type, :title, :startsOn, :endsOn, :facilitator, :budgetLineId, :notes, :issue, :copiesPrinted, :copiesDistributed, :now, :actor) RETURNING id`,
    { ...input, now: ctx.now, actor: ctx.actor },
  )
  for (const b of [...new Set(input.areaIds)]) await ctx.sql.run(`INSERT INTO activity_area (activity_id, branch_id) VALUES (:id, :b)`, { id, b })
  for (const p of partners) await ctx.sql.run(`INSERT INTO activity_partner (activity_id, partner_id) VALUES (:id, :p)`, { id, p })
  const [added, trained] = await addPeople(ctx, { id, ...input }, input)
  await linkExpenses(ctx, { id, projectId: input.projectId }, input.expenseIds)
  await audit(ctx, 'activity', id, null, {
    type: input.type,
    title: input.title,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    areas: input.areaIds,
    partners,
    participants: added,
    trainingRecorded: trained,
    expenses: input.expenseIds,
  })
  return getActivity(ctx, id)
}

async function requireActivity(ctx: ServiceContext, id: number) {
  const a = await ctx.sql.one<{ id: number; type: string; title: string; endsOn: string; projectId: number | null }>(
    `SELECT id, type, title, ends_on AS "endsOn", project_id AS "projectId" FROM activity WHERE id = :id`,
    { id },
  )
  if (!a) throw new DomainError('not_found', `No activity with id ${id}`, 'id')
  return a
}

export async function addParticipants(ctx: ServiceContext, input: { id: number } & Participants): Promise<ActivityDetail> {
  const a = await requireActivity(ctx, input.id)
  const before = Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM activity_participant WHERE activity_id = :id`, { id: a.id }))
  const [added, trained] = await addPeople(ctx, a, input)
  await audit(ctx, 'activity', a.id, { participants: before }, { participants: before + added, trainingRecorded: trained })
  return getActivity(ctx, a.id)
}

export async function setActivityExpenses(ctx: ServiceContext, input: { id: number; expenseIds: number[] }): Promise<ActivityDetail> {
  const a = await requireActivity(ctx, input.id)
  const before = await ctx.sql.column<number>(`SELECT expense_id FROM activity_expense WHERE activity_id = :id ORDER BY expense_id`, { id: a.id })
  await linkExpenses(ctx, a, input.expenseIds)
  await audit(ctx, 'activity', a.id, { expenses: before }, { expenses: [...new Set(input.expenseIds)].sort((x, y) => x - y) })
  return getActivity(ctx, a.id)
}

async function requirePartner(ctx: ServiceContext, id: number, field: string): Promise<void> {
  if (!(await ctx.sql.one(`SELECT id FROM partner WHERE id = :id`, { id }))) throw new DomainError('not_found', `No partner with id ${id}`, field)
}

export async function listPartners(ctx: ServiceContext): Promise<Partner[]> {
  const rows = await ctx.sql.all<{ id: number; mn: string; en: string }>(`SELECT id, name_mn AS mn, name_en AS en FROM partner ORDER BY id`)
  return rows.map((p) => ({ id: p.id, name: { mn: p.mn, en: p.en } }))
}

export async function addPartner(ctx: ServiceContext, input: { nameMn: string; nameEn: string | null }): Promise<Partner> {
  if (await ctx.sql.one(`SELECT id FROM partner WHERE name_mn = :n`, { n: input.nameMn }))
    throw new DomainError('conflict', 'is already in the list of partners', 'nameMn', { key: 'r.partnerExists' })
  const nameEn = input.nameEn ?? input.nameMn
  const id = await ctx.sql.insert(`INSERT INTO partner (name_en, name_mn, created_at) VALUES (:nameEn, :nameMn, :now) RETURNING id`, { nameEn, nameMn: input.nameMn, now: ctx.now })
  await audit(ctx, 'partner', id, null, { nameMn: input.nameMn, nameEn })
  return { id, name: { mn: input.nameMn, en: nameEn } }
}
