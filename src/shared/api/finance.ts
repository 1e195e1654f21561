import { z } from 'zod'
import { op } from './define'
import { id, identifier, isoDate, optionalText, page, pageSize, requiredText, voidInput } from './fields'
import type * as F from './financeTypes'
import { SUBMITTABLE_REPORTS } from './financeTypes'
import type { ReportFile } from './contract'

const minor = z.number().int({ message: 'must be a whole number of minor units' }).min(0, { message: 'must not be negative' }).max(1e14, { message: 'is too large' })
const positiveMinor = minor.refine((v) => v > 0, { message: 'must be more than 0' })

export const transferInput = z.strictObject({
  projectId: id,
  sentOn: isoDate,
  dkkMinor: positiveMinor,
  receivedOn: isoDate,
  mntMinor: positiveMinor,
  reference: optionalText(60),
  note: optionalText(500),
  /** The user has seen and confirmed a rate far from the previous transfer's. */
  confirmed: z.boolean().default(false),
})

export const expenseInput = z.strictObject({
  projectId: id,
  spentOn: isoDate,
  voucher: identifier(40),
  lineId: id,
  /** null: the secretariat (DaMoST). */
  branchId: id.nullish().transform((v) => v ?? null),
  description: requiredText(300),
  /** More than 0, except in a correction, which may take back (a negative amount) what the voucher it corrects holds. */
  amountMinor: z.number().int({ message: 'must be a whole number of minor units' }).min(-1e14, { message: 'is too large' }).max(1e14, { message: 'is too large' }).refine((v) => v !== 0, { message: 'must not be 0' }),
  currency: z.enum(['MNT', 'DKK'], { message: 'must be MNT or DKK' }),
  sourceId: id,
  /** A correction, in the open period, of this voucher of a period submitted to the donor. */
  correctsId: id.nullish().transform((v) => v ?? null),
  /** The user has seen and confirmed an amount ten times the largest so far. */
  confirmed: z.boolean().default(false),
})

export const fundEntryInput = z.strictObject({
  projectId: id,
  kind: z.enum(['interest', 'exchange'], { message: 'must be interest or exchange' }),
  entryOn: isoDate,
  /** Interest: MNT credited (and its DKK value). Exchange difference: signed DKK (MNT may be 0). */
  mntMinor: z.number().int().min(-1e14).max(1e14),
  dkkMinor: z.number().int().min(-1e14).max(1e14),
  note: optionalText(500),
})

export const budgetRevisionInput = z.strictObject({
  projectId: id,
  approvedOn: isoDate,
  reason: requiredText(1000),
  /** The donor's approval of this version (its letter or reference): a line moved by more than 10% is then approved. */
  donorApproval: optionalText(300),
  /** The whole budget of the new version: every cell that is not zero. */
  amounts: z
    .array(z.strictObject({ lineId: id, projectYear: z.number().int().min(1).max(20), sourceId: id, amountMinor: minor }))
    .max(5000)
    .refine((a) => a.some((c) => c.amountMinor > 0), { message: 'must hold at least one amount: an empty budget is not a revision' }),
})

/** A budget line's code: a main line (`4`) or one of its sub-lines (`4.2`). */
const lineCode = z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, { message: 'must be a main line number like 4, or a sub-line like 4.2' })
const mainOf = (code: string) => code.split('.')[0]!

/**
 * A new project as its agreement describes it: names and donor in both
 * languages, the period, the funding sources with what each committed (in the
 * project's currency, DKK), and the budget structure — main lines (`4`) and
 * their sub-lines (`4.1`, `4.2`) in one list, as the budget is written.
 */
