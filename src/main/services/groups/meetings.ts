import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import { addDays, formatDateMn, todayIso } from '../../../shared/domain/dates'
import type { meetingInput } from '../../../shared/api/groups'
import type { AttendanceCounts, AttendanceStatus, GroupMeetings, GroupType, MeetingCorrection, MeetingDetail, MeetingRow, SheetMember, WeekSheet } from '../../../shared/api/groupsTypes'
import { audit, type ServiceContext } from '../context'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'
import { cboRow, lsgRow, ssgRow } from './structure'
import { notFuture } from '../dates'
import { moveDueDates } from '../loans/dueMoves'
import { expectedMeetings, meetingPeriodKey } from '../../../shared/domain/meetings'

/*
 * Meetings of the groups: a small group weekly, a large group monthly (the
 * joint meeting of its small groups), a CBO's unified meetings of all its
 * area's large groups (no fixed rule). Every member of the group on the date
 * is on the sheet, each with one status. A meeting is locked once a later
 * meeting of the same group is recorded; after that a change is a correction
 * kept with its reason (meeting_correction, appended only).
 */

/** The member periods of a CBO: every member of the large groups of its area. */
export const CBO_PERIODS = 'gm.ssg_id IN (SELECT s.id FROM ssg s JOIN lsg l ON l.id = s.lsg_id JOIN cbo c ON c.branch_id = l.branch_id WHERE c.id = :groupId)'

interface GroupInfo {
  type: GroupType
  id: number
  formedOn: string
  /** SQL selecting the group's member periods (alias gm). */
  periods: string
  /** The meeting rule (none for a CBO: weekday 0). */
  meetingWeekday: number
  meetingWeek: number | null
}

export async function groupInfo(ctx: ServiceContext, type: GroupType, id: number): Promise<GroupInfo> {
  if (type === 'ssg') {
    const s = await ssgRow(ctx, id)
    return { type, id, formedOn: s.formedOn, periods: 'gm.ssg_id = :groupId', meetingWeekday: s.meetingWeekday, meetingWeek: null }
  }
  if (type === 'cbo') {
    const c = await cboRow(ctx, id)
    return { type, id, formedOn: c.foundedOn, periods: CBO_PERIODS, meetingWeekday: 0, meetingWeek: null }
  }
  const l = await lsgRow(ctx, id)
  return { type, id, formedOn: l.formedOn, periods: 'gm.ssg_id IN (SELECT s.id FROM ssg s WHERE s.lsg_id = :groupId)', meetingWeekday: l.meetingWeekday, meetingWeek: l.meetingWeek }
}

/** The members of a group on a date, by name: the sheet of a meeting held that day. */
export async function sheet(ctx: ServiceContext, g: GroupInfo, on: string): Promise<SheetMember[]> {
  return ctx.sql.all<SheetMember>(
    `SELECT DISTINCT p.id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, p.register_number AS "registerNumber", p.sort_key
     FROM group_member gm JOIN person p ON p.id = gm.person_id
     WHERE ${g.periods} AND gm.joined_on <= :on AND (gm.left_on IS NULL OR gm.left_on > :on) ORDER BY p.sort_key, p.id`,
    { groupId: g.id, on },
  ).then((rows) => rows.map(({ personId, name, registerNumber }) => ({ personId, name, registerNumber })))
}

export async function meetingSheet(ctx: ServiceContext, input: { groupType: GroupType; groupId: number; heldOn: string }): Promise<SheetMember[]> {
  return sheet(ctx, await groupInfo(ctx, input.groupType, input.groupId), input.heldOn)
}

const ROW_SQL = `SELECT m.id, m.group_type AS "groupType", m.group_id AS "groupId", m.held_on AS "heldOn",
  (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'present') AS present,
  (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'late') AS late,
  (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'represented') AS represented,
  (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'excused') AS excused,
  (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'absent') AS absent,
  CASE WHEN EXISTS (SELECT 1 FROM group_meeting n WHERE n.group_type = m.group_type AND n.group_id = m.group_id AND n.held_on > m.held_on) THEN 1 ELSE 0 END AS locked,
  (SELECT count(*) FROM meeting_correction c WHERE c.meeting_id = m.id) AS corrections
  FROM group_meeting m`

