import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import { todayIso } from '../../../shared/domain/dates'
import type { cboInput, lsgInput, ssgInput } from '../../../shared/api/groups'
import type { Cbo, CboDetail, GroupArea, GroupFlag, LsgDetail, LsgRow, SsgRow } from '../../../shared/api/groupsTypes'
import { audit, type ServiceContext } from '../context'
import { claimVersion } from '../versions'
import { requireBranch } from '../branches'
import { notFuture } from '../dates'

/*
 * The structure of the project's self-help groups: per project area a CBO,
 * large groups (about 40 families) and their small groups (5-8 persons).
 * Counts are of the members on a date (today by default), from the periods.
 */

/** Sizes the project plans: warnings, not refusals. */
export const SIZES = { ssg: { min: 5, max: 8 }, lsg: { min: 35, max: 45 } }

export function ssgFlags(members: number): GroupFlag[] {
  if (members < SIZES.ssg.min) return [{ code: 'ssg_small', key: 'g.flag.ssgSmall', vars: { n: members, min: SIZES.ssg.min } }]
  if (members > SIZES.ssg.max) return [{ code: 'ssg_large', key: 'g.flag.ssgLarge', vars: { n: members, max: SIZES.ssg.max } }]
  return []
}

export function lsgFlags(families: number): GroupFlag[] {
  if (families < SIZES.lsg.min) return [{ code: 'lsg_small', key: 'g.flag.lsgSmall', vars: { n: families, min: SIZES.lsg.min } }]
  if (families > SIZES.lsg.max) return [{ code: 'lsg_large', key: 'g.flag.lsgLarge', vars: { n: families, max: SIZES.lsg.max } }]
  return []
}

/** Members in a period on a date. */
export const ACTIVE_ON = `gm.joined_on <= :on AND (gm.left_on IS NULL OR gm.left_on > :on)`

type LsgRecord = Omit<LsgRow, 'branchName' | 'ssgs' | 'families' | 'persons' | 'singleWomanHeaded' | 'flags'> & { branchMn: string; branchEn: string }

const LSG_SQL = `SELECT l.id, l.version, l.branch_id AS "branchId", l.code, l.name, l.formed_on AS "formedOn", l.project_year AS "projectYear",
  l.meeting_week AS "meetingWeek", l.meeting_weekday AS "meetingWeekday", b.name_mn AS "branchMn", b.name_en AS "branchEn"
  FROM lsg l JOIN branch b ON b.id = l.branch_id`

/** Families (member households), their persons and the single-woman-headed among them, per large group on a date. */
async function lsgCounts(ctx: ServiceContext, on: string, where: string, params: Record<string, unknown>): Promise<Map<number, { ssgs: number; families: number; persons: number; swh: number }>> {
  const rows = await ctx.sql.all<{ id: number; ssgs: number; families: number; persons: number; swh: number }>(
    `SELECT l.id,
       (SELECT count(*) FROM ssg s WHERE s.lsg_id = l.id) AS ssgs,
       (SELECT count(DISTINCT gm.household_id) FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id WHERE s.lsg_id = l.id AND ${ACTIVE_ON}) AS families,
       (SELECT count(*) FROM person p WHERE p.household_id IN (SELECT gm.household_id FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id WHERE s.lsg_id = l.id AND ${ACTIVE_ON})) AS persons,
       (SELECT count(*) FROM household h WHERE h.single_woman_headed = 1 AND h.id IN (SELECT gm.household_id FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id WHERE s.lsg_id = l.id AND ${ACTIVE_ON})) AS swh
     FROM lsg l WHERE ${where}`,
    { ...params, on },
  )
  return new Map(rows.map((r) => [r.id, { ssgs: Number(r.ssgs), families: Number(r.families), persons: Number(r.persons), swh: Number(r.swh) }]))
}

function toLsgRow(r: LsgRecord, c: { ssgs: number; families: number; persons: number; swh: number } | undefined): LsgRow {
  const { branchMn, branchEn, ...l } = r
  const counts = c ?? { ssgs: 0, families: 0, persons: 0, swh: 0 }
  return { ...l, branchName: { mn: branchMn, en: branchEn }, ssgs: counts.ssgs, families: counts.families, persons: counts.persons, singleWomanHeaded: counts.swh, flags: lsgFlags(counts.families) }
}

