import { z } from 'zod'
import { isIsoDate, normalizeDate } from '../domain/dates'
import { checkRegisterNumber, normalizeRegisterNumber } from '../domain/registerNumber'
import { AREA_CODES } from '../domain/geography'
import { forbiddenCharacter, normalizeIdentifier, stripInvisible } from '../domain/text'

/** Field schemas shared by the contract and the renderer's forms. */
export const id = z.number().int().positive()

/** The version of a record the user started from (see the record's `version`). */
export const recordVersion = z.number().int().positive()

/** A calendar date, typed `YYYY.MM.DD` (as the app shows dates) or `YYYY-MM-DD`; kept as `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .max(12)
  .overwrite(normalizeDate)
  .refine(isIsoDate, { message: 'must be a real date written YYYY.MM.DD or YYYY-MM-DD' })

/** Free text: invisible characters removed, control characters and bidirectional overrides refused (shared/domain/text). */
export const text = (max: number) =>
  z
    .string()
    .overwrite(stripInvisible)
    .refine((s) => forbiddenCharacter(s) === null, {
      error: (issue) => `contains an invisible control character (${forbiddenCharacter(String(issue.input))}); type it again, or paste it as plain text`,
    })
    .trim()
    .max(max, { message: `must be at most ${max} characters` })

/** A number that must be unique (voucher, receipt), kept in one form so look-alikes collide (normalizeIdentifier). */
export const identifier = (max: number) => text(max).overwrite(normalizeIdentifier).min(1, { message: 'is required' })
export const requiredText = (max: number) => text(max).min(1, { message: 'is required' })
/** Optional free text: empty strings become null. */
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null))

export const cyrillicName = requiredText(60).refine((s) => /^[\p{Script=Cyrillic}\- ']+$/u.test(s), {
  message: 'must be written in Cyrillic letters',
})

export const registerNumber = z
  .string()
  .max(14, { message: 'must be two Cyrillic letters followed by 8 digits, e.g. УБ99112233' })
  .transform(normalizeRegisterNumber)
  .superRefine((value, ctx) => {
    const check = checkRegisterNumber(value)
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message })
  })

export const phone = z
  .string()
  .max(20)
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => s === '' || /^(\+976)?\d{8}$/.test(s), { message: 'must be 8 digits, optionally after +976' })
  .transform((s) => (s === '' ? null : s))

export const areaCode = z.enum(AREA_CODES, { message: 'must be one of the 21 aimags or 9 Ulaanbaatar districts' })
export const gender = z.enum(['female', 'male'], { message: 'must be female or male' })
export const sortDir = z.enum(['asc', 'desc']).default('asc')
export const page = z.number().int().min(1).max(100000).default(1)
export const pageSize = z.number().int().min(1).max(200).default(50)

/** Voiding an entry recorded by mistake: which one, and why (kept with it). */
export const voidInput = z.strictObject({ id, reason: requiredText(500) })