type RawRow = Omit<MeetingRow, 'locked'> & { locked: number }
const toRow = (r: RawRow): MeetingRow => ({
  ...r,
  present: Number(r.present),
  late: Number(r.late),
  represented: Number(r.represented),
  excused: Number(r.excused),
  absent: Number(r.absent),
  corrections: Number(r.corrections),
  locked: Number(r.locked) === 1,
})

export async function meetingRow(ctx: ServiceContext, id: number): Promise<MeetingRow> {
  const r = await ctx.sql.one<RawRow>(`${ROW_SQL} WHERE m.id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No meeting with id ${id}`, 'id')
  return toRow(r)
}

/**
 * The last day meetings are expected: today, or the end of the last project
 * if that is earlier — the groups are the project's, and after it the
 * secretariat no longer follows their weekly meetings.
 */
export async function expectedUntil(ctx: ServiceContext): Promise<string> {
  const today = todayIso(ctx.now)
  const end = await ctx.sql.value<string | null>('SELECT max(ends_on) AS d FROM project')
  return end && end < today ? end : today
}

export async function groupMeetings(ctx: ServiceContext, input: { groupType: GroupType; groupId: number }): Promise<GroupMeetings> {
  const g = await groupInfo(ctx, input.groupType, input.groupId)
  const meetings = (await ctx.sql.all<RawRow>(`${ROW_SQL} WHERE m.group_type = :groupType AND m.group_id = :groupId ORDER BY m.held_on DESC`, input)).map(toRow)
  const type = g.type
  const expected = type === 'cbo' ? [] : expectedMeetings({ type, formedOn: g.formedOn, weekday: g.meetingWeekday, week: g.meetingWeek }, await expectedUntil(ctx))
  const heldPeriods = new Set(meetings.map((m) => (type === 'cbo' ? m.heldOn : meetingPeriodKey(type, m.heldOn))))
  const missed = type === 'cbo' ? [] : expected.filter((d) => !heldPeriods.has(meetingPeriodKey(type, d))).reverse()
  const counts = meetings.reduce<AttendanceCounts>(
    (s, m) => ({ present: s.present + m.present, late: s.late + m.late, represented: s.represented + m.represented, excused: s.excused + m.excused, absent: s.absent + m.absent }),
    { present: 0, late: 0, represented: 0, excused: 0, absent: 0 },
  )
  const memberMeetings = counts.present + counts.late + counts.represented + counts.excused + counts.absent
  return {
    meetings,
    hasRule: type !== 'cbo',
    expected: expected.length,
    held: meetings.length,
    missed,
    attendance: { ...counts, memberMeetings, rate: memberMeetings ? (counts.present + counts.late) / memberMeetings : null },
  }
}

export async function getMeeting(ctx: ServiceContext, id: number): Promise<MeetingDetail> {
  const meeting = await meetingRow(ctx, id)
  const text = await ctx.sql.one<{ minutes: string | null; decisions: string | null }>('SELECT minutes, decisions FROM group_meeting WHERE id = :id', { id })
  const attendance = await ctx.sql.all<SheetMember & { status: AttendanceStatus }>(
    `SELECT a.person_id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, p.register_number AS "registerNumber", a.status
     FROM meeting_attendance a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = :id ORDER BY p.sort_key, p.id`,
    { id },
  )
  const corrections = await ctx.sql.all<MeetingCorrection>(
    `SELECT id, field, old_value AS "oldValue", new_value AS "newValue", reason, corrected_at AS "correctedAt", corrected_by AS "correctedBy" FROM meeting_correction WHERE meeting_id = :id ORDER BY id`,
    { id },
  )
  const elected = await ctx.sql.all<MeetingDetail['elected'][number]>(
    `SELECT o.office, o.person_id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name FROM group_office o JOIN person p ON p.id = o.person_id WHERE o.meeting_id = :id ORDER BY o.id`,
    { id },
  )
  return { meeting, minutes: text?.minutes ?? null, decisions: text?.decisions ?? null, attendance, corrections, elected }
}

