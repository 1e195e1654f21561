import { DomainError } from '../../../shared/domain/result'
import { formatDateMn, todayIso } from '../../../shared/domain/dates'
import type { GroupCandidate, GroupMembership, SsgDetail } from '../../../shared/api/groupsTypes'
import { searchKey } from '../../../shared/domain/names'
import { audit, type ServiceContext } from '../context'
import { requirePerson } from '../persons'
import { ACTIVE_ON, lsgRow, ssgRow } from './structure'
import { notFuture } from '../dates'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'

/*
 * Members of the small groups as periods: a person of a household of the
 * area joins on a date; she leaves on a date with a reason, or moves to
 * another small group of the same large group (her period ends there and a
 * new one starts). Periods are ended once and never rewritten, so a past
 * date's groups are always what they were. One small group at a time.
 */

const PERIOD_SQL = `SELECT gm.id, gm.person_id AS "personId", ${PERSON_SHORT_NAME_SQL} AS "personName", p.register_number AS "registerNumber", gm.household_id AS "householdId",
  gm.ssg_id AS "ssgId", s.code AS "ssgCode", s.name AS "ssgName", l.id AS "lsgId", l.code AS "lsgCode", l.name AS "lsgName",
  gm.joined_on AS "joinedOn", gm.left_on AS "leftOn", gm.left_reason AS "leftReason", mv.code AS "movedToSsgCode"
  FROM group_member gm JOIN person p ON p.id = gm.person_id JOIN ssg s ON s.id = gm.ssg_id JOIN lsg l ON l.id = s.lsg_id LEFT JOIN ssg mv ON mv.id = gm.moved_to_ssg_id`

async function period(ctx: ServiceContext, id: number): Promise<GroupMembership> {
  const r = await ctx.sql.one<GroupMembership>(`${PERIOD_SQL} WHERE gm.id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No group membership with id ${id}`, 'id')
  return r
}

export async function getSsg(ctx: ServiceContext, id: number): Promise<SsgDetail> {
  const on = todayIso(ctx.now)
  const ssg = await ssgRow(ctx, id, on)
  const lsg = await lsgRow(ctx, ssg.lsgId, on)
  const members = await ctx.sql.all<GroupMembership>(`${PERIOD_SQL} WHERE gm.ssg_id = :id AND ${ACTIVE_ON} ORDER BY p.sort_key, gm.id`, { id, on })
  const past = await ctx.sql.all<GroupMembership>(`${PERIOD_SQL} WHERE gm.ssg_id = :id AND gm.left_on IS NOT NULL AND gm.left_on <= :on ORDER BY gm.left_on DESC, gm.id DESC`, { id, on })
  const siblings = await ctx.sql.all<{ id: number; code: string; name: string }>('SELECT id, code, name FROM ssg WHERE lsg_id = :lsgId AND id <> :id ORDER BY code', { lsgId: ssg.lsgId, id })
  return { ssg, lsg, members, past, siblings }
}

export function periodsOfHousehold(ctx: ServiceContext, householdId: number): Promise<GroupMembership[]> {
  return ctx.sql.all<GroupMembership>(`${PERIOD_SQL} WHERE gm.household_id = :householdId ORDER BY gm.joined_on DESC, gm.id DESC`, { householdId })
}

export function periodsOfPerson(ctx: ServiceContext, personId: number): Promise<GroupMembership[]> {
  return ctx.sql.all<GroupMembership>(`${PERIOD_SQL} WHERE gm.person_id = :personId ORDER BY gm.joined_on DESC, gm.id DESC`, { personId })
}

/** Persons of the area's households who are in no small group on the date; a name or register number narrows the list. */
export async function groupCandidates(ctx: ServiceContext, input: { ssgId: number; on: string; query: string }): Promise<GroupCandidate[]> {
  const ssg = await ssgRow(ctx, input.ssgId)
  const lsg = await lsgRow(ctx, ssg.lsgId)
  const words = searchKey(input.query).split(' ').filter(Boolean)
  const params: Record<string, unknown> = { branchId: lsg.branchId, on: input.on }
  const match = words.map((w, i) => {
    params[`w${i}`] = `%${w}%`
    return `p.search_text LIKE :w${i}`
  })
  const rows = await ctx.sql.all<GroupCandidate & { inGroup: number }>(
    `SELECT p.id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, p.register_number AS "registerNumber", p.household_id AS "householdId",
       CASE WHEN EXISTS (SELECT 1 FROM group_member gm WHERE gm.household_id = p.household_id AND ${ACTIVE_ON}) THEN 1 ELSE 0 END AS "inGroup"
     FROM person p JOIN household h ON h.id = p.household_id
     WHERE h.branch_id = :branchId AND NOT EXISTS (SELECT 1 FROM group_member gm WHERE gm.person_id = p.id AND (gm.left_on IS NULL OR gm.left_on > :on))
     ${match.length ? `AND ${match.join(' AND ')}` : ''}
     ORDER BY p.sort_key, p.id LIMIT 50`,
    params,
  )
  return rows.map(({ inGroup, ...r }) => ({ ...r, householdInGroup: Number(inGroup) === 1 }))
}

