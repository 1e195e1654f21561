import type { z } from 'zod'
import { DomainError } from '../../shared/domain/result'
import { centralDue } from '../../shared/domain/governance'
import { formatMnt } from '../../shared/domain/money'
import type { feeDecisionInput, paymentInput } from '../../shared/api/governance'
import type { BranchFees, FeeDecision, FeePayment, FeesOverview, MemberFeeRow } from '../../shared/api/governanceTypes'
import type { Page } from '../../shared/api/types'
import { audit, type ServiceContext } from './context'
import { requireBranch } from './branches'
import { assemblyRow } from './assemblies'
import { activeMemberships, liableMemberships } from './activeMembers'
import { MEMBER_NAME_SQL } from './names.sql'

const mnt = formatMnt

const DECISION_SQL = `SELECT f.id, f.assembly_id AS assemblyId, f.kind, f.branch_id AS branchId, f.year, f.amount_minor AS amountMinor,
  f.minimum_minor AS minimumMinor, f.reference_date AS referenceDate FROM fee_decision f`

function withQuorum(ctx: ServiceContext, f: Omit<FeeDecision, 'quorumMet'> | undefined): FeeDecision | null {
  return f ? { ...f, quorumMet: assemblyRow(ctx, f.assemblyId).quorumMet } : null
}

export function feeDecisionOfAssembly(ctx: ServiceContext, assemblyId: number): FeeDecision | null {
  return withQuorum(ctx, ctx.raw.prepare(`${DECISION_SQL} WHERE f.assembly_id = ?`).get(assemblyId) as FeeDecision | undefined)
}

export function localFee(ctx: ServiceContext, branchId: number, year: number): FeeDecision | null {
  return withQuorum(ctx, ctx.raw.prepare(`${DECISION_SQL} WHERE f.kind = 'local' AND f.branch_id = ? AND f.year = ?`).get(branchId, year) as FeeDecision | undefined)
}

export function centralFee(ctx: ServiceContext, year: number): FeeDecision | null {
  return withQuorum(ctx, ctx.raw.prepare(`${DECISION_SQL} WHERE f.kind = 'central' AND f.year = ?`).get(year) as FeeDecision | undefined)
}

/** Records an assembly's fee decision: a local assembly sets its branch's local fee, the general assembly the central fee. */
export async function decideFee(ctx: ServiceContext, input: z.output<typeof feeDecisionInput>): Promise<FeeDecision> {
  const a = assemblyRow(ctx, input.assemblyId)
  const kind = a.kind === 'local' ? 'local' : 'central'
  if (kind === 'local' && input.minimumMinor !== null) throw new DomainError('validation', 'applies only to the central fee', 'minimumMinor')
  if (kind === 'local' && input.referenceDate !== null) throw new DomainError('validation', 'applies only to the central fee', 'referenceDate')
  const referenceDate = kind === 'central' ? (input.referenceDate ?? a.heldOn) : null
  if (referenceDate && referenceDate.slice(0, 4) !== String(a.year)) {
    throw new DomainError('validation', `must be in ${a.year}, the year of the fee`, 'referenceDate')
  }
  const existing = kind === 'local' ? localFee(ctx, a.branchId!, a.year) : centralFee(ctx, a.year)
  if (existing) {
    throw new DomainError('conflict', `The ${kind} fee for ${a.year} is already decided (assembly ${existing.assemblyId})`, 'assemblyId')
  }
  const id = Number(
    ctx.raw
      .prepare(`INSERT INTO fee_decision (assembly_id, kind, branch_id, year, amount_minor, currency, minimum_minor, reference_date, created_at) VALUES (?, ?, ?, ?, ?, 'MNT', ?, ?, ?)`)
      .run(a.id, kind, a.branchId, a.year, input.amountMinor, input.minimumMinor, referenceDate, ctx.now).lastInsertRowid,
  )
  const out = feeDecisionOfAssembly(ctx, a.id)!
  await audit(ctx, 'fee_decision', id, null, out)
  return out
}

