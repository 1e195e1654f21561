import type { z } from 'zod'
import { DomainError } from '../../shared/domain/result'
import { electionOutcome, maxVotes, type BoardRole } from '../../shared/domain/governance'
import { membershipOn, type BranchEventLike } from '../../shared/domain/membership'
import { formatDateMn, todayIso } from '../../shared/domain/dates'
import type { electionInput, rolesInput, tieResolutionInput } from '../../shared/api/governance'
import type { Board, BoardService, Election, ElectionCandidate } from '../../shared/api/governanceTypes'
import { audit, type ServiceContext } from './context'
import { assemblyRow, SPN_NAME } from './assemblies'
import { PERSON_SHORT_NAME_SQL } from './names.sql'

interface CandidateRecord {
  id: number
  membershipId: number
  personId: number | null
  name: string
  registerNumber: string | null
  votes: number
  elected: number
  role: BoardRole | null
}

const CANDIDATES_SQL = `SELECT c.id, c.membership_id AS "membershipId", m.person_id AS "personId",
  ${PERSON_SHORT_NAME_SQL} AS name, p.register_number AS "registerNumber", c.votes, c.elected, c.role
  FROM candidate c JOIN membership m ON m.id = c.membership_id JOIN person p ON p.id = m.person_id
  WHERE c.election_id = :electionId ORDER BY c.votes DESC, c.id`

async function load(ctx: ServiceContext, where: string, id: number): Promise<Election | null> {
  const e = await ctx.sql.one<{ id: number; assemblyId: number; seats: number; tieResolution: string | null }>(
    `SELECT e.id, e.assembly_id AS "assemblyId", e.seats, e.tie_resolution AS "tieResolution" FROM election e WHERE ${where}`,
    { id },
  )
  if (!e) return null
  const a = await assemblyRow(ctx, e.assemblyId)
  const rows = await ctx.sql.all<CandidateRecord>(CANDIDATES_SQL, { electionId: e.id })
  const outcome = electionOutcome(rows.map((c) => ({ id: c.id, votes: c.votes })), e.seats)
  const tieOpen = outcome.tied.length > 0 && e.tieResolution === null
  const candidates: ElectionCandidate[] = rows.map((c) => ({
    id: c.id,
    membershipId: c.membershipId,
    personId: c.personId,
    name: c.name,
    registerNumber: c.registerNumber,
    votes: c.votes,
    elected: c.elected === 1,
    tied: outcome.tied.includes(c.id),
    role: c.role,
  }))
  return {
    id: e.id,
    assemblyId: e.assemblyId,
    seats: e.seats,
    maxVotes: maxVotes(a.membersPresent, e.seats),
    totalVotes: rows.reduce((s, c) => s + c.votes, 0),
    tieResolution: e.tieResolution,
    tieOpen,
    candidates,
  }
}

export function electionOfAssembly(ctx: ServiceContext, assemblyId: number): Promise<Election | null> {
  return load(ctx, 'e.assembly_id = :id', assemblyId)
}

async function requireElection(ctx: ServiceContext, id: number): Promise<Election> {
  const e = await load(ctx, 'e.id = :id', id)
  if (!e) throw new DomainError('not_found', `No election with id ${id}`, 'electionId')
  return e
}

/** Records an election: only members of the body active on the assembly date may stand; votes are capped by present voters × seats. */
export async function recordElection(ctx: ServiceContext, input: z.output<typeof electionInput>): Promise<Election> {
  const a = await assemblyRow(ctx, input.assemblyId)
  if (await electionOfAssembly(ctx, a.id)) throw new DomainError('conflict', 'This assembly already has an election recorded', 'assemblyId', { key: 'r.electionExists' })
  const body = a.kind === 'local' ? `${a.bodyName.en}` : 'the SPN'
  const seen = new Set<number>()
  for (const [i, c] of input.candidates.entries()) {
    const field = `candidates.${i}.membershipId`
    if (seen.has(c.membershipId)) throw new DomainError('validation', 'lists the same member twice', field)
    seen.add(c.membershipId)
    const m = await ctx.sql.one<{ id: number; type: string; name: string | null }>(
      `SELECT m.id, m.member_type AS type, ${PERSON_SHORT_NAME_SQL} AS name FROM membership m LEFT JOIN person p ON p.id = m.person_id WHERE m.id = :id`,
      { id: c.membershipId },
    )
    if (!m) throw new DomainError('not_found', `No membership with id ${c.membershipId}`, field)
    if (m.type !== 'person') throw new DomainError('validation', 'is an organisation; board members are persons', field)
    // Status and local organisation as on the assembly's date, whatever happened since.
    const events = await ctx.sql.all<BranchEventLike>(
      `SELECT type, effective_date AS "effectiveDate", seq, branch_id AS "branchId" FROM membership_event WHERE membership_id = :id`,
      { id: m.id },
    )
    const on = membershipOn(events, a.heldOn)
    const status = on?.status ?? null
    const elsewhere = a.kind === 'local' && on !== null && on.branchId !== a.branchId
    if (status !== 'active' || elsewhere) {
      const why = elsewhere ? 'belongs to another local organisation' : `is ${status ?? 'not yet a member'} on that date`
      const vars = { name: m.name ?? '', date: formatDateMn(a.heldOn) }
      throw new DomainError('validation', `${m.name} cannot stand: only active members of ${body} on ${formatDateMn(a.heldOn)} are eligible, and ${m.name} ${why}`, field, {
        key: elsewhere ? 'r.notEligible.elsewhere' : 'r.notEligible.status',
        vars,
      })
    }
  }
  const total = input.candidates.reduce((s, c) => s + c.votes, 0)
  const cap = maxVotes(a.membersPresent, input.seats)
  if (total > cap) {
    throw new DomainError('validation', `${total} votes in all are more than the ${a.membersPresent} members present × ${input.seats} seats = ${cap}`, 'candidates')
  }
  const id = await ctx.sql.insert(`INSERT INTO election (assembly_id, seats, created_at) VALUES (:assemblyId, :seats, :now) RETURNING id`, {
    assemblyId: a.id,
    seats: input.seats,
    now: ctx.now,
  })
  const ids: number[] = []
  for (const c of input.candidates) {
    ids.push(
      await ctx.sql.insert(`INSERT INTO candidate (election_id, membership_id, votes, elected) VALUES (:id, :membershipId, :votes, 0) RETURNING id`, {
        id,
        membershipId: c.membershipId,
        votes: c.votes,
      }),
    )
  }
  const outcome = electionOutcome(ids.map((cid, i) => ({ id: cid, votes: input.candidates[i].votes })), input.seats)
  if (outcome.elected.length) await ctx.sql.run('UPDATE candidate SET elected = 1 WHERE id IN (:ids)', { ids: outcome.elected })
  const out = await requireElection(ctx, id)
  await audit(ctx, 'election', id, null, out)
  return out
}

