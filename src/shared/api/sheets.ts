import { z } from 'zod'
import { op } from './define'
import { id, isoDate, optionalText } from './fields'
import type * as S from './sheetsTypes'

const amount = z.number().int({ message: 'must be a whole number of minor units' }).min(0, { message: 'must not be negative' }).max(1e11, { message: 'is too large' })

export const sheetEntryInput = z.strictObject({
  ssgId: id,
  heldOn: isoDate,
  lines: z
    .array(
      z.strictObject({
        personId: id,
        status: z.enum(['present', 'late', 'represented', 'excused', 'absent'], { message: 'must be present, late, represented, excused or absent' }),
        compulsoryMinor: amount,
        voluntaryMinor: amount,
        withdrawalMinor: amount,
        repaymentMinor: amount,
      }),
    )
    .max(60),
  minutes: optionalText(20000),
})

/** Collection sheets: one per small group per meeting date, entered in one go. */
export const sheetsOps = {
  'sheets.get': op<S.CollectionSheet>()({
    summary: "A small group's collection sheet for a meeting date: every member that day with her savings due and held, her loan's instalments due, overdue and fines",
    input: z.strictObject({ ssgId: id, heldOn: isoDate }),
    permission: 'register.read',
    write: false,
  }),
  'sheets.enter': op<S.SheetResult>()({
    summary: "Enter a filled collection sheet as one transaction: the meeting's attendance, savings deposits and withdrawals, loan repayments and their fund shares; a sheet already entered is refused",
    input: sheetEntryInput,
    permission: 'loans.write',
    write: true,
  }),
  'sheets.import': op<S.SheetImportResult>()({
    summary: 'Enter the collection sheets of a filled .xlsx made by the collection report: every sheet in one transaction; a refused row is named by its sheet and row, and nothing is written',
    input: z.strictObject({
      fileName: z.string().trim().min(1, { message: 'is required' }).max(200, { message: 'must be at most 200 characters' }).regex(/\.xlsx$/i, { message: 'must end in .xlsx' }),
      /** The file's bytes, base64-encoded (at most about 20 MB). */
      base64: z.string().min(1, { message: 'is empty' }).max(28_000_000, { message: 'is larger than 20 MB' }),
    }),
    permission: 'loans.write',
    write: true,
  }),
} as const