export const projectInput = z
  .strictObject({
    code: identifier(20),
    nameEn: requiredText(200),
    nameMn: requiredText(200),
    donorEn: requiredText(200),
    donorMn: requiredText(200),
    agreementNumber: optionalText(60),
    startsOn: isoDate,
    endsOn: isoDate,
    /** The main line held to at most 7% of the rest (administration in Denmark); none if the donor sets no such rule. */
    adminMainCode: z.string().max(2).nullish().transform((v) => v || null),
    sources: z
      .array(
        z.strictObject({
          code: identifier(12),
          kind: z.enum(['grant', 'cofunding', 'own'], { message: 'must be grant, cofunding or own' }),
          nameEn: requiredText(120),
          nameMn: requiredText(120),
          committedMinor: positiveMinor.nullish().transform((v) => v ?? null),
          /** The currency the amount was committed in: the project's, DKK, unless the source commits in tögrög. */
          committedCurrency: z.enum(['DKK', 'MNT'], { message: 'must be DKK or MNT' }).default('DKK'),
        }),
      )
      .min(1, { message: 'needs at least one funding source' })
      .max(10),
    lines: z.array(z.strictObject({ code: lineCode, nameEn: requiredText(200), nameMn: requiredText(200) })).min(2, { message: 'needs a main line and at least one sub-line' }).max(400),
  })
  .superRefine((p, ctx) => {
    if (p.endsOn <= p.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must be after the start' })
    const seen = new Set<string>()
    p.sources.forEach((s, i) => {
      if (seen.has(s.code)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'code'], message: 'repeats a code given above' })
      seen.add(s.code)
    })
    const codes = new Set<string>()
    const mains = new Set(p.lines.filter((l) => !l.code.includes('.')).map((l) => l.code))
    p.lines.forEach((l, i) => {
      if (codes.has(l.code)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'code'], message: 'repeats a code given above' })
      codes.add(l.code)
      if (l.code.includes('.') && !mains.has(mainOf(l.code))) ctx.addIssue({ code: 'custom', path: ['lines', i, 'code'], message: 'has no main line: add the main line first' })
    })
    p.lines.forEach((l, i) => {
      if (!l.code.includes('.') && !p.lines.some((x) => x.code.includes('.') && mainOf(x.code) === l.code)) {
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'code'], message: 'needs at least one sub-line (like 4.1)' })
      }
    })
    if (p.adminMainCode && !mains.has(p.adminMainCode)) ctx.addIssue({ code: 'custom', path: ['adminMainCode'], message: 'must be one of the main lines' })
  })

