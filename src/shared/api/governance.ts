import { z } from 'zod'
import { BOARD_ROLES } from '../domain/governance'
import { op } from './define'
import { id, identifier, isoDate, optionalText, page, pageSize, recordVersion, requiredText, voidInput } from './fields'
import type * as G from './governanceTypes'
import type { Page } from './types'

/** MNT amounts in minor units (1 ₮ = 100), as integers. */
export const moneyMinor = z.number().int({ message: 'must be a whole number of minor units' }).min(0, { message: 'must not be negative' }).max(1e13, { message: 'is too large' })
const year = z.number().int().min(2000, { message: 'must be 2000 or later' }).max(2100)

export const assemblyInput = z
  .strictObject({
    kind: z.enum(['local', 'general'], { message: 'must be local or general' }),
    branchId: id.nullish().transform((v) => v ?? null),
    heldOn: isoDate,
    place: optionalText(200),
    membersPresent: z.number().int().min(0, { message: 'must be 0 or more' }).max(100000),
    /** Who attended (memberships ticked on the list of eligible members); members present is then their count. Null: only the count is known. */
    attendees: z.array(id).max(20000).nullish().transform((v) => v ?? null),
    quorumPercent: z.number().int().min(1).max(100).default(50),
    quorumStrict: z.boolean().default(true),
    decisions: optionalText(20000),
    minutes: optionalText(50000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'local' && v.branchId === null) ctx.addIssue({ code: 'custom', path: ['branchId'], message: 'is required for a local assembly' })
    if (v.kind === 'general' && v.branchId !== null) ctx.addIssue({ code: 'custom', path: ['branchId'], message: 'must be empty for the general assembly' })
    if (v.attendees && new Set(v.attendees).size !== v.attendees.length) ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'lists the same member twice' })
    if (v.attendees && v.attendees.length !== v.membersPresent) ctx.addIssue({ code: 'custom', path: ['membersPresent'], message: 'must be the number of members ticked present' })
  })

/** Why a record is corrected: kept with the correction, shown in the assembly's history and the reports' notes. */
const correctionReason = requiredText(1000)

export const feeDecisionInput = z.strictObject({
  assemblyId: id,
  amountMinor: moneyMinor,
  /** Central fee only: the least a branch pays. */
  minimumMinor: moneyMinor.nullish().transform((v) => v ?? null),
  /** Central fee only: the date whose active members count. */
  referenceDate: isoDate.nullish().transform((v) => v ?? null),
})

const paymentCommon = {
  year,
  paidOn: isoDate,
  amountMinor: moneyMinor.refine((v) => v > 0, { message: 'must be more than 0' }),
  receiptNumber: identifier(40),
  payer: optionalText(120),
  note: optionalText(500),
}

export const paymentInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('member'), membershipId: id, ...paymentCommon }),
  z.strictObject({ kind: z.literal('branch'), branchId: id, ...paymentCommon }),
])

export const electionInput = z.strictObject({
  assemblyId: id,
  seats: z.number().int().min(1, { message: 'must be at least 1' }).max(50),
  candidates: z
    .array(z.strictObject({ membershipId: id, votes: z.number().int().min(0, { message: 'must be 0 or more' }) }))
    .min(1, { message: 'needs at least one candidate' })
    .max(200),
})

export const tieResolutionInput = z.strictObject({
  electionId: id,
  winners: z.array(id).min(1, { message: 'needs at least one winner' }).max(50),
  decision: requiredText(2000),
})

export const rolesInput = z.strictObject({
  electionId: id,
  roles: z.array(z.strictObject({ membershipId: id, role: z.enum(BOARD_ROLES) })).max(50),
})

