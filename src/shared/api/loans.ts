import { z } from 'zod'
import { op } from './define'
import { id, isoDate, optionalText, requiredText } from './fields'
import type * as L from './loansTypes'

const positive = (max: number) =>
  z
    .number()
    .int({ message: 'must be a whole number of minor units' })
    .min(1, { message: 'must be more than 0' })
    .max(max, { message: 'is too large' })

export const loanTermsInput = z.strictObject({
  personId: id,
  /** The meeting of her large group that approved the loan. */
  approvedMeetingId: id,
  disbursedOn: isoDate,
  principalMinor: positive(1e11),
  instalments: z.number().int().min(1, { message: 'must be at least 1' }).max(104, { message: 'must be at most 104' }),
  method: z.enum(['flat', 'declining'], { message: 'must be flat or declining' }),
  /** The monthly rate in millionths (1.5% = 15 000); 0 allowed. */
  monthlyRateMicro: z.number().int().min(0, { message: 'must not be negative' }).max(200_000, { message: 'must be at most 20% a month' }),
})

/** Micro loans of the group members, their repayments and the group funds. */
export const loansOps = {
  'loans.check': op<L.Eligibility>()({
    summary: 'Whether a group member may borrow an amount on a date: every check with its figure',
    input: z.strictObject({ personId: id, on: isoDate, amountMinor: positive(1e11) }),
    permission: 'register.read',
    write: false,
  }),
  'loans.grant': op<L.LoanDetail>()({
    summary: 'Record a loan approved at a meeting of her large group and disbursed from its fund (1): refused unless every check passes',
    input: loanTermsInput,
    permission: 'loans.write',
    write: true,
  }),
  'loans.get': op<L.LoanDetail>()({ summary: 'A loan with its schedule, repayments and standing on a date', input: z.strictObject({ id, on: isoDate.optional() }), permission: 'register.read', write: false }),
  'loans.ofPerson': op<L.LoanRow[]>()({ summary: "A member's loans with their standing today, newest first", input: z.strictObject({ personId: id }), permission: 'register.read', write: false }),
  'loans.ofSsg': op<L.LoanRow[]>()({
    summary: "The loans of a small group's members with their standing on a date",
    input: z.strictObject({ ssgId: id, on: isoDate.optional() }),
    permission: 'register.read',
    write: false,
  }),
  'loans.repay': op<L.RepaymentRow>()({
    summary: 'Record a repayment: fines first, then the oldest instalment’s interest and principal; split into the three funds',
    input: z.strictObject({ loanId: id, paidOn: isoDate, amountMinor: positive(1e11) }),
    permission: 'loans.write',
    write: true,
  }),
  'loans.reverseRepayment': op<L.RepaymentRow>()({
    summary: 'Reverse the latest repayment of a loan, with the reason: exact negatives of it, its allocation and its fund shares',
    input: z.strictObject({ id, reason: requiredText(500) }),
    permission: 'loans.write',
    write: true,
  }),
  'loans.fine': op<L.LoanDetail>()({
    summary: 'Impose a fine on a loan under the group’s rules (a late repayment): repayments pay fines first',
    input: z.strictObject({ loanId: id, imposedOn: isoDate, amountMinor: positive(1e9), reason: requiredText(300) }),
    permission: 'loans.write',
    write: true,
  }),
  'loans.writeOff': op<L.LoanDetail>()({
    summary: 'Write off what is left of a loan by a decision of her large group’s meeting; later repayments are kept as recoveries',
    input: z.strictObject({ loanId: id, meetingId: id, reason: requiredText(500) }),
    permission: 'loans.write',
    write: true,
  }),
  'loans.reschedule': op<L.LoanDetail>()({
    summary: 'Reschedule what is left of a loan by a decision of her large group’s meeting: a new schedule of weekly instalments from then, at the loan’s rate and method, the interest fallen due and unpaid carried into its first instalment',
    input: z.strictObject({ loanId: id, meetingId: id, instalments: z.number().int().min(1, { message: 'must be at least 1' }).max(104, { message: 'must be at most 104' }), reason: requiredText(500) }),
    permission: 'loans.write',
    write: true,
  }),
  'training.record': op<{ personId: number; completedOn: string }>()({
    summary: 'Record that a member completed the micro-credit training (the loan checks read it)',
    input: z.strictObject({ personId: id, completedOn: isoDate, note: optionalText(500) }),
    permission: 'loans.write',
    write: true,
  }),
  'groupfunds.capital': op<L.GroupFundBalances>()({
    summary: "Mark a project expense (in ₮) as loan capital for a large group: it credits the group's fund (1)",
    input: z.strictObject({ lsgId: id, expenseId: id }),
    permission: 'loans.write',
    write: true,
  }),
  'groupfunds.ledger': op<L.FundLedger>()({
    summary: "A fund's ledger over a period: (1) or (2) of a large group, (3) of an area's CBO — opening, allocations, capital, loans disbursed, spending, closing",
    input: z.strictObject({ fund: z.enum(['f1', 'f2', 'f3'], { message: 'must be f1, f2 or f3' }), lsgId: id.optional(), branchId: id.optional(), from: isoDate, to: isoDate }),
    permission: 'register.read',
    write: false,
  }),
  'groupfunds.spend': op<L.FundLedgerEntry>()({
    summary: "Spend from fund (2) of a large group (common interest) or fund (3) of an area's CBO, with the purpose and the households benefiting; never below zero",
    input: z.strictObject({
      fund: z.enum(['f2', 'f3'], { message: 'must be f2 or f3' }),
      lsgId: id.optional(),
      branchId: id.optional(),
      spentOn: isoDate,
      amountMinor: positive(1e11),
      purpose: requiredText(300),
      households: z.number().int().min(0, { message: 'must not be negative' }).max(100000).nullish().transform((v) => v ?? null),
    }),
    permission: 'loans.write',
    write: true,
  }),
  'groupfunds.check': op<L.FundCheck[]>()({
    summary: "Each area's group money on a date: cash in the funds + loans outstanding against capital + interest and fines − spending − write-offs",
    input: z.strictObject({ on: isoDate }),
    permission: 'register.read',
    write: false,
  }),
  'groupfunds.balances': op<L.GroupFundBalances>()({
    summary: "A large group's funds (1) and (2) and its area's fund (3) on a date",
    input: z.strictObject({ lsgId: id, on: isoDate.optional() }),
    permission: 'register.read',
    write: false,
  }),
} as const