/** What each member paid of a year's local fee, per local organisation paid to (key: `membershipId:branchId`). */
function paidByMember(ctx: ServiceContext, year: number, branchId: number | null): Map<string, number> {
  const rows = ctx.raw
    .prepare(`SELECT membership_id AS id, branch_id AS branchId, sum(amount_minor) AS paid FROM fee_payment WHERE kind = 'member' AND year = ? ${branchId === null ? '' : 'AND branch_id = ?'} GROUP BY membership_id, branch_id`)
    .all(...(branchId === null ? [year] : [year, branchId])) as Array<{ id: number; branchId: number; paid: number }>
  return new Map(rows.map((r) => [paidKey(r.id, r.branchId), r.paid]))
}

const paidKey = (membershipId: number, branchId: number) => `${membershipId}:${branchId}`

function branchPaidToCentral(ctx: ServiceContext, year: number, branchId: number): number {
  return (ctx.raw.prepare(`SELECT coalesce(sum(amount_minor), 0) AS n FROM fee_payment WHERE kind = 'branch' AND year = ? AND branch_id = ?`).get(year, branchId) as { n: number }).n
}

export function centralCalculation(ctx: ServiceContext, fee: FeeDecision, branchId: number): BranchFees['central'] {
  const active = activeMemberships(ctx.raw, fee.referenceDate!, branchId).length
  const due = centralDue({ rateMinor: fee.amountMinor, minimumMinor: fee.minimumMinor }, active)
  const paid = branchPaidToCentral(ctx, fee.year, branchId)
  return {
    activeOnReference: active,
    referenceDate: fee.referenceDate!,
    rateMinor: fee.amountMinor,
    byRateMinor: due.byRateMinor,
    minimumMinor: fee.minimumMinor,
    minimumApplied: due.minimumApplied,
    dueMinor: due.dueMinor,
    paidMinor: paid,
    arrearsMinor: due.dueMinor - paid,
  }
}

/** A year's fees per branch, with the central due and its calculation. */
export function feesOverview(ctx: ServiceContext, year: number): FeesOverview {
  const branches = ctx.raw.prepare(`SELECT id, name_mn AS mn, name_en AS en FROM branch ORDER BY is_project_branch DESC, name_en`).all() as Array<{ id: number; mn: string; en: string }>
  const central = centralFee(ctx, year)
  const paid = paidByMember(ctx, year, null)
  const liable = liableMemberships(ctx.raw, year, null)
  const rows: BranchFees[] = branches.map((b) => {
    const fee = localFee(ctx, b.id, year)
    const members = liable.filter((m) => m.branchId === b.id)
    const amount = fee?.amountMinor ?? 0
    const paidMinor = members.reduce((s, m) => s + (paid.get(paidKey(m.id, b.id)) ?? 0), 0)
    return {
      branchId: b.id,
      branchName: { mn: b.mn, en: b.en },
      localFee: fee,
      liable: members.length,
      dueMinor: amount * members.length,
      paidMinor,
      arrearsMinor: amount * members.length - paidMinor,
      membersInArrears: fee ? members.filter((m) => (paid.get(paidKey(m.id, b.id)) ?? 0) < amount).length : 0,
      central: central ? centralCalculation(ctx, central, b.id) : null,
    }
  })
  const sum = (f: (r: BranchFees) => number) => rows.reduce((s, r) => s + f(r), 0)
  return {
    year,
    centralFee: central,
    branches: rows,
    totals: {
      liable: sum((r) => r.liable),
      dueMinor: sum((r) => r.dueMinor),
      paidMinor: sum((r) => r.paidMinor),
      arrearsMinor: sum((r) => r.arrearsMinor),
      centralDueMinor: sum((r) => r.central?.dueMinor ?? 0),
      centralPaidMinor: sum((r) => r.central?.paidMinor ?? 0),
      centralArrearsMinor: sum((r) => r.central?.arrearsMinor ?? 0),
    },
  }
}


