import type { z } from 'zod'
import { notFuture } from './dates'
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
import { stands, voidColumns, voidEntry, withVoided, type VoidColumns } from './voids'
import { changes, recordCorrections } from './corrections'

const mnt = formatMnt

const DECISION_SQL = `SELECT f.id, f.assembly_id AS "assemblyId", f.kind, f.branch_id AS "branchId", f.year, f.amount_minor AS "amountMinor",
  f.minimum_minor AS "minimumMinor", f.reference_date AS "referenceDate" FROM fee_decision f`

async function withQuorum(ctx: ServiceContext, f: Omit<FeeDecision, 'quorumMet'> | undefined): Promise<FeeDecision | null> {
  return f ? { ...f, quorumMet: (await assemblyRow(ctx, f.assemblyId)).quorumMet } : null
}

export async function feeDecisionOfAssembly(ctx: ServiceContext, assemblyId: number): Promise<FeeDecision | null> {
  return withQuorum(ctx, await ctx.sql.one(`${DECISION_SQL} WHERE f.assembly_id = :assemblyId`, { assemblyId }))
}

export async function localFee(ctx: ServiceContext, branchId: number, year: number): Promise<FeeDecision | null> {
  return withQuorum(ctx, await ctx.sql.one(`${DECISION_SQL} WHERE f.kind = 'local' AND f.branch_id = :branchId AND f.year = :year`, { branchId, year }))
}

export async function centralFee(ctx: ServiceContext, year: number): Promise<FeeDecision | null> {
  return withQuorum(ctx, await ctx.sql.one(`${DECISION_SQL} WHERE f.kind = 'central' AND f.year = :year`, { year }))
}

/** Records an assembly's fee decision: a local assembly sets its branch's local fee, the general assembly the central fee. */
export async function decideFee(ctx: ServiceContext, input: z.output<typeof feeDecisionInput>): Promise<FeeDecision> {
  const a = await assemblyRow(ctx, input.assemblyId)
  const kind = a.kind === 'local' ? 'local' : 'central'
  if (kind === 'local' && input.minimumMinor !== null) throw new DomainError('validation', 'applies only to the central fee', 'minimumMinor')
  if (kind === 'local' && input.referenceDate !== null) throw new DomainError('validation', 'applies only to the central fee', 'referenceDate')
  const referenceDate = kind === 'central' ? (input.referenceDate ?? a.heldOn) : null
  if (referenceDate && referenceDate.slice(0, 4) !== String(a.year)) {
    throw new DomainError('validation', `must be in ${a.year}, the year of the fee`, 'referenceDate', { key: 'r.feeYear', vars: { year: a.year } })
  }
  const existing = kind === 'local' ? await localFee(ctx, a.branchId!, a.year) : await centralFee(ctx, a.year)
  if (existing) {
    throw new DomainError('conflict', `The ${kind} fee for ${a.year} is already decided (assembly ${existing.assemblyId})`, 'assemblyId', {
      key: 'r.feeDecided',
      vars: { year: a.year, assembly: existing.assemblyId },
    })
  }
  const id = await ctx.sql.insert(
    `INSERT INTO fee_decision (assembly_id, kind, branch_id, year, amount_minor, currency, minimum_minor, reference_date, created_at)
     VALUES (:assemblyId, :kind, :branchId, :year, :amountMinor, 'MNT', :minimumMinor, :referenceDate, :now) RETURNING id`,
    { assemblyId: a.id, kind, branchId: a.branchId, year: a.year, amountMinor: input.amountMinor, minimumMinor: input.minimumMinor, referenceDate, now: ctx.now },
  )
  const out = (await feeDecisionOfAssembly(ctx, a.id))!
  await audit(ctx, 'fee_decision', id, null, out)
  return out
}

/**
 * Corrects a fee decision recorded wrongly (the amount the assembly decided,
 * or the central fee's minimum and reference date): the old and new values
 * and the reason are kept as corrections of the assembly; dues and arrears
 * follow at once.
 */
