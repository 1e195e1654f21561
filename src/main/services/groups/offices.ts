import { DomainError } from '../../../shared/domain/result'
import { addYears, formatDateMn, todayIso } from '../../../shared/domain/dates'
import type { GroupOffices, GroupType, Office, OfficeTerm, PersonOffice } from '../../../shared/api/groupsTypes'
import { audit, type ServiceContext } from '../context'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'
import { groupInfo, meetingRow } from './meetings'

/*
 * Office holders: a small group's representative, a large group's chairman
 * and treasurer, a CBO's leaders (chairman and treasurer, from the members of
 * its area's large groups), each elected at a recorded meeting of that group, every
 * year. The holder is a member of the group on that day. A term runs to the
 * next election of that office, or ends the day she leaves the group.
 */

export const OFFICES: Record<GroupType, Office[]> = { ssg: ['representative'], lsg: ['chair', 'treasurer'], cbo: ['chair', 'treasurer'] }

/** The day she stops being a member of the group after `from`: the end of her period (a move inside a large group keeps her in it). */
async function leftGroup(ctx: ServiceContext, type: GroupType, groupId: number, personId: number, from: string): Promise<string | null> {
  const g = await groupInfo(ctx, type, groupId)
  const periods = await ctx.sql.all<{ joinedOn: string; leftOn: string | null; leftReason: string | null }>(
    `SELECT gm.joined_on AS "joinedOn", gm.left_on AS "leftOn", gm.left_reason AS "leftReason" FROM group_member gm WHERE ${g.periods} AND gm.person_id = :personId ORDER BY gm.joined_on, gm.id`,
    { groupId, personId },
  )
  let current = periods.find((p) => p.joinedOn <= from && (p.leftOn === null || p.leftOn > from))
  while (current && current.leftOn !== null) {
    const next = periods.find((p) => p.joinedOn === current!.leftOn)
    if (!next) return current.leftOn
    current = next
  }
  return null
}

/** A group's office holders as on a date (today when not given): who held each office then, the terms before, overdue then. */
export async function groupOffices(ctx: ServiceContext, input: { groupType: GroupType; groupId: number }, on?: string): Promise<GroupOffices> {
  const g = await groupInfo(ctx, input.groupType, input.groupId)
  const today = on ?? todayIso(ctx.now)
  const rows = await ctx.sql.all<Omit<OfficeTerm, 'until' | 'ended'>>(
    `SELECT o.id, o.office, o.person_id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, m.held_on AS "electedOn", m.id AS "meetingId"
     FROM group_office o JOIN group_meeting m ON m.id = o.meeting_id JOIN person p ON p.id = o.person_id
     WHERE m.group_type = :groupType AND m.group_id = :groupId AND m.held_on <= :today ORDER BY m.held_on, o.id`,
    { ...input, today },
  )
  const terms: OfficeTerm[] = []
  for (const [i, r] of rows.entries()) {
    const next = rows.slice(i + 1).find((x) => x.office === r.office)?.electedOn ?? null
    const left = await leftGroup(ctx, input.groupType, input.groupId, r.personId, r.electedOn)
    const until = [next, left].filter((d): d is string => d !== null).sort()[0] ?? null
    terms.push({ ...r, until: until !== null && until <= today ? until : null, ended: until === null || until > today ? null : until === left && (next === null || left <= next) ? 'left_group' : 'next_election' })
  }
  const lastElection = rows.length ? rows[rows.length - 1]!.electedOn : null
  return {
    offices: OFFICES[input.groupType],
    current: terms.filter((x) => x.until === null),
    history: [...terms].reverse(),
    lastElection,
    overdue: addYears(lastElection ?? g.formedOn, 1) < today,
  }
}

export async function electOffice(ctx: ServiceContext, input: { meetingId: number; office: Office; personId: number }): Promise<OfficeTerm> {
  const m = await meetingRow(ctx, input.meetingId)
  if (!OFFICES[m.groupType].includes(input.office)) {
    throw new DomainError('validation', m.groupType === 'ssg' ? 'is not an office of a small group' : `is not an office of a ${m.groupType === 'lsg' ? 'large group' : 'CBO'}`, 'office', {
      key: m.groupType === 'ssg' ? 'r.officeOfSsg' : m.groupType === 'lsg' ? 'r.officeOfLsg' : 'r.officeOfCbo',
    })
  }
  const g = await groupInfo(ctx, m.groupType, m.groupId)
  const member = await ctx.sql.one<{ id: number }>(
    `SELECT gm.id FROM group_member gm WHERE ${g.periods} AND gm.person_id = :personId AND gm.joined_on <= :on AND (gm.left_on IS NULL OR gm.left_on > :on)`,
    { groupId: g.id, personId: input.personId, on: m.heldOn },
  )
  if (!member) throw new DomainError('validation', `was not a member of the group on ${formatDateMn(m.heldOn)}: only a member is elected`, 'personId', { key: 'r.officeNotMember', vars: { date: formatDateMn(m.heldOn) } })
  const same = await ctx.sql.one<{ id: number }>('SELECT id FROM group_office WHERE meeting_id = :meetingId AND office = :office', input)
  if (same) throw new DomainError('conflict', 'This office was already elected at this meeting', 'office', { key: 'r.officeElected' })
  const id = await ctx.sql.insert(`INSERT INTO group_office (meeting_id, office, person_id, created_at, created_by) VALUES (:meetingId, :office, :personId, :now, :actor) RETURNING id`, {
    ...input,
    now: ctx.now,
    actor: ctx.actor,
  })
  const out = (await groupOffices(ctx, { groupType: m.groupType, groupId: m.groupId })).history.find((x) => x.id === id)!
  await audit(ctx, 'group_office', id, null, { office: input.office, person: out.name, electedOn: out.electedOn })
  return out
}

/** The offices a person was elected to, newest first. */
export function officesOfPerson(ctx: ServiceContext, personId: number): Promise<PersonOffice[]> {
  return ctx.sql.all<PersonOffice>(
    `SELECT o.office, m.group_type AS "groupType", m.group_id AS "groupId", CASE WHEN m.group_type = 'ssg' THEN s.code WHEN m.group_type = 'lsg' THEN l.code ELSE c.name END AS "groupCode", m.held_on AS "electedOn"
     FROM group_office o JOIN group_meeting m ON m.id = o.meeting_id LEFT JOIN ssg s ON m.group_type = 'ssg' AND s.id = m.group_id LEFT JOIN lsg l ON m.group_type = 'lsg' AND l.id = m.group_id
       LEFT JOIN cbo c ON m.group_type = 'cbo' AND c.id = m.group_id
     WHERE o.person_id = :personId ORDER BY m.held_on DESC, o.id DESC`,
    { personId },
  )
}