export async function lsgRow(ctx: ServiceContext, id: number, on = todayIso(ctx.now)): Promise<LsgRow> {
  const r = await ctx.sql.one<LsgRecord>(`${LSG_SQL} WHERE l.id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No large group with id ${id}`, 'lsgId')
  return toLsgRow(r, (await lsgCounts(ctx, on, 'l.id = :id', { id })).get(id))
}

const SSG_SQL = `SELECT s.id, s.version, s.lsg_id AS "lsgId", s.code, s.name, s.formed_on AS "formedOn", s.meeting_weekday AS "meetingWeekday",
  (SELECT count(*) FROM group_member gm WHERE gm.ssg_id = s.id AND ${ACTIVE_ON}) AS members FROM ssg s`

const toSsgRow = (r: Omit<SsgRow, 'flags'>): SsgRow => ({ ...r, members: Number(r.members), flags: ssgFlags(Number(r.members)) })

export async function ssgRow(ctx: ServiceContext, id: number, on = todayIso(ctx.now)): Promise<SsgRow> {
  const r = await ctx.sql.one<Omit<SsgRow, 'flags'>>(`${SSG_SQL} WHERE s.id = :id`, { id, on })
  if (!r) throw new DomainError('not_found', `No small group with id ${id}`, 'ssgId')
  return toSsgRow(r)
}

export async function groupTree(ctx: ServiceContext, input: { branchId?: number; on?: string }): Promise<GroupArea[]> {
  const on = input.on ?? todayIso(ctx.now)
  const branches = await ctx.sql.all<{ id: number; mn: string; en: string }>(
    `SELECT id, name_mn AS mn, name_en AS en FROM branch WHERE is_project_branch = 1 ${input.branchId === undefined ? '' : 'AND id = :branchId'} ORDER BY name_mn, id`,
    { branchId: input.branchId },
  )
  const cbos = new Map((await ctx.sql.all<Cbo>(CBO_SQL)).map((c) => [c.branchId, c]))
  const lsgs = await ctx.sql.all<LsgRecord>(`${LSG_SQL} ORDER BY l.formed_on, l.code`)
  const counts = await lsgCounts(ctx, on, '1 = 1', {})
  return branches.map((b) => {
    const rows = lsgs.filter((l) => l.branchId === b.id).map((l) => toLsgRow(l, counts.get(l.id)))
    return {
      branchId: b.id,
      branchName: { mn: b.mn, en: b.en },
      cbo: cbos.get(b.id) ?? null,
      lsgs: rows,
      families: rows.reduce((s, l) => s + l.families, 0),
      persons: rows.reduce((s, l) => s + l.persons, 0),
    }
  })
}

export async function getLsg(ctx: ServiceContext, id: number): Promise<LsgDetail> {
  const on = todayIso(ctx.now)
  const lsg = await lsgRow(ctx, id, on)
  const ssgs = (await ctx.sql.all<Omit<SsgRow, 'flags'>>(`${SSG_SQL} WHERE s.lsg_id = :id ORDER BY s.code`, { id, on })).map(toSsgRow)
  return { lsg, ssgs }
}

async function requireProjectBranch(ctx: ServiceContext, branchId: number): Promise<void> {
  const b = await requireBranch(ctx, branchId)
  if (!b.isProjectBranch) throw new DomainError('validation', 'is not a project area: self-help groups are formed in the project branches', 'branchId', { key: 'r.notProjectArea' })
}


async function uniqueCode(ctx: ServiceContext, table: 'lsg' | 'ssg', code: string, exceptId?: number): Promise<void> {
  const other = await ctx.sql.one<{ id: number; name: string }>(`SELECT id, name FROM ${table} WHERE code = :code`, { code })
  if (other && other.id !== exceptId) throw new DomainError('conflict', `The code ${code} is already used by ${other.name}`, 'code', { key: 'r.codeUsed', vars: { code, other: other.name } })
}

const CBO_SQL = `SELECT id, version, branch_id AS "branchId", name, founded_on AS "foundedOn", registration_number AS "registrationNumber", registered_on AS "registeredOn" FROM cbo`

export async function cboRow(ctx: ServiceContext, id: number): Promise<Cbo> {
  const c = await ctx.sql.one<Cbo>(`${CBO_SQL} WHERE id = :id`, { id })
  if (!c) throw new DomainError('not_found', `No CBO with id ${id}`, 'id')
  return c
}

/** A CBO's members on a date: the persons in the small groups of its area's large groups. */
async function cboMembers(ctx: ServiceContext, branchId: number, on: string): Promise<number> {
  return Number(
    await ctx.sql.value<number>(
      `SELECT count(DISTINCT gm.person_id) AS n FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id JOIN lsg l ON l.id = s.lsg_id WHERE l.branch_id = :branchId AND ${ACTIVE_ON}`,
      { branchId, on },
    ),
  )
}