export async function correctFeeDecision(
  ctx: ServiceContext,
  input: { id: number; amountMinor: number; minimumMinor: number | null; referenceDate: string | null; reason: string },
): Promise<FeeDecision> {
  const before = await withQuorum(ctx, await ctx.sql.one(`${DECISION_SQL} WHERE f.id = :id`, { id: input.id }))
  if (!before) throw new DomainError('not_found', `No fee decision with id ${input.id}`, 'id')
  const a = await assemblyRow(ctx, before.assemblyId)
  if (before.kind === 'local' && input.minimumMinor !== null) throw new DomainError('validation', 'applies only to the central fee', 'minimumMinor')
  if (before.kind === 'local' && input.referenceDate !== null) throw new DomainError('validation', 'applies only to the central fee', 'referenceDate')
  const referenceDate = before.kind === 'central' ? (input.referenceDate ?? before.referenceDate) : null
  if (referenceDate && referenceDate.slice(0, 4) !== String(a.year)) {
    throw new DomainError('validation', `must be in ${a.year}, the year of the fee`, 'referenceDate', { key: 'r.feeYear', vars: { year: a.year } })
  }
  const after = { amountMinor: input.amountMinor, minimumMinor: input.minimumMinor, referenceDate }
  await recordCorrections(ctx, { entityType: 'fee_decision', entityId: before.id, assemblyId: before.assemblyId }, changes(before, after, ['amountMinor', 'minimumMinor', 'referenceDate']), input.reason)
  await ctx.sql.run('UPDATE fee_decision SET amount_minor = :amountMinor, minimum_minor = :minimumMinor, reference_date = :referenceDate WHERE id = :id', { ...after, id: before.id })
  const out = (await feeDecisionOfAssembly(ctx, before.assemblyId))!
  await audit(ctx, 'fee_decision', before.id, before, { ...out, reason: input.reason })
  return out
}

/** What each member paid of a year's local fee, per local organisation paid to (key: `membershipId:branchId`). */
async function paidByMember(ctx: ServiceContext, year: number, branchId: number | null): Promise<Map<string, number>> {
  const rows = await ctx.sql.all<{ id: number; branchId: number; paid: number }>(
    `SELECT membership_id AS id, branch_id AS "branchId", sum(amount_minor) AS paid FROM fee_payment
     WHERE kind = 'member' AND year = :year AND voided_at IS NULL ${branchId === null ? '' : 'AND branch_id = :branchId'} GROUP BY membership_id, branch_id`,
    { year, branchId },
  )
  return new Map(rows.map((r) => [paidKey(r.id, r.branchId), r.paid]))
}

const paidKey = (membershipId: number, branchId: number) => `${membershipId}:${branchId}`

function branchPaidToCentral(ctx: ServiceContext, year: number, branchId: number): Promise<number> {
  return ctx.sql.value(`SELECT coalesce(sum(amount_minor), 0) AS n FROM fee_payment WHERE kind = 'branch' AND year = :year AND branch_id = :branchId AND voided_at IS NULL`, { year, branchId })
}