/** Records the assembly's decision on a tie for the last seats. */
export async function resolveTie(ctx: ServiceContext, input: z.output<typeof tieResolutionInput>): Promise<Election> {
  const before = await requireElection(ctx, input.electionId)
  if (!before.tieOpen) throw new DomainError('conflict', 'This election has no open tie', 'electionId')
  const tied = before.candidates.filter((c) => c.tied)
  const seatsLeft = before.seats - before.candidates.filter((c) => c.elected).length
  for (const [i, w] of input.winners.entries()) {
    if (!tied.some((c) => c.membershipId === w)) throw new DomainError('validation', 'is not one of the tied candidates', `winners.${i}`)
  }
  if (new Set(input.winners).size !== seatsLeft) {
    throw new DomainError('validation', `must name ${seatsLeft} of the tied candidates, one for each seat left`, 'winners')
  }
  await ctx.sql.run('UPDATE candidate SET elected = 1 WHERE election_id = :electionId AND membership_id IN (:winners)', input)
  await ctx.sql.run('UPDATE election SET tie_resolution = :decision WHERE id = :electionId', input)
  const out = await requireElection(ctx, input.electionId)
  await audit(ctx, 'election', input.electionId, before, out)
  return out
}

/** Gives the elected their roles: one chair, vice-chair, treasurer and secretary each; the others are members. */
export async function assignRoles(ctx: ServiceContext, input: z.output<typeof rolesInput>): Promise<Election> {
  const before = await requireElection(ctx, input.electionId)
  if (before.tieOpen) throw new DomainError('conflict', 'Resolve the tie first: the board is not complete', 'electionId', { key: 'r.tieFirst' })
  const taken = new Set<BoardRole>()
  for (const [i, r] of input.roles.entries()) {
    if (!before.candidates.some((c) => c.elected && c.membershipId === r.membershipId)) throw new DomainError('validation', 'was not elected', `roles.${i}.membershipId`)
    if (r.role !== 'member' && taken.has(r.role)) throw new DomainError('validation', `${r.role} is given twice`, `roles.${i}.role`)
    taken.add(r.role)
  }
  await ctx.sql.run('UPDATE candidate SET role = NULL WHERE election_id = :electionId', input)
  for (const r of input.roles) {
    await ctx.sql.run('UPDATE candidate SET role = :role WHERE election_id = :electionId AND membership_id = :membershipId', { ...r, electionId: input.electionId })
  }
  const out = await requireElection(ctx, input.electionId)
  await audit(ctx, 'election', input.electionId, before, out)
  return out
}

interface ElectionOfBody {
  electionId: number
  assemblyId: number
  kind: 'local' | 'general'
  branchId: number | null
  mn: string | null
  en: string | null
  heldOn: string
}

async function electionsByBody(ctx: ServiceContext): Promise<Map<string, ElectionOfBody[]>> {
  const rows = await ctx.sql.all<ElectionOfBody>(
    `SELECT e.id AS "electionId", a.id AS "assemblyId", a.kind, a.branch_id AS "branchId", b.name_mn AS mn, b.name_en AS en, a.held_on AS "heldOn"
     FROM election e JOIN assembly a ON a.id = e.assembly_id LEFT JOIN branch b ON b.id = a.branch_id ORDER BY a.held_on, e.id`,
  )
  const out = new Map<string, ElectionOfBody[]>()
  for (const r of rows) {
    const key = r.branchId === null ? 'central' : `b${r.branchId}`
    out.set(key, [...(out.get(key) ?? []), r])
  }
  return out
}