export async function getCbo(ctx: ServiceContext, id: number): Promise<CboDetail> {
  const cbo = await cboRow(ctx, id)
  const on = todayIso(ctx.now)
  const [area] = await groupTree(ctx, { branchId: cbo.branchId, on })
  const founding = await ctx.sql.one<{ id: number; heldOn: string }>(`SELECT id, held_on AS "heldOn" FROM group_meeting WHERE group_type = 'cbo' AND group_id = :id AND held_on = :on`, { id, on: cbo.foundedOn })
  return {
    cbo,
    branchName: area!.branchName,
    lsgs: area!.lsgs,
    families: area!.families,
    persons: area!.persons,
    members: await cboMembers(ctx, cbo.branchId, on),
    foundingMeeting: founding ?? null,
  }
}

function checkRegistration(ctx: ServiceContext, input: z.output<typeof cboInput>): void {
  if (input.registeredOn === null) return
  notFuture(ctx, input.registeredOn, 'registeredOn')
  if (input.registeredOn < input.foundedOn) throw new DomainError('validation', `must not be before the CBO was founded (${input.foundedOn})`, 'registeredOn', { key: 'r.registeredBeforeFounded', vars: { date: input.foundedOn } })
}

export async function createCbo(ctx: ServiceContext, input: z.output<typeof cboInput>): Promise<Cbo> {
  await requireProjectBranch(ctx, input.branchId)
  notFuture(ctx, input.foundedOn, 'foundedOn')
  checkRegistration(ctx, input)
  const other = await ctx.sql.one<{ name: string }>('SELECT name FROM cbo WHERE branch_id = :branchId', input)
  if (other) throw new DomainError('conflict', `The area already has its CBO, ${other.name}`, 'branchId', { key: 'r.cboExists', vars: { name: other.name } })
  const id = await ctx.sql.insert(
    `INSERT INTO cbo (branch_id, name, founded_on, registration_number, registered_on, created_at) VALUES (:branchId, :name, :foundedOn, :registrationNumber, :registeredOn, :now) RETURNING id`,
    { ...input, now: ctx.now },
  )
  await audit(ctx, 'cbo', id, null, input)
  return cboRow(ctx, id)
}

/** Changes a CBO's name, founding date or registration; its meetings stay on or after the founding. */
export async function updateCbo(ctx: ServiceContext, input: { id: number; version: number; cbo: z.output<typeof cboInput> }): Promise<Cbo> {
  const before = await cboRow(ctx, input.id)
  await claimVersion(ctx, 'cbo', input.id, input.version)
  if (input.cbo.branchId !== before.branchId) throw new DomainError('validation', 'cannot change: a CBO stays in its area', 'branchId', { key: 'r.cboArea' })
  notFuture(ctx, input.cbo.foundedOn, 'foundedOn')
  checkRegistration(ctx, input.cbo)
  const first = await ctx.sql.value<string | null>(`SELECT min(held_on) AS d FROM group_meeting WHERE group_type = 'cbo' AND group_id = :id`, { id: input.id })
  if (first && input.cbo.foundedOn > first) throw new DomainError('validation', `must not be after its first meeting (${first})`, 'foundedOn', { key: 'r.afterFirstMeeting', vars: { date: first } })
  await ctx.sql.run(`UPDATE cbo SET name = :name, founded_on = :foundedOn, registration_number = :registrationNumber, registered_on = :registeredOn WHERE id = :id`, { ...input.cbo, id: input.id })
  const { version: _v, id: _i, ...plain } = before
  await audit(ctx, 'cbo', input.id, plain, input.cbo)
  return cboRow(ctx, input.id)
}

export async function createLsg(ctx: ServiceContext, input: z.output<typeof lsgInput>): Promise<LsgRow> {
  await requireProjectBranch(ctx, input.branchId)
  notFuture(ctx, input.formedOn, 'formedOn')
  await uniqueCode(ctx, 'lsg', input.code)
  const id = await ctx.sql.insert(
    `INSERT INTO lsg (branch_id, code, name, formed_on, project_year, meeting_week, meeting_weekday, created_at, updated_at)
     VALUES (:branchId, :code, :name, :formedOn, :projectYear, :meetingWeek, :meetingWeekday, :now, :now) RETURNING id`,
    { ...input, now: ctx.now },
  )
  const out = await lsgRow(ctx, id)
  await audit(ctx, 'lsg', id, null, input)
  return out
}

