import type { z } from 'zod'
import { notFuture } from './dates'
import { DomainError } from '../../shared/domain/result'
import { quorumMet, quorumNeeded } from '../../shared/domain/governance'
import type { assemblyInput } from '../../shared/api/governance'
import type { AssemblyDetail, AssemblyRow } from '../../shared/api/governanceTypes'
import { audit, type ServiceContext } from './context'
import { claimVersion } from './versions'
import { requireBranch } from './branches'
import { countActive } from './activeMembers'
import { auditFor } from './auditLog'
import { feeDecisionOfAssembly } from './fees'
import { electionOfAssembly } from './elections'
import { attendeesOf, checkAttendees, eligibleMembers, saveAttendance } from './attendance'
import { changes, correctionsOfAssembly, recordCorrections, type Change } from './corrections'

type AssemblyInput = z.output<typeof assemblyInput>

interface AssemblyRecord {
  id: number
  version: number
  kind: 'local' | 'general'
  branchId: number | null
  year: number
  heldOn: string
  place: string | null
  membersPresent: number
  quorumPercent: number
  quorumStrict: number
  decisions: string | null
  minutes: string | null
  branchMn: string | null
  branchEn: string | null
  hasElection: number
  feeDecided: number
  attendanceListed: number
}

const SELECT = `SELECT a.id, a.version, a.kind, a.branch_id AS "branchId", a.year, a.held_on AS "heldOn", a.place, a.members_present AS "membersPresent",
  a.quorum_percent AS "quorumPercent", a.quorum_strict AS "quorumStrict", a.decisions, a.minutes, a.attendance_listed AS "attendanceListed",
  b.name_mn AS "branchMn", b.name_en AS "branchEn",
  CASE WHEN EXISTS (SELECT 1 FROM election x WHERE x.assembly_id = a.id) THEN 1 ELSE 0 END AS "hasElection",
  CASE WHEN EXISTS (SELECT 1 FROM fee_decision f WHERE f.assembly_id = a.id) THEN 1 ELSE 0 END AS "feeDecided"
  FROM assembly a LEFT JOIN branch b ON b.id = a.branch_id`

export const SPN_NAME = { mn: 'НТС (нэгдсэн)', en: 'SPN (central)' }

async function toRow(ctx: ServiceContext, r: AssemblyRecord): Promise<AssemblyRow> {
  const eligible = await countActive(ctx.sql, r.heldOn, r.branchId)
  const rule = { percent: r.quorumPercent, strict: r.quorumStrict === 1 }
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    branchId: r.branchId,
    bodyName: r.branchId === null ? SPN_NAME : { mn: r.branchMn!, en: r.branchEn! },
    year: r.year,
    heldOn: r.heldOn,
    place: r.place,
    membersEligible: eligible,
    membersPresent: r.membersPresent,
    quorumPercent: r.quorumPercent,
    quorumStrict: r.quorumStrict === 1,
    quorumNeeded: quorumNeeded(eligible, rule),
    quorumMet: quorumMet(r.membersPresent, eligible, rule),
    hasElection: r.hasElection === 1,
    feeDecided: r.feeDecided === 1,
    attendanceListed: Number(r.attendanceListed) === 1,
  }
}

async function record(ctx: ServiceContext, id: number): Promise<AssemblyRecord> {
  const r = await ctx.sql.one<AssemblyRecord>(`${SELECT} WHERE a.id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No assembly with id ${id}`, 'assemblyId')
  return r
}

/** Rows computed within one call (a report asks for the same assembly's quorum many times). */
const rowCache = new WeakMap<ServiceContext, Map<number, AssemblyRow>>()

export async function assemblyRow(ctx: ServiceContext, id: number): Promise<AssemblyRow> {
  const cache = rowCache.get(ctx) ?? new Map<number, AssemblyRow>()
  rowCache.set(ctx, cache)
  const cached = cache.get(id)
  if (cached) return cached
  const row = await toRow(ctx, await record(ctx, id))
  cache.set(id, row)
  return row
}

