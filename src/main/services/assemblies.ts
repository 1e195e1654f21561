import type { z } from 'zod'
import { DomainError } from '../../shared/domain/result'
import { quorumMet, quorumNeeded } from '../../shared/domain/governance'
import type { assemblyInput } from '../../shared/api/governance'
import type { AssemblyDetail, AssemblyRow } from '../../shared/api/governanceTypes'
import { audit, type ServiceContext } from './context'
import { requireBranch } from './branches'
import { countActive } from './activeMembers'
import { auditFor } from './auditLog'
import { feeDecisionOfAssembly } from './fees'
import { electionOfAssembly } from './elections'

type AssemblyInput = z.output<typeof assemblyInput>

interface AssemblyRecord {
  id: number
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
}

const SELECT = `SELECT a.id, a.kind, a.branch_id AS branchId, a.year, a.held_on AS heldOn, a.place, a.members_present AS membersPresent,
  a.quorum_percent AS quorumPercent, a.quorum_strict AS quorumStrict, a.decisions, a.minutes,
  b.name_mn AS branchMn, b.name_en AS branchEn,
  EXISTS (SELECT 1 FROM election x WHERE x.assembly_id = a.id) AS hasElection,
  EXISTS (SELECT 1 FROM fee_decision f WHERE f.assembly_id = a.id) AS feeDecided
  FROM assembly a LEFT JOIN branch b ON b.id = a.branch_id`

export const SPN_NAME = { mn: 'НТС (нэгдсэн)', en: 'SPN (central)' }

function toRow(ctx: ServiceContext, r: AssemblyRecord): AssemblyRow {
  const eligible = countActive(ctx.raw, r.heldOn, r.branchId)
  const rule = { percent: r.quorumPercent, strict: r.quorumStrict === 1 }
  return {
    id: r.id,
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
  }
}

function record(ctx: ServiceContext, id: number): AssemblyRecord {
  const r = ctx.raw.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AssemblyRecord | undefined
  if (!r) throw new DomainError('not_found', `No assembly with id ${id}`, 'assemblyId')
  return r
}

/** Rows computed within one call (a report asks for the same assembly's quorum many times). */
const rowCache = new WeakMap<ServiceContext, Map<number, AssemblyRow>>()

export function assemblyRow(ctx: ServiceContext, id: number): AssemblyRow {
  const cache = rowCache.get(ctx) ?? new Map<number, AssemblyRow>()
  rowCache.set(ctx, cache)
  const cached = cache.get(id)
  if (cached) return cached
  const row = toRow(ctx, record(ctx, id))
  cache.set(id, row)
  return row
}

export function listAssemblies(ctx: ServiceContext, input: { year?: number; branchId?: number; kind?: 'local' | 'general' }): AssemblyRow[] {
  const where: string[] = []
  const params: unknown[] = []
  if (input.year !== undefined) {
    where.push('a.year = ?')
    params.push(input.year)
  }
  if (input.branchId !== undefined) {
    where.push('a.branch_id = ?')
    params.push(input.branchId)
  }
  if (input.kind !== undefined) {
    where.push('a.kind = ?')
    params.push(input.kind)
  }
  const rows = ctx.raw.prepare(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY a.held_on DESC, a.kind, b.name_en`).all(...params) as AssemblyRecord[]
  return rows.map((r) => toRow(ctx, r))
}

export function getAssembly(ctx: ServiceContext, id: number): AssemblyDetail {
  const r = record(ctx, id)
  return {
    assembly: toRow(ctx, r),
    decisions: r.decisions,
    minutes: r.minutes,
    feeDecision: feeDecisionOfAssembly(ctx, id),
    election: electionOfAssembly(ctx, id),
    audit: auditFor(ctx, ['assembly', id]),
  }
}

async function check(ctx: ServiceContext, input: AssemblyInput): Promise<void> {
  if (input.branchId !== null) await requireBranch(ctx, input.branchId)
  if (input.heldOn > ctx.now.slice(0, 10)) throw new DomainError('validation', 'must not be in the future', 'heldOn')
  const eligible = countActive(ctx.raw, input.heldOn, input.branchId)
  if (input.membersPresent > eligible) {
    throw new DomainError('validation', `cannot be more than the ${eligible} members eligible on ${input.heldOn}`, 'membersPresent')
  }
}

const COLUMNS = [input => input.kind, (i) => i.branchId, (i) => Number(i.heldOn.slice(0, 4)), (i) => i.heldOn, (i) => i.place, (i) => i.membersPresent,
  (i) => i.quorumPercent, (i) => (i.quorumStrict ? 1 : 0), (i) => i.decisions, (i) => i.minutes] as Array<(i: AssemblyInput) => unknown>

export async function createAssembly(ctx: ServiceContext, input: AssemblyInput): Promise<AssemblyRow> {
  await check(ctx, input)
  const id = Number(
    ctx.raw
      .prepare(`INSERT INTO assembly (kind, branch_id, year, held_on, place, members_present, quorum_percent, quorum_strict, decisions, minutes, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...COLUMNS.map((c) => c(input)), ctx.now, ctx.now).lastInsertRowid,
  )
  const out = assemblyRow(ctx, id)
  await audit(ctx, 'assembly', id, null, { ...out, decisions: input.decisions, minutes: input.minutes })
  return out
}

export async function updateAssembly(ctx: ServiceContext, input: { id: number; assembly: AssemblyInput }): Promise<AssemblyRow> {
  const before = getAssembly(ctx, input.id)
  const a = input.assembly
  if (a.kind !== before.assembly.kind || a.branchId !== before.assembly.branchId) {
    throw new DomainError('validation', 'cannot change: record a new assembly for another body', 'kind')
  }
  if (Number(a.heldOn.slice(0, 4)) !== before.assembly.year && (before.feeDecision || before.election)) {
    throw new DomainError('validation', 'cannot move to another year: the assembly already has a fee decision or an election', 'heldOn')
  }
  await check(ctx, a)
  ctx.raw
    .prepare(`UPDATE assembly SET kind = ?, branch_id = ?, year = ?, held_on = ?, place = ?, members_present = ?, quorum_percent = ?, quorum_strict = ?, decisions = ?, minutes = ?, updated_at = ? WHERE id = ?`)
    .run(...COLUMNS.map((c) => c(a)), ctx.now, input.id)
  rowCache.delete(ctx)
  const out = assemblyRow(ctx, input.id)
  await audit(ctx, 'assembly', input.id, { ...before.assembly, decisions: before.decisions, minutes: before.minutes }, { ...out, decisions: a.decisions, minutes: a.minutes })
  return out
}