/** Each liable member's local fee for a year; with onlyArrears, the "who has not paid" list. */
export function memberFees(ctx: ServiceContext, input: { year: number; branchId?: number; onlyArrears: boolean; page: number; pageSize: number }): Page<MemberFeeRow> {
  const liable = liableMemberships(ctx.raw, input.year, input.branchId ?? null)
  const paid = paidByMember(ctx, input.year, input.branchId ?? null)
  const fees = new Map<number, number>()
  const feeOf = (branchId: number) => {
    if (!fees.has(branchId)) fees.set(branchId, localFee(ctx, branchId, input.year)?.amountMinor ?? 0)
    return fees.get(branchId)!
  }
  const name = ctx.raw.prepare(`SELECT ${MEMBER_NAME_SQL} AS name, m.person_id AS personId, b.name_mn AS mn, b.name_en AS en, p.sort_key AS sortKey
    FROM membership m JOIN branch b ON b.id = ? LEFT JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id WHERE m.id = ?`)
  let rows: MemberFeeRow[] = liable
    .filter((m) => feeOf(m.branchId) > 0)
    .map((m) => {
      const due = feeOf(m.branchId)
      const p = paid.get(paidKey(m.id, m.branchId)) ?? 0
      const n = name.get(m.branchId, m.id) as { name: string; personId: number | null; mn: string; en: string }
      return { membershipId: m.id, memberName: n.name, personId: n.personId, branchId: m.branchId, branchName: { mn: n.mn, en: n.en }, dueMinor: due, paidMinor: p, arrearsMinor: due - p }
    })
  if (input.onlyArrears) rows = rows.filter((r) => r.arrearsMinor > 0)
  rows.sort((a, b) => a.branchName.en.localeCompare(b.branchName.en) || a.memberName.localeCompare(b.memberName, 'mn'))
  return { rows: rows.slice((input.page - 1) * input.pageSize, input.page * input.pageSize), total: rows.length, page: input.page, pageSize: input.pageSize }
}

const PAYMENT_SQL = `SELECT f.id, f.kind, f.year, f.branch_id AS branchId, b.name_mn AS mn, b.name_en AS en, f.membership_id AS membershipId,
  CASE WHEN f.membership_id IS NULL THEN NULL ELSE ${MEMBER_NAME_SQL} END AS memberName,
  f.paid_on AS paidOn, f.amount_minor AS amountMinor, f.receipt_number AS receiptNumber, f.payer, f.note
  FROM fee_payment f JOIN branch b ON b.id = f.branch_id LEFT JOIN membership m ON m.id = f.membership_id
  LEFT JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id`

function toPayment(r: Record<string, unknown>): FeePayment {
  const { mn, en, ...rest } = r as unknown as FeePayment & { mn: string; en: string }
  return { ...rest, branchName: { mn, en } }
}

export function listPayments(ctx: ServiceContext, input: { year?: number; branchId?: number; kind?: 'member' | 'branch'; page: number; pageSize: number }): Page<FeePayment> {
  const where: string[] = []
  const params: unknown[] = []
  if (input.year !== undefined) {
    where.push('f.year = ?')
    params.push(input.year)
  }
  if (input.branchId !== undefined) {
    where.push('f.branch_id = ?')
    params.push(input.branchId)
  }
  if (input.kind !== undefined) {
    where.push('f.kind = ?')
    params.push(input.kind)
  }
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = (ctx.raw.prepare(`SELECT count(*) AS n FROM fee_payment f${w}`).get(...params) as { n: number }).n
  const rows = ctx.raw.prepare(`${PAYMENT_SQL}${w} ORDER BY f.paid_on DESC, f.id DESC LIMIT ? OFFSET ?`).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as Array<Record<string, unknown>>
  return { rows: rows.map(toPayment), total, page: input.page, pageSize: input.pageSize }
}