/** The sheet must list every member of the group on the date, and nobody else. */
async function checkSheet(ctx: ServiceContext, g: GroupInfo, on: string, attendance: Array<{ personId: number }>): Promise<void> {
  const members = await sheet(ctx, g, on)
  const listed = new Set(attendance.map((a) => a.personId))
  const missing = members.find((m) => !listed.has(m.personId))
  if (missing) throw new DomainError('validation', `leaves out ${missing.name}, a member on ${formatDateMn(on)}: every member is listed`, 'attendance', { key: 'r.sheetMissing', vars: { name: missing.name, date: formatDateMn(on) } })
  const ids = new Set(members.map((m) => m.personId))
  const [i, stranger] = [...attendance.entries()].find(([, a]) => !ids.has(a.personId)) ?? [-1, null]
  if (stranger) throw new DomainError('validation', `lists someone who was not a member of the group on ${formatDateMn(on)}`, `attendance.${i}.personId`, { key: 'r.sheetStranger', vars: { date: formatDateMn(on) } })
}

export async function recordMeeting(ctx: ServiceContext, input: z.output<typeof meetingInput>): Promise<MeetingRow> {
  const g = await groupInfo(ctx, input.groupType, input.groupId)
  notFuture(ctx, input.heldOn, 'heldOn')
  if (input.heldOn < g.formedOn) throw new DomainError('validation', `must not be before the group was formed (${formatDateMn(g.formedOn)})`, 'heldOn', { key: 'r.beforeGroup', vars: { date: formatDateMn(g.formedOn) } })
  const same = await ctx.sql.one<{ id: number }>('SELECT id FROM group_meeting WHERE group_type = :groupType AND group_id = :groupId AND held_on = :heldOn', input)
  if (same) throw new DomainError('conflict', `A meeting of the group on ${formatDateMn(input.heldOn)} is already recorded`, 'heldOn', { key: 'r.meetingExists', vars: { date: formatDateMn(input.heldOn) } })
  await checkSheet(ctx, g, input.heldOn, input.attendance)
  const id = await ctx.sql.insert(
    `INSERT INTO group_meeting (group_type, group_id, held_on, minutes, decisions, created_at, created_by) VALUES (:groupType, :groupId, :heldOn, :minutes, :decisions, :now, :actor) RETURNING id`,
    { ...input, now: ctx.now, actor: ctx.actor },
  )
  for (const a of input.attendance) await ctx.sql.run('INSERT INTO meeting_attendance (meeting_id, person_id, status) VALUES (:id, :personId, :status)', { id, ...a })
  // A small group meeting on another day of the week moves that week's instalments to its day.
  if (input.groupType === 'ssg') await moveDueDates(ctx, { ssgId: input.groupId, meetings: [{ id, heldOn: input.heldOn }] })
  const out = await meetingRow(ctx, id)
  await audit(ctx, 'group_meeting', id, null, { groupType: out.groupType, groupId: out.groupId, heldOn: out.heldOn, present: out.present, late: out.late, represented: out.represented, excused: out.excused, absent: out.absent })
  return out
}

/**
 * Corrects a meeting. Before a later meeting is recorded it is simply
 * changed; once locked, the reason is required and each change is kept as a
 * correction (a member's status, the minutes, the decisions).
 */
