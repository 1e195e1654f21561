import { z } from 'zod'
import { op } from './define'
import { id, isoDate, optionalText, requiredText } from './fields'
import type * as S from './savingsTypes'

const amount = z
  .number()
  .int({ message: 'must be a whole number of minor units' })
  .min(1, { message: 'must be more than 0' })
  .max(1e12, { message: 'is too large' })

export const savingsEntryInput = z.strictObject({
  personId: id,
  account: z.enum(['compulsory', 'voluntary'], { message: 'must be compulsory or voluntary' }),
  kind: z.enum(['deposit', 'withdrawal'], { message: 'must be deposit or withdrawal' }),
  entryOn: isoDate,
  /** ₮ in minor units, more than 0 (a withdrawal is recorded as taken out). */
  amountMinor: amount,
  receipt: optionalText(40),
  /** A compulsory withdrawal while she is still a member: the meeting of her large group that decided it. */
  lsgMeetingId: id.nullish().transform((v) => v ?? null),
})

/** The group members' savings: compulsory and voluntary accounts. */
export const savingsOps = {
  'savings.ofPerson': op<S.PersonSavings>()({
    summary: "A group member's savings on a date (today when not given): balances, compulsory due and arrears, every entry",
    input: z.strictObject({ personId: id, on: isoDate.optional() }),
    permission: 'register.read',
    write: false,
  }),
  'savings.ofSsg': op<S.SsgSavings>()({
    summary: "A small group's members on a date with their savings balances, compulsory due and arrears",
    input: z.strictObject({ ssgId: id, on: isoDate.optional() }),
    permission: 'register.read',
    write: false,
  }),
  'savings.record': op<S.SavingsEntry>()({
    summary: 'Record a deposit or a withdrawal (never below zero; compulsory savings only on leaving or by a decision of her large group)',
    input: savingsEntryInput,
    permission: 'loans.write',
    write: true,
  }),
  'savings.reverse': op<S.SavingsEntry>()({
    summary: 'Reverse a savings entry recorded by mistake, with the reason: its exact negative is appended',
    input: z.strictObject({ id, reason: requiredText(500) }),
    permission: 'loans.write',
    write: true,
  }),
} as const