/** Records a payment after the rules: a fee decided for the year, a liable payer, no overpayment, a receipt number not used before. */
export async function recordPayment(ctx: ServiceContext, input: z.output<typeof paymentInput>): Promise<FeePayment> {
  if (input.paidOn > ctx.now.slice(0, 10)) throw new DomainError('validation', 'must not be in the future', 'paidOn')
  let branchId: number
  let dueMinor: number
  let paidMinor: number
  if (input.kind === 'member') {
    const m = ctx.raw.prepare('SELECT id, branch_id AS branchId FROM membership WHERE id = ?').get(input.membershipId) as { id: number; branchId: number } | undefined
    if (!m) throw new DomainError('not_found', `No membership with id ${input.membershipId}`, 'membershipId')
    // The fee is owed to the local organisation the member belonged to in that year; for a member
    // who moved during the year, to the later one until its fee is paid, then to the earlier one.
    const owed = liableMemberships(ctx.raw, input.year, null).filter((x) => x.id === m.id).map((x) => x.branchId)
    if (owed.length === 0) {
      throw new DomainError('validation', `was not an active member in ${input.year}, so owes no fee for it`, 'membershipId')
    }
    const dues = owed
      .map((b) => ({ branchId: b, fee: localFee(ctx, b, input.year), paid: paidByMember(ctx, input.year, b).get(paidKey(m.id, b)) ?? 0 }))
      .sort((a, b) => (a.branchId === m.branchId ? -1 : b.branchId === m.branchId ? 1 : 0))
    const due = dues.find((d) => d.fee && d.paid < d.fee.amountMinor) ?? dues.find((d) => d.fee)
    if (!due?.fee) throw new DomainError('validation', `has no local fee decided by the local assembly; record the fee decision for ${input.year} first`, 'year')
    branchId = due.branchId
    dueMinor = due.fee.amountMinor
    paidMinor = due.paid
  } else {
    branchId = input.branchId
    await requireBranch(ctx, branchId)
    const fee = centralFee(ctx, input.year)
    if (!fee) throw new DomainError('validation', `has no central fee decided by the general assembly; record the fee decision for ${input.year} first`, 'year')
    const calc = centralCalculation(ctx, fee, branchId)!
    dueMinor = calc.dueMinor
    paidMinor = calc.paidMinor
  }
  const left = dueMinor - paidMinor
  if (input.amountMinor > left) {
    throw new DomainError(
      'validation',
      left === 0
        ? `Refused: the ${input.year} fee is already paid in full (${mnt(dueMinor)})`
        : `The amount ${mnt(input.amountMinor)} is more than the ${mnt(left)} still due for ${input.year} (due ${mnt(dueMinor)}, paid ${mnt(paidMinor)})`,
      'amountMinor',
    )
  }
  const used =
    input.kind === 'member'
      ? ctx.raw.prepare(`SELECT id FROM fee_payment WHERE kind = 'member' AND branch_id = ? AND receipt_number = ?`).get(branchId, input.receiptNumber)
      : ctx.raw.prepare(`SELECT id FROM fee_payment WHERE kind = 'branch' AND receipt_number = ?`).get(input.receiptNumber)
  if (used) {
    throw new DomainError('conflict', `${input.receiptNumber} is already used ${input.kind === 'member' ? 'in this branch' : 'by the central level'}`, 'receiptNumber')
  }
  const id = Number(
    ctx.raw
      .prepare(`INSERT INTO fee_payment (kind, year, branch_id, membership_id, paid_on, amount_minor, currency, receipt_number, payer, note, created_at) VALUES (?, ?, ?, ?, ?, ?, 'MNT', ?, ?, ?, ?)`)
      .run(input.kind, input.year, branchId, input.kind === 'member' ? input.membershipId : null, input.paidOn, input.amountMinor, input.receiptNumber, input.payer, input.note, ctx.now).lastInsertRowid,
  )
  const out = toPayment(ctx.raw.prepare(`${PAYMENT_SQL} WHERE f.id = ?`).get(id) as Record<string, unknown>)
  await audit(ctx, 'fee_payment', id, null, out)
  return out
}