export async function centralCalculation(ctx: ServiceContext, fee: FeeDecision, branchId: number): Promise<NonNullable<BranchFees['central']>> {
  const active = (await activeMemberships(ctx.sql, fee.referenceDate!, branchId)).length
  const due = centralDue({ rateMinor: fee.amountMinor, minimumMinor: fee.minimumMinor }, active)
  const paid = await branchPaidToCentral(ctx, fee.year, branchId)
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
export async function feesOverview(ctx: ServiceContext, year: number): Promise<FeesOverview> {
  const branches = await ctx.sql.all<{ id: number; mn: string; en: string }>(`SELECT id, name_mn AS mn, name_en AS en FROM branch ORDER BY is_project_branch DESC, name_en, id`)
  const central = await centralFee(ctx, year)
  const paid = await paidByMember(ctx, year, null)
  const liable = await liableMemberships(ctx.sql, year, null)
  const rows: BranchFees[] = []
  for (const b of branches) {
    const fee = await localFee(ctx, b.id, year)
    const members = liable.filter((m) => m.branchId === b.id)
    const amount = fee?.amountMinor ?? 0
    const paidMinor = members.reduce((s, m) => s + (paid.get(paidKey(m.id, b.id)) ?? 0), 0)
    rows.push({
      branchId: b.id,
      branchName: { mn: b.mn, en: b.en },
      localFee: fee,
      liable: members.length,
      dueMinor: amount * members.length,
      paidMinor,
      arrearsMinor: amount * members.length - paidMinor,
      membersInArrears: fee ? members.filter((m) => (paid.get(paidKey(m.id, b.id)) ?? 0) < amount).length : 0,
      central: central ? await centralCalculation(ctx, central, b.id) : null,
    })
  }
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
export async function memberFees(ctx: ServiceContext, input: { year: number; branchId?: number; onlyArrears: boolean; page: number; pageSize: number }): Promise<Page<MemberFeeRow>> {
  const liable = await liableMemberships(ctx.sql, input.year, input.branchId ?? null)
  const paid = await paidByMember(ctx, input.year, input.branchId ?? null)
  const fees = new Map<number, number>()
  for (const m of liable) if (!fees.has(m.branchId)) fees.set(m.branchId, (await localFee(ctx, m.branchId, input.year))?.amountMinor ?? 0)
  const feeOf = (branchId: number) => fees.get(branchId) ?? 0
  const owing = liable.filter((m) => feeOf(m.branchId) > 0)
  const names = new Map(
    (
      await ctx.sql.all<{ id: number; name: string; personId: number | null; registerNumber: string | null }>(
        `SELECT m.id, ${MEMBER_NAME_SQL} AS name, m.person_id AS "personId", p.register_number AS "registerNumber"
         FROM membership m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id WHERE m.id IN (:ids)`,
        { ids: [...new Set(owing.map((m) => m.id))] },
      )
    ).map((n) => [n.id, n]),
  )
  const branchNames = new Map((await ctx.sql.all<{ id: number; mn: string; en: string }>('SELECT id, name_mn AS mn, name_en AS en FROM branch')).map((b) => [b.id, b]))
  let rows: MemberFeeRow[] = owing.map((m) => {
    const due = feeOf(m.branchId)
    const p = paid.get(paidKey(m.id, m.branchId)) ?? 0
    const n = names.get(m.id)!
    const b = branchNames.get(m.branchId)!
    return { membershipId: m.id, memberName: n.name, personId: n.personId, registerNumber: n.registerNumber, branchId: m.branchId, branchName: { mn: b.mn, en: b.en }, dueMinor: due, paidMinor: p, arrearsMinor: due - p }
  })
  if (input.onlyArrears) rows = rows.filter((r) => r.arrearsMinor > 0)
  rows.sort((a, b) => a.branchName.en.localeCompare(b.branchName.en) || a.memberName.localeCompare(b.memberName, 'mn'))
  return { rows: rows.slice((input.page - 1) * input.pageSize, input.page * input.pageSize), total: rows.length, page: input.page, pageSize: input.pageSize }
}

const PAYMENT_SQL = `SELECT f.id, f.kind, f.year, f.branch_id AS "branchId", b.name_mn AS mn, b.name_en AS en, f.membership_id AS "membershipId",
  CASE WHEN f.membership_id IS NULL THEN NULL ELSE ${MEMBER_NAME_SQL} END AS "memberName",
  f.paid_on AS "paidOn", f.amount_minor AS "amountMinor", f.receipt_number AS "receiptNumber", f.payer, f.note, ${voidColumns('f.')}
  FROM fee_payment f JOIN branch b ON b.id = f.branch_id LEFT JOIN membership m ON m.id = f.membership_id
  LEFT JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id`

function toPayment(r: Record<string, unknown>): FeePayment {
  const { mn, en, ...rest } = r as unknown as Omit<FeePayment, 'voided'> & VoidColumns & { mn: string; en: string }
  return { ...withVoided(rest), branchName: { mn, en } }
}

/** Payments, newest first; the voided ones too when asked (struck through on the list, counted nowhere). */
export async function listPayments(
  ctx: ServiceContext,
  input: { year?: number; branchId?: number; kind?: 'member' | 'branch'; withVoided?: boolean; page: number; pageSize: number },
): Promise<Page<FeePayment>> {
  const where: string[] = []
  if (!input.withVoided) where.push(stands('f.'))
  if (input.year !== undefined) where.push('f.year = :year')
  if (input.branchId !== undefined) where.push('f.branch_id = :branchId')
  if (input.kind !== undefined) where.push('f.kind = :kind')
  const params = { ...input, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = await ctx.sql.value(`SELECT count(*) AS n FROM fee_payment f${w}`, params)
  const rows = await ctx.sql.all<Record<string, unknown>>(`${PAYMENT_SQL}${w} ORDER BY f.paid_on DESC, f.id DESC LIMIT :limit OFFSET :offset`, params)
  return { rows: rows.map(toPayment), total, page: input.page, pageSize: input.pageSize }
}

/** Records a payment after the rules: a fee decided for the year, a liable payer, no overpayment, a receipt number not used before. */
export async function recordPayment(ctx: ServiceContext, input: z.output<typeof paymentInput>): Promise<FeePayment> {
  notFuture(ctx, input.paidOn, 'paidOn')
  let branchId: number
  let dueMinor: number
  let paidMinor: number
  if (input.kind === 'member') {
    const m = await ctx.sql.one<{ id: number; branchId: number }>('SELECT id, branch_id AS "branchId" FROM membership WHERE id = :id', { id: input.membershipId })
    if (!m) throw new DomainError('not_found', `No membership with id ${input.membershipId}`, 'membershipId')
    // The fee is owed to the local organisation the member belonged to in that year; for a member
    // who moved during the year, to the later one until its fee is paid, then to the earlier one.
    const owed = (await liableMemberships(ctx.sql, input.year, null)).filter((x) => x.id === m.id).map((x) => x.branchId)
    if (owed.length === 0) {
      throw new DomainError('validation', `was not an active member in ${input.year}, so owes no fee for it`, 'membershipId', { key: 'r.notActiveInYear', vars: { year: input.year } })
    }
    const dues: Array<{ branchId: number; fee: FeeDecision | null; paid: number }> = []
    for (const b of owed) dues.push({ branchId: b, fee: await localFee(ctx, b, input.year), paid: (await paidByMember(ctx, input.year, b)).get(paidKey(m.id, b)) ?? 0 })
    dues.sort((a, b) => (a.branchId === m.branchId ? -1 : b.branchId === m.branchId ? 1 : 0))
    const due = dues.find((d) => d.fee && d.paid < d.fee.amountMinor) ?? dues.find((d) => d.fee)
    if (!due?.fee) throw new DomainError('validation', `has no local fee decided by the local assembly; record the fee decision for ${input.year} first`, 'year', { key: 'r.noLocalFee', vars: { year: input.year } })
    branchId = due.branchId
    dueMinor = due.fee.amountMinor
    paidMinor = due.paid
  } else {
    branchId = input.branchId
    await requireBranch(ctx, branchId)
    const fee = await centralFee(ctx, input.year)
    if (!fee) throw new DomainError('validation', `has no central fee decided by the general assembly; record the fee decision for ${input.year} first`, 'year', { key: 'r.noCentralFee', vars: { year: input.year } })
    const calc = await centralCalculation(ctx, fee, branchId)
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
      ? await ctx.sql.one(`SELECT id FROM fee_payment WHERE kind = 'member' AND branch_id = :branchId AND receipt_number = :receiptNumber AND voided_at IS NULL`, {
          branchId,
          receiptNumber: input.receiptNumber,
        })
      : await ctx.sql.one(`SELECT id FROM fee_payment WHERE kind = 'branch' AND receipt_number = :receiptNumber AND voided_at IS NULL`, { receiptNumber: input.receiptNumber })
  if (used) {
    throw new DomainError('conflict', `${input.receiptNumber} is already used ${input.kind === 'member' ? 'in this branch' : 'by the central level'}`, 'receiptNumber', {
      key: input.kind === 'member' ? 'r.receiptUsedBranch' : 'r.receiptUsedCentral',
      vars: { receipt: input.receiptNumber },
    })
  }
  const id = await ctx.sql.insert(
    `INSERT INTO fee_payment (kind, year, branch_id, membership_id, paid_on, amount_minor, currency, receipt_number, payer, note, created_at)
     VALUES (:kind, :year, :branchId, :membershipId, :paidOn, :amountMinor, 'MNT', :receiptNumber, :payer, :note, :now) RETURNING id`,
    { ...input, branchId, membershipId: input.kind === 'member' ? input.membershipId : null, now: ctx.now },
  )
  const out = toPayment((await ctx.sql.one<Record<string, unknown>>(`${PAYMENT_SQL} WHERE f.id = :id`, { id }))!)
  await audit(ctx, 'fee_payment', id, null, out)
  return out
}

/** Voids a payment recorded by mistake: the arrears come back at once, and its receipt number is free again. */
export async function voidPayment(ctx: ServiceContext, input: { id: number; reason: string }): Promise<FeePayment> {
  return voidEntry(ctx, 'fee_payment', input.id, input.reason, async () => {
    const row = await ctx.sql.one<Record<string, unknown>>(`${PAYMENT_SQL} WHERE f.id = :id`, { id: input.id })
    return row ? toPayment(row) : undefined
  })
}