export async function updateLsg(ctx: ServiceContext, input: { id: number; version: number; lsg: z.output<typeof lsgInput> }): Promise<LsgRow> {
  const before = await lsgRow(ctx, input.id)
  await claimVersion(ctx, 'lsg', input.id, input.version)
  if (input.lsg.branchId !== before.branchId) throw new DomainError('validation', 'cannot change: a large group stays in its area', 'branchId', { key: 'r.lsgArea' })
  notFuture(ctx, input.lsg.formedOn, 'formedOn')
  await uniqueCode(ctx, 'lsg', input.lsg.code, input.id)
  const first = await ctx.sql.value<string | null>('SELECT min(gm.joined_on) AS d FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id WHERE s.lsg_id = :id', { id: input.id })
  if (first && input.lsg.formedOn > first) throw new DomainError('validation', `must not be after its first member joined (${first})`, 'formedOn', { key: 'r.afterFirstMember', vars: { date: first } })
  await ctx.sql.run(
    `UPDATE lsg SET code = :code, name = :name, formed_on = :formedOn, project_year = :projectYear, meeting_week = :meetingWeek, meeting_weekday = :meetingWeekday, updated_at = :now WHERE id = :id`,
    { ...input.lsg, id: input.id, now: ctx.now },
  )
  const out = await lsgRow(ctx, input.id)
  const { branchName: _b, ssgs: _s, families: _f, persons: _p, singleWomanHeaded: _w, flags: _g, version: _v, ...plain } = before
  await audit(ctx, 'lsg', input.id, plain, input.lsg)
  return out
}

export async function createSsg(ctx: ServiceContext, input: z.output<typeof ssgInput>): Promise<SsgRow> {
  const lsg = await lsgRow(ctx, input.lsgId)
  notFuture(ctx, input.formedOn, 'formedOn')
  if (input.formedOn < lsg.formedOn) throw new DomainError('validation', `must not be before its large group was formed (${lsg.formedOn})`, 'formedOn', { key: 'r.beforeLsg', vars: { date: lsg.formedOn } })
  await uniqueCode(ctx, 'ssg', input.code)
  const id = await ctx.sql.insert(
    `INSERT INTO ssg (lsg_id, code, name, formed_on, meeting_weekday, created_at, updated_at) VALUES (:lsgId, :code, :name, :formedOn, :meetingWeekday, :now, :now) RETURNING id`,
    { ...input, now: ctx.now },
  )
  const out = await ssgRow(ctx, id)
  await audit(ctx, 'ssg', id, null, input)
  return out
}

export async function updateSsg(ctx: ServiceContext, input: { id: number; version: number; ssg: z.output<typeof ssgInput> }): Promise<SsgRow> {
  const before = await ssgRow(ctx, input.id)
  await claimVersion(ctx, 'ssg', input.id, input.version)
  if (input.ssg.lsgId !== before.lsgId) throw new DomainError('validation', 'cannot change: a small group stays in its large group; move its members instead', 'lsgId', { key: 'r.ssgLsg' })
  notFuture(ctx, input.ssg.formedOn, 'formedOn')
  const lsg = await lsgRow(ctx, before.lsgId)
  if (input.ssg.formedOn < lsg.formedOn) throw new DomainError('validation', `must not be before its large group was formed (${lsg.formedOn})`, 'formedOn', { key: 'r.beforeLsg', vars: { date: lsg.formedOn } })
  const first = await ctx.sql.value<string | null>('SELECT min(joined_on) AS d FROM group_member WHERE ssg_id = :id', { id: input.id })
  if (first && input.ssg.formedOn > first) throw new DomainError('validation', `must not be after its first member joined (${first})`, 'formedOn', { key: 'r.afterFirstMember', vars: { date: first } })
  await uniqueCode(ctx, 'ssg', input.ssg.code, input.id)
  await ctx.sql.run(`UPDATE ssg SET code = :code, name = :name, formed_on = :formedOn, meeting_weekday = :meetingWeekday, updated_at = :now WHERE id = :id`, {
    ...input.ssg,
    id: input.id,
    now: ctx.now,
  })
  const out = await ssgRow(ctx, input.id)
  const { members: _m, flags: _f, version: _v, ...plain } = before
  await audit(ctx, 'ssg', input.id, plain, input.ssg)
  return out
}