export async function correctMeeting(
  ctx: ServiceContext,
  input: { id: number; attendance: Array<{ personId: number; status: AttendanceStatus }>; minutes: string | null; decisions: string | null; reason: string | null },
): Promise<MeetingRow> {
  const before = await getMeeting(ctx, input.id)
  const m = before.meeting
  if (m.locked && !input.reason) throw new DomainError('validation', 'is required: a later meeting is recorded, so this one is corrected with the reason', 'reason', { key: 'r.lockedReason' })
  const g = await groupInfo(ctx, m.groupType, m.groupId)
  await checkSheet(ctx, g, m.heldOn, input.attendance)
  const was = new Map(before.attendance.map((a) => [a.personId, a]))
  const changes: Array<{ field: string; oldValue: string | null; newValue: string | null }> = []
  const names = new Map((await sheet(ctx, g, m.heldOn)).map((x) => [x.personId, x.name]))
  for (const a of input.attendance) {
    const old = was.get(a.personId)
    if (old?.status !== a.status) changes.push({ field: `attendance:${names.get(a.personId) ?? a.personId}`, oldValue: old?.status ?? null, newValue: a.status })
  }
  for (const old of before.attendance.filter((a) => !input.attendance.some((x) => x.personId === a.personId))) {
    changes.push({ field: `attendance:${old.name}`, oldValue: old.status, newValue: null })
  }
  if ((before.minutes ?? null) !== input.minutes) changes.push({ field: 'minutes', oldValue: before.minutes, newValue: input.minutes })
  if ((before.decisions ?? null) !== input.decisions) changes.push({ field: 'decisions', oldValue: before.decisions, newValue: input.decisions })
  if (changes.length === 0) throw new DomainError('validation', 'changes nothing: the record already says this', 'reason', { key: 'r.correctsNothing' })
  if (m.locked) {
    for (const c of changes) {
      await ctx.sql.run(
        `INSERT INTO meeting_correction (meeting_id, field, old_value, new_value, reason, corrected_at, corrected_by) VALUES (:id, :field, :oldValue, :newValue, :reason, :now, :actor)`,
        { id: m.id, ...c, reason: input.reason, now: ctx.now, actor: ctx.actor },
      )
    }
  }
  for (const a of input.attendance) {
    if (was.has(a.personId)) await ctx.sql.run('UPDATE meeting_attendance SET status = :status WHERE meeting_id = :id AND person_id = :personId', { id: m.id, ...a })
    else await ctx.sql.run('INSERT INTO meeting_attendance (meeting_id, person_id, status) VALUES (:id, :personId, :status)', { id: m.id, ...a })
  }
  const kept = new Set(input.attendance.map((a) => a.personId))
  for (const old of before.attendance.filter((a) => !kept.has(a.personId))) {
    await ctx.sql.run('DELETE FROM meeting_attendance WHERE meeting_id = :id AND person_id = :personId', { id: m.id, personId: old.personId })
  }
  await ctx.sql.run('UPDATE group_meeting SET minutes = :minutes, decisions = :decisions WHERE id = :id', { id: m.id, minutes: input.minutes, decisions: input.decisions })
  const out = await meetingRow(ctx, m.id)
  await audit(ctx, 'group_meeting', m.id, { changes: changes.map((c) => `${c.field}: ${c.oldValue ?? ''}`) }, { changes: changes.map((c) => `${c.field}: ${c.newValue ?? ''}`), reason: input.reason })
  return out
}

export type { AttendanceCounts }

/** The small groups of a large group for the week of a date: each one's meeting day, what is recorded that week, its sheet. */
export async function weekSheets(ctx: ServiceContext, input: { lsgId: number; weekOf: string }): Promise<WeekSheet[]> {
  await lsgRow(ctx, input.lsgId)
  const monday = meetingPeriodKey('ssg', input.weekOf)
  const sunday = addDays(monday, 6)
  const ssgs = await ctx.sql.all<{ id: number; code: string; name: string; weekday: number; formedOn: string }>(
    `SELECT id, code, name, meeting_weekday AS weekday, formed_on AS "formedOn" FROM ssg WHERE lsg_id = :lsgId ORDER BY code`,
    input,
  )
  const out: WeekSheet[] = []
  for (const s of ssgs) {
    const heldOn = addDays(monday, s.weekday - 1)
    const recorded = await ctx.sql.one<{ id: number; heldOn: string }>(
      `SELECT id, held_on AS "heldOn" FROM group_meeting WHERE group_type = 'ssg' AND group_id = :id AND held_on BETWEEN :monday AND :sunday ORDER BY held_on LIMIT 1`,
      { id: s.id, monday, sunday },
    )
    const g = await groupInfo(ctx, 'ssg', s.id)
    out.push({ ssgId: s.id, code: s.code, name: s.name, heldOn, recorded: recorded ?? null, members: heldOn < s.formedOn ? [] : await sheet(ctx, g, heldOn) })
  }
  return out
}