const bodyName = (e: ElectionOfBody) => (e.branchId === null ? SPN_NAME : { mn: e.mn!, en: e.en! })

/**
 * When each of these memberships ended after a date (exclusion, resignation,
 * death): a board term ends there, before the next election.
 */
async function leavings(ctx: ServiceContext, membershipIds: number[], after: string): Promise<Map<number, { on: string; type: string }>> {
  if (!membershipIds.length) return new Map()
  const rows = await ctx.sql.all<{ id: number; on: string; type: string }>(
    `SELECT membership_id AS id, effective_date AS "on", type FROM membership_event
     WHERE membership_id IN (:ids) AND type IN ('excluded', 'resigned', 'died') AND effective_date >= :after ORDER BY effective_date, seq`,
    { ids: membershipIds, after },
  )
  const out = new Map<number, { on: string; type: string }>()
  for (const r of rows) if (!out.has(Number(r.id))) out.set(Number(r.id), { on: r.on, type: r.type })
  return out
}

/**
 * The board elected at each body's latest election: its term runs until the
 * next election, or ends for a member on her exclusion, resignation or death
 * (her seat is then listed as vacated, with the date and why).
 */
export async function currentBoards(ctx: ServiceContext): Promise<Board[]> {
  const boards: Board[] = []
  const today = todayIso(ctx.now)
  for (const list of (await electionsByBody(ctx)).values()) {
    const last = list[list.length - 1]
    const e = await requireElection(ctx, last.electionId)
    const elected = e.candidates.filter((c) => c.elected).map((c) => ({ membershipId: c.membershipId, personId: c.personId, name: c.name, role: c.role ?? ('member' as const) }))
    const left = await leavings(ctx, elected.map((c) => c.membershipId), last.heldOn)
    const gone = (c: { membershipId: number }) => {
      const l = left.get(c.membershipId)
      return l && l.on <= today ? l : null
    }
    boards.push({
      kind: last.branchId === null ? 'central' : 'local',
      branchId: last.branchId,
      bodyName: bodyName(last),
      electionId: e.id,
      electedOn: last.heldOn,
      until: null,
      tieOpen: e.tieOpen,
      seats: elected.filter((c) => !gone(c)),
      vacated: elected.filter((c) => gone(c)).map((c) => ({ ...c, leftOn: gone(c)!.on, why: gone(c)!.type as 'excluded' | 'resigned' | 'died' })),
    })
  }
  return boards.sort((a, b) => (a.kind === b.kind ? a.bodyName.en.localeCompare(b.bodyName.en) : a.kind === 'central' ? -1 : 1))
}

/** A person's board service: each term from the election to the next election of that body. */
export async function boardHistory(ctx: ServiceContext, personId: number): Promise<BoardService[]> {
  const out: BoardService[] = []
  for (const list of (await electionsByBody(ctx)).values()) {
    for (const [i, e] of list.entries()) {
      const s = await ctx.sql.one<{ role: BoardRole | null; membershipId: number }>(
        `SELECT c.role, c.membership_id AS "membershipId" FROM candidate c JOIN membership m ON m.id = c.membership_id WHERE c.election_id = :electionId AND m.person_id = :personId AND c.elected = 1`,
        { electionId: e.electionId, personId },
      )
      if (!s) continue
      // The term runs to the next election, or ends earlier when she left the SPN.
      const next = list[i + 1]?.heldOn ?? null
      const left = (await leavings(ctx, [s.membershipId], e.heldOn)).get(s.membershipId)?.on ?? null
      const until = left !== null && (next === null || left < next) ? left : next
      out.push({ bodyName: bodyName(e), kind: e.branchId === null ? 'central' : 'local', role: s.role ?? 'member', from: e.heldOn, until, electionId: e.electionId })
    }
  }
  return out.sort((a, b) => b.from.localeCompare(a.from))
}

/** The central board in office on a date: elected at the latest central assembly by then, without those who left the SPN before it; null before the first election. */
export async function centralBoardOn(ctx: ServiceContext, on: string): Promise<{ electedOn: string; seats: Array<{ personId: number | null; membershipId: number; name: string; role: BoardRole }> } | null> {
  const list = (await electionsByBody(ctx)).get('central') ?? []
  const last = [...list].reverse().find((e) => e.heldOn <= on)
  if (!last) return null
  const e = await requireElection(ctx, last.electionId)
  const elected = e.candidates.filter((c) => c.elected)
  const left = await leavings(ctx, elected.map((c) => c.membershipId), last.heldOn)
  return {
    electedOn: last.heldOn,
    seats: elected.filter((c) => !(left.get(c.membershipId) && left.get(c.membershipId)!.on <= on)).map((c) => ({ personId: c.personId, membershipId: c.membershipId, name: c.name, role: c.role ?? 'member' })),
  }
}