/** Governance: assemblies, fees, elections and boards. */
export const governanceOps = {
  'assemblies.list': op<G.AssemblyRow[]>()({
    summary: 'Assemblies with attendance and quorum, by year, branch or kind',
    input: z.strictObject({ year: year.optional(), branchId: id.optional(), kind: z.enum(['local', 'general']).optional() }),
    permission: 'register.read',
    write: false,
  }),
  'assemblies.get': op<G.AssemblyDetail>()({ summary: 'An assembly with its decisions, fee decision and election', input: z.strictObject({ id }), permission: 'register.read', write: false }),
  'assemblies.create': op<G.AssemblyRow>()({ summary: 'Record a local or general assembly', input: assemblyInput, permission: 'governance.write', write: true }),
  'assemblies.eligible': op<G.EligibleMember[]>()({
    summary: "The members eligible to attend an assembly (active in that body on its date), for its attendance list",
    input: z.strictObject({ branchId: id.nullish().transform((v) => v ?? null), heldOn: isoDate }),
    permission: 'register.read',
    write: false,
  }),
  'assemblies.update': op<G.AssemblyRow>()({
    summary: 'Correct an assembly record: each changed field is kept as a correction with the old and new value and the reason',
    input: z.strictObject({ id, version: recordVersion, assembly: assemblyInput, reason: correctionReason }),
    permission: 'governance.write',
    write: true,
  }),
  'fees.decide': op<G.FeeDecision>()({
    summary: "Record an assembly's fee decision: a local assembly sets the local fee, the general assembly the central fee",
    input: feeDecisionInput,
    permission: 'governance.write',
    write: true,
  }),
  'fees.correctDecision': op<G.FeeDecision>()({
    summary: "Correct a fee decision recorded wrongly: the old and new value and the reason are kept; dues and arrears follow at once",
    input: z.strictObject({
      id,
      amountMinor: moneyMinor,
      minimumMinor: moneyMinor.nullish().transform((v) => v ?? null),
      referenceDate: isoDate.nullish().transform((v) => v ?? null),
      reason: correctionReason,
    }),
    permission: 'governance.write',
    write: true,
  }),
  'fees.overview': op<G.FeesOverview>()({
    summary: "A year's fees per branch: fee, members liable, due, paid, arrears, and the central due with its calculation",
    input: z.strictObject({ year }),
    permission: 'register.read',
    write: false,
  }),
  'fees.members': op<Page<G.MemberFeeRow>>()({
    summary: "Members' local fees for a year: due, paid, arrears; or only those who have not paid",
    input: z.strictObject({ year, branchId: id.optional(), onlyArrears: z.boolean().default(false), page, pageSize }),
    permission: 'register.read',
    write: false,
  }),
  'fees.pay': op<G.FeePayment>()({
    summary: 'Record a payment: a member to the branch, or a branch to the central level',
    input: paymentInput,
    permission: 'governance.write',
    write: true,
  }),
  'fees.voidPayment': op<G.FeePayment>()({
    summary: 'Void a payment recorded by mistake, with the reason (the arrears come back; the receipt number is free again)',
    input: voidInput,
    permission: 'governance.write',
    write: true,
  }),
  'fees.payments': op<Page<G.FeePayment>>()({
    summary: 'Payments, newest first',
    input: z.strictObject({ year: year.optional(), branchId: id.optional(), kind: z.enum(['member', 'branch']).optional(), withVoided: z.boolean().default(false), page, pageSize }),
    permission: 'register.read',
    write: false,
  }),
  'elections.record': op<G.Election>()({
    summary: 'Record an election at an assembly: seats, candidates and their votes',
    input: electionInput,
    permission: 'governance.write',
    write: true,
  }),
  'elections.resolveTie': op<G.Election>()({
    summary: 'Record how the assembly resolved a tie for the last seats',
    input: tieResolutionInput,
    permission: 'governance.write',
    write: true,
  }),
  'elections.assignRoles': op<G.Election>()({
    summary: 'Give the elected board members their roles',
    input: rolesInput,
    permission: 'governance.write',
    write: true,
  }),
  'boards.current': op<G.Board[]>()({ summary: 'The current board of every body', input: z.strictObject({}), permission: 'register.read', write: false }),
  'boards.history': op<G.BoardService[]>()({ summary: "A person's board service over the years", input: z.strictObject({ personId: id }), permission: 'register.read', write: false }),
} as const