export async function listAssemblies(ctx: ServiceContext, input: { year?: number; branchId?: number; kind?: 'local' | 'general' }): Promise<AssemblyRow[]> {
  const where: string[] = []
  if (input.year !== undefined) where.push('a.year = :year')
  if (input.branchId !== undefined) where.push('a.branch_id = :branchId')
  if (input.kind !== undefined) where.push('a.kind = :kind')
  const rows = await ctx.sql.all<AssemblyRecord>(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY a.held_on DESC, a.kind, b.name_en, a.id`, input)
  const out: AssemblyRow[] = []
  for (const r of rows) out.push(await toRow(ctx, r))
  return out
}

export async function getAssembly(ctx: ServiceContext, id: number): Promise<AssemblyDetail> {
  const r = await record(ctx, id)
  const assembly = await toRow(ctx, r)
  return {
    assembly,
    decisions: r.decisions,
    minutes: r.minutes,
    feeDecision: await feeDecisionOfAssembly(ctx, id),
    election: await electionOfAssembly(ctx, id),
    attendees: await attendeesOf(ctx, assembly),
    corrections: await correctionsOfAssembly(ctx, id),
    audit: await auditFor(ctx, ['assembly', id]),
  }
}

async function check(ctx: ServiceContext, input: AssemblyInput): Promise<void> {
  if (input.branchId !== null) await requireBranch(ctx, input.branchId)
  notFuture(ctx, input.heldOn, 'heldOn')
  const eligible = await countActive(ctx.sql, input.heldOn, input.branchId)
  if (input.membersPresent > eligible) {
    throw new DomainError('validation', `cannot be more than the ${eligible} members eligible on ${input.heldOn}`, 'membersPresent')
  }
  if (input.attendees) await checkAttendees(ctx, { branchId: input.branchId, heldOn: input.heldOn, attendees: input.attendees })
}

/** The columns of an assembly as named parameters. */
const columns = (i: AssemblyInput, now: string) => ({
  kind: i.kind,
  branchId: i.branchId,
  year: Number(i.heldOn.slice(0, 4)),
  heldOn: i.heldOn,
  place: i.place,
  membersPresent: i.membersPresent,
  quorumPercent: i.quorumPercent,
  quorumStrict: i.quorumStrict ? 1 : 0,
  decisions: i.decisions,
  minutes: i.minutes,
  now,
})

export async function createAssembly(ctx: ServiceContext, input: AssemblyInput): Promise<AssemblyRow> {
  await check(ctx, input)
  const id = await ctx.sql.insert(
    `INSERT INTO assembly (kind, branch_id, year, held_on, place, members_present, quorum_percent, quorum_strict, decisions, minutes, created_at, updated_at)
     VALUES (:kind, :branchId, :year, :heldOn, :place, :membersPresent, :quorumPercent, :quorumStrict, :decisions, :minutes, :now, :now) RETURNING id`,
    columns(input, ctx.now),
  )
  if (input.attendees) await saveAttendance(ctx, id, input.attendees)
  const out = await assemblyRow(ctx, id)
  await audit(ctx, 'assembly', id, null, { ...out, decisions: input.decisions, minutes: input.minutes })
  return out
}

/** The fields of an assembly a correction compares, as kept. */
const corrected = (a: { heldOn: string; place: string | null; membersPresent: number; quorumPercent: number; quorumStrict: boolean; decisions: string | null; minutes: string | null }) => ({
  heldOn: a.heldOn,
  place: a.place,
  membersPresent: a.membersPresent,
  quorumPercent: a.quorumPercent,
  quorumStrict: a.quorumStrict,
  decisions: a.decisions,
  minutes: a.minutes,
})

/**
 * Corrects an assembly record: each field changed is kept as a correction
 * (old, new, why, who, when), and so is who was added to or taken off the
 * attendance list. A correction that changes nothing is refused.
 */
export async function updateAssembly(ctx: ServiceContext, input: { id: number; version: number; assembly: AssemblyInput; reason: string }): Promise<AssemblyRow> {
  const before = await getAssembly(ctx, input.id)
  await claimVersion(ctx, 'assembly', input.id, input.version)
  const a = input.assembly
  if (a.kind !== before.assembly.kind || a.branchId !== before.assembly.branchId) {
    throw new DomainError('validation', 'cannot change: record a new assembly for another body', 'kind')
  }
  if (Number(a.heldOn.slice(0, 4)) !== before.assembly.year && (before.feeDecision || before.election)) {
    throw new DomainError('validation', 'cannot move to another year: the assembly already has a fee decision or an election', 'heldOn')
  }
  await check(ctx, a)
  const list: Change[] = changes(corrected({ ...before.assembly, decisions: before.decisions, minutes: before.minutes }), corrected(a), [
    'heldOn',
    'place',
    'membersPresent',
    'quorumPercent',
    'quorumStrict',
    'decisions',
    'minutes',
  ])
  const was = new Map((before.attendees ?? []).map((m) => [m.membershipId, m.name]))
  const now = new Set(a.attendees ?? [])
  const removed = [...was].filter(([id]) => !now.has(id)).map(([, name]) => name)
  const addedIds = [...now].filter((id) => !was.has(id))
  if (addedIds.length) {
    const names = new Map((await eligibleMembers(ctx, { branchId: a.branchId, heldOn: a.heldOn })).map((m) => [m.membershipId, m.name]))
    list.push({ field: 'attendees.added', oldValue: null, newValue: addedIds.map((id) => names.get(id) ?? String(id)).join(', ') })
  }
  if (removed.length) list.push({ field: 'attendees.removed', oldValue: removed.join(', '), newValue: null })
  await recordCorrections(ctx, { entityType: 'assembly', entityId: input.id, assemblyId: input.id }, list, input.reason)
  await saveAttendance(ctx, input.id, a.attendees)
  await ctx.sql.run(
    `UPDATE assembly SET kind = :kind, branch_id = :branchId, year = :year, held_on = :heldOn, place = :place, members_present = :membersPresent,
       quorum_percent = :quorumPercent, quorum_strict = :quorumStrict, decisions = :decisions, minutes = :minutes, updated_at = :now WHERE id = :id`,
    { ...columns(a, ctx.now), id: input.id },
  )
  rowCache.delete(ctx)
  const out = await assemblyRow(ctx, input.id)
  await audit(ctx, 'assembly', input.id, { ...before.assembly, decisions: before.decisions, minutes: before.minutes }, { ...out, decisions: a.decisions, minutes: a.minutes })
  return out
}