/** Opens a period: the person must be of a household of the large group's area and in no small group on that date. */
async function open(ctx: ServiceContext, ssgId: number, personId: number, on: string, field: string): Promise<number> {
  const ssg = await ssgRow(ctx, ssgId)
  const lsg = await lsgRow(ctx, ssg.lsgId)
  const person = await requirePerson(ctx, personId, 'personId')
  if (on < ssg.formedOn) throw new DomainError('validation', `must not be before the small group was formed (${formatDateMn(ssg.formedOn)})`, field, { key: 'r.beforeSsg', vars: { date: formatDateMn(ssg.formedOn) } })
  if (person.householdId === null) throw new DomainError('validation', 'belongs to no household: record her household first; a group member stands for her household', 'personId', { key: 'r.noHousehold' })
  const household = await ctx.sql.one<{ branchId: number; mn: string }>(
    `SELECT h.branch_id AS "branchId", b.name_mn AS mn FROM household h JOIN branch b ON b.id = h.branch_id WHERE h.id = :id`,
    { id: person.householdId },
  )
  if (!household || household.branchId !== lsg.branchId) {
    throw new DomainError('validation', `is of a household of another area (${household?.mn ?? ''}): a group takes the families of its own area`, 'personId', {
      key: 'r.otherArea',
      vars: { area: household?.mn ?? '' },
    })
  }
  const current = await ctx.sql.one<{ code: string; leftOn: string | null }>(
    `SELECT s.code, gm.left_on AS "leftOn" FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id WHERE gm.person_id = :personId AND (gm.left_on IS NULL OR gm.left_on > :on)`,
    { personId, on },
  )
  if (current) throw new DomainError('conflict', `is already a member of small group ${current.code} on that date: one small group at a time`, 'personId', { key: 'r.inOtherSsg', vars: { code: current.code } })
  return ctx.sql.insert(
    `INSERT INTO group_member (ssg_id, person_id, household_id, joined_on, created_at, created_by) VALUES (:ssgId, :personId, :householdId, :on, :now, :actor) RETURNING id`,
    { ssgId, personId, householdId: person.householdId, on, now: ctx.now, actor: ctx.actor },
  )
}

export async function joinGroup(ctx: ServiceContext, input: { ssgId: number; personId: number; joinedOn: string }): Promise<GroupMembership> {
  notFuture(ctx, input.joinedOn, 'joinedOn')
  const id = await open(ctx, input.ssgId, input.personId, input.joinedOn, 'joinedOn')
  const out = await period(ctx, id)
  await audit(ctx, 'group_member', id, null, { ssg: out.ssgCode, person: out.personName, joinedOn: out.joinedOn })
  return out
}

async function openPeriod(ctx: ServiceContext, id: number): Promise<GroupMembership> {
  const p = await period(ctx, id)
  if (p.leftOn !== null) throw new DomainError('conflict', `ended on ${formatDateMn(p.leftOn)}: a period is ended once`, 'id', { key: 'r.periodEnded', vars: { date: formatDateMn(p.leftOn) } })
  return p
}

function checkEnd(p: GroupMembership, on: string, field: string): void {
  if (on <= p.joinedOn) throw new DomainError('validation', `must be after she joined (${formatDateMn(p.joinedOn)})`, field, { key: 'r.afterJoined', vars: { date: formatDateMn(p.joinedOn) } })
}

export async function leaveGroup(ctx: ServiceContext, input: { id: number; leftOn: string; reason: string }): Promise<GroupMembership> {
  const p = await openPeriod(ctx, input.id)
  notFuture(ctx, input.leftOn, 'leftOn')
  checkEnd(p, input.leftOn, 'leftOn')
  await ctx.sql.run('UPDATE group_member SET left_on = :leftOn, left_reason = :reason WHERE id = :id AND left_on IS NULL', input)
  const out = await period(ctx, input.id)
  await audit(ctx, 'group_member', input.id, { leftOn: null }, { leftOn: out.leftOn, reason: out.leftReason })
  return out
}

/** Moves a member to another small group of the same large group: the period ends on the date, a new one starts. */
export async function moveMember(ctx: ServiceContext, input: { id: number; toSsgId: number; movedOn: string }): Promise<GroupMembership> {
  const p = await openPeriod(ctx, input.id)
  notFuture(ctx, input.movedOn, 'movedOn')
  checkEnd(p, input.movedOn, 'movedOn')
  const to = await ssgRow(ctx, input.toSsgId)
  if (to.id === p.ssgId) throw new DomainError('validation', 'is her small group already', 'toSsgId', { key: 'r.sameSsg' })
  if (to.lsgId !== p.lsgId) throw new DomainError('validation', 'is in another large group: a member moves within her large group', 'toSsgId', { key: 'r.otherLsg' })
  await ctx.sql.run(`UPDATE group_member SET left_on = :movedOn, left_reason = 'moved', moved_to_ssg_id = :toSsgId WHERE id = :id AND left_on IS NULL`, input)
  const id = await open(ctx, to.id, p.personId, input.movedOn, 'movedOn')
  const out = await period(ctx, id)
  await audit(ctx, 'group_member', id, { ssg: p.ssgCode }, { ssg: out.ssgCode, person: out.personName, movedOn: input.movedOn })
  return out
}