export const financeOps = {
  'projects.create': op<F.Project>()({
    summary: 'Set up a project: names, donor, period, funding sources and the budget structure (main lines and sub-lines)',
    input: projectInput,
    permission: 'finance.write',
    write: true,
  }),
  'finance.projects': op<F.Project[]>()({ summary: 'Projects with their funding sources, budget lines and budget versions', input: z.strictObject({}), permission: 'register.read', write: false }),
  'budget.get': op<F.Budget>()({
    summary: 'A budget version (the latest when none is given) with totals and warnings',
    input: z.strictObject({ projectId: id, versionId: id.optional() }),
    permission: 'register.read',
    write: false,
  }),
  'budget.revise': op<F.Budget>()({
    summary: 'Record a budget revision: the whole new budget, its approval date and reason',
    input: budgetRevisionInput,
    permission: 'finance.write',
    write: true,
  }),
  'budget.template': op<ReportFile>()({
    summary: 'The budget as an .xlsx template (a row per sub-line and funding source, a column per project year), filled with the version in force',
    input: z.strictObject({ projectId: id, lang: z.enum(['mn', 'en']).default('mn') }),
    permission: 'register.read',
    write: false,
  }),
  'budget.readFile': op<F.BudgetFileResult>()({
    summary: 'Read a budget from the .xlsx template: the cells it sets, or every bad cell named and none set',
    input: z.strictObject({
      projectId: id,
      fileName: requiredText(200).regex(/\.xlsx$/i, { message: 'must end in .xlsx' }),
      /** The file's bytes, base64-encoded (at most about 20 MB). */
      base64: z.string().min(1, { message: 'is empty' }).max(28_000_000, { message: 'is larger than 20 MB' }),
    }),
    permission: 'finance.write',
    write: false,
  }),
  'transfers.list': op<F.Transfer[]>()({
    summary: 'Transfers DKK → MNT with their exact rates and MNT left (the voided ones too on request)',
    input: z.strictObject({ projectId: id, withVoided: z.boolean().default(false) }),
    permission: 'register.read',
    write: false,
  }),
  'transfers.create': op<F.Transfer>()({ summary: 'Record a transfer: DKK sent, MNT received', input: transferInput, permission: 'finance.write', write: true }),
  'transfers.void': op<F.Transfer>()({ summary: 'Void a transfer recorded by mistake, with the reason', input: voidInput, permission: 'finance.write', write: true }),
  'funds.entries': op<F.FundEntry[]>()({
    summary: 'Bank interest and exchange differences of the project account (the voided ones too on request)',
    input: z.strictObject({ projectId: id, withVoided: z.boolean().default(false) }),
    permission: 'register.read',
    write: false,
  }),
  'funds.record': op<F.FundEntry>()({ summary: 'Record bank interest or an exchange difference on the project account', input: fundEntryInput, permission: 'finance.write', write: true }),
  'funds.void': op<F.FundEntry>()({ summary: 'Void bank interest or an exchange difference recorded by mistake, with the reason', input: voidInput, permission: 'finance.write', write: true }),
  'expenses.search': op<F.ExpensePage>()({
    summary: 'Expenses by budget line, cost centre, period and funding source, with their DKK value',
    input: z.strictObject({
      projectId: id,
      lineId: id.optional(),
      mainCode: z.string().max(4).optional(),
      costCentre: z.union([id, z.literal('secretariat')]).optional(),
      sourceId: id.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      flaggedOnly: z.boolean().default(false),
      /** Also the voided expenses (struck through; no total counts them). */
      withVoided: z.boolean().default(false),
      page,
      pageSize,
    }),
    permission: 'register.read',
    write: false,
  }),
  'expenses.create': op<F.Expense>()({ summary: 'Record an expense', input: expenseInput, permission: 'finance.write', write: true }),
  'expenses.void': op<F.Expense>()({ summary: 'Void an expense recorded by mistake, with the reason (its voucher number is free again)', input: voidInput, permission: 'finance.write', write: true }),
  'expenses.import': op<F.ImportResult>()({
    summary: 'Import an expense ledger (.xlsx or .csv): a preview with every bad row, then all rows or none',
    input: z.strictObject({
      projectId: id,
      fileName: requiredText(200).regex(/\.(xlsx|csv)$/i, { message: 'must end in .xlsx or .csv' }),
      /** The file's bytes, base64-encoded (at most about 20 MB). */
      base64: z.string().min(1, { message: 'is empty' }).max(28_000_000, { message: 'is larger than 20 MB' }),
      dryRun: z.boolean().default(true),
    }),
    permission: 'finance.write',
    write: true,
  }),
  'expenses.template': op<ReportFile>()({
    summary: 'The expense ledger import template (.xlsx) with dropdowns for budget lines and branches, in Mongolian or English',
    input: z.strictObject({ projectId: id, lang: z.enum(['mn', 'en']).default('mn') }),
    permission: 'register.read',
    write: false,
  }),
  'finance.budgetVsActual': op<F.BudgetVsActual>()({
    summary: 'Budget against actual per main line and sub-line, for a project year or cumulative, in DKK and MNT',
    input: z.strictObject({ projectId: id, projectYear: z.number().int().min(1).max(20).nullish().transform((v) => v ?? null), versionId: id.optional() }),
    permission: 'register.read',
    write: false,
  }),
  'finance.sourcesAndUses': op<F.SourcesAndUses>()({
    summary: 'Sources and uses per funding source and in total, for a project year or the whole project, in DKK: committed, received, interest, exchange differences, spent, balance held, due back',
    input: z.strictObject({ projectId: id, projectYear: z.number().int().min(1).max(20).nullish().transform((v) => v ?? null) }),
    permission: 'register.read',
    write: false,
  }),
  'reports.submit': op<F.SubmittedReport>()({
    summary: 'Submit a finance or progress report to the donor: the file is kept with its SHA-256, and entries dated up to the end of its period are refused from then on',
    input: z.strictObject({
      report: z.enum(SUBMITTABLE_REPORTS, { message: `must be one of: ${SUBMITTABLE_REPORTS.join(', ')}` }),
      projectId: id.optional(),
      projectYear: z.number().int().min(1).max(20).nullish().transform((v) => v ?? null),
      lang: z.enum(['mn', 'en']).default('mn'),
      format: z.enum(['xlsx', 'pdf'], { message: 'must be xlsx or pdf' }),
      note: optionalText(500),
    }),
    permission: 'finance.write',
    write: true,
  }),
  'reports.submitted': op<F.SubmittedReport[]>()({
    summary: 'The reports submitted to the donor, newest first',
    input: z.strictObject({ projectId: id.optional() }),
    permission: 'reports.read',
    write: false,
  }),
  'reports.submittedFile': op<ReportFile & { sha256: string }>()({
    summary: 'A submitted report\'s file, byte for byte as it was submitted',
    input: z.strictObject({ id }),
    permission: 'reports.read',
    write: false,
  }),
  'finance.setVarianceThreshold': op<F.Project>()({
    summary: "Set the variance (% of a line's revised budget) above which a budget line must be explained",
    input: z.strictObject({ projectId: id, percent: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }).max(100, { message: 'must be at most 100' }) }),
    permission: 'finance.write',
    write: true,
  }),
  'finance.setNote': op<{ note: string | null }>()({
    summary: 'Explain the variance of a budget line for a project year or cumulative',
    input: z.strictObject({ projectId: id, lineId: id, period: z.string().regex(/^(Y\d{1,2}|cumulative)$/, { message: 'must be Y1, Y2, … or cumulative' }), note: optionalText(2000) }),
    permission: 'finance.write',
    write: true,
  }),
} as const
