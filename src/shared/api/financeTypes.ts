import type { BudgetWarning } from '../domain/finance'
import type { LocalName, Voided } from './types'

export interface FundingSource {
  id: number
  code: string
  kind: 'grant' | 'cofunding' | 'own' | 'interest'
  name: LocalName
  /** What the source committed, in `committedCurrency` (the budget is in DKK). */
  committedMinor: number | null
  committedCurrency: 'DKK' | 'MNT'
}

export interface BudgetLine {
  id: number
  mainCode: string
  code: string
  name: LocalName
}

export interface BudgetVersion {
  id: number
  number: number
  approvedOn: string
  reason: string
  createdBy: string
  /** The donor's approval this version records (letter, reference), if any. */
  donorApproval: string | null
}

export interface Project {
  id: number
  code: string
  /** In both languages; the English one where no Mongolian name was given. */
  name: { en: string; mn: string }
  donor: { en: string; mn: string }
  startsOn: string
  endsOn: string
  currency: 'DKK'
  grantMinor: number
  agreementNumber: string | null
  /** The main line held to at most 7% of the rest (administration in Denmark), if any. */
  adminMainCode: string | null
  years: number
  sources: FundingSource[]
  /** The main budget lines, each the sum of its sub-lines. */
  mainLines: Array<{ code: string; name: { en: string; mn: string } }>
  lines: BudgetLine[]
  versions: BudgetVersion[]
  /** The last day of the periods submitted to the donor: entries dated up to it are refused (null: nothing submitted). */
  lockedThrough: string | null
  /** A line whose variance passes this share (%) of its revised budget must be explained. */
  varianceThresholdPercent: number
}

export interface BudgetCell {
  lineId: number
  projectYear: number
  sourceId: number
  amountMinor: number
}

export interface Budget {
  version: BudgetVersion
  amounts: BudgetCell[]
  /** Totals per main line (DKK øre), per source, and overall. */
  totalsByMainLine: Record<string, number>
  totalsBySource: Record<number, number>
  totalMinor: number
  warnings: BudgetWarning[]
}

export interface Transfer {
  id: number
  sentOn: string
  dkkMinor: number
  receivedOn: string
  mntMinor: number
  /** MNT per DKK, exact to four decimals. */
  rate: string
  reference: string | null
  note: string | null
  /** MNT of this transfer not yet spent (FIFO). */
  mntLeftMinor: number
  voided: Voided | null
}

export interface Expense {
  id: number
  spentOn: string
  voucher: string
  lineId: number
  lineCode: string
  branchId: number | null
  costCentre: LocalName
  description: string
  amountMinor: number
  currency: 'MNT' | 'DKK'
  sourceId: number
  /** DKK value: the amount itself for DKK; the FIFO conversion for MNT (null when no transfer exists yet). */
  dkkMinor: number | null
  /** MNT not covered by transfers received by the expense date. */
  uncoveredMntMinor: number
  /** A correction: the voucher (of a submitted period) it corrects. */
  corrects: { id: number; voucher: string; spentOn: string } | null
  voided: Voided | null
}

export interface ExpensePage {
  rows: Expense[]
  total: number
  page: number
  pageSize: number
  totals: { mntMinor: number; dkkMinor: number; flagged: number }
}

export interface BudgetVsActualRow {
  lineId: number | null
  mainCode: string
  code: string
  name: LocalName
  isMain: boolean
  approvedMinor: number
  revisedMinor: number
  actualMntMinor: number
  actualDkkMinor: number
  varianceMinor: number
  /** Variance as a share of the revised budget; null when there is no budget. */
  variancePercent: number | null
  /** The variance passes the project's threshold (or there is spending without a budget). */
  overThreshold: boolean
  note: string | null
}

export interface BudgetVsActual {
  projectId: number
  /** null: cumulative, from the start of the project. */
  projectYear: number | null
  from: string
  to: string
  approvedVersion: BudgetVersion
  revisedVersion: BudgetVersion
  rows: BudgetVsActualRow[]
  totals: { approvedMinor: number; revisedMinor: number; actualMntMinor: number; actualDkkMinor: number; varianceMinor: number }
  warnings: BudgetWarning[]
  /** The project's threshold (% of the revised budget) above which a line's variance must be explained. */
  thresholdPercent: number
  /** The sub-lines over the threshold still without an explanation for this period. */
  unexplained: string[]
}

export interface ImportProblem {
  row: number
  /** The column's English title; `columnMn` its Mongolian one. */
  column: string
  columnMn: string
  /** In English (the CLI); `key` and `vars` say it in the user's language. */
  reason: string
  key?: string
  vars?: Record<string, string | number>
}

export interface ImportResult {
  fileName: string
  headerRow: number | null
  rows: number
  problems: ImportProblem[]
  preview: Array<{ row: number; spentOn: string; voucher: string; lineCode: string; costCentre: string; description: string; amountMinor: number; currency: 'MNT' | 'DKK'; source: string }>
  imported: number
  dryRun: boolean
}

export interface FundEntry {
  id: number
  kind: 'interest' | 'exchange'
  entryOn: string
  mntMinor: number
  dkkMinor: number
  note: string | null
  voided: Voided | null
}

/** A budget read from the app's .xlsx template: the cells it sets, or every bad cell named (and no cells). */
export interface BudgetFileResult {
  fileName: string
  headerRow: number | null
  /** Data rows read (line × funding source). */
  rows: number
  problems: ImportProblem[]
  /** The funding sources the file covers: their cells are all set by the file (a blank cell is 0). */
  sourceIds: number[]
  years: number[]
  /** Every cell of those sources that is not zero; empty when there is any problem. */
  amounts: BudgetCell[]
}

/** One funding source's money over a period, in DKK øre (`sourcesAndUses`). */
export interface SourceUse {
  /** null: the total of every source. */
  sourceId: number | null
  code: string
  name: LocalName
  kind: FundingSource['kind'] | null
  /** What the source committed in DKK; null when it committed nothing in DKK (own contribution, interest). */
  committedMinor: number | null
  /** Balance held on the day before the period. */
  openingMinor: number
  /** Transfers to the project account in Mongolia (DKK sent). */
  transfersMinor: number
  /** Payments made in Denmark: DKK vouchers charged to the source. */
  paidInDenmarkMinor: number
  interestMinor: number
  exchangeMinor: number
  /** Vouchers charged to the source, at their DKK value (MNT by FIFO). */
  spentMinor: number
  /** Balance held at the period's end. */
  closingMinor: number
  /** Spent from the project's start to the period's end. */
  spentToDateMinor: number
  /** Once the project has ended: the balance held of a donor's money (and of its interest), to be refunded; null before. */
  dueBackMinor: number | null
  /** Spending charged to it passes what it committed. */
  overCommitted: boolean
}

export interface SourcesAndUses {
  projectId: number
  projectYear: number | null
  from: string
  to: string
  /** The period reaches the project's end. */
  ended: boolean
  rows: SourceUse[]
  total: SourceUse
  warnings: Array<{ key: 'w.sourceOverCommitted' | 'w.interestOverspent'; vars: Record<string, string>; message: string }>
}

/** The reports that can be submitted to the donor: kept as submitted, and their period locked. */
export const SUBMITTABLE_REPORTS = ['financial', 'funds', 'ledger', 'progress'] as const

/** A report submitted to the donor (its file is downloaded apart). */
export interface SubmittedReport {
  id: number
  projectId: number
  report: (typeof SUBMITTABLE_REPORTS)[number]
  /** null: the whole project. */
  projectYear: number | null
  from: string
  to: string
  lang: 'mn' | 'en'
  format: 'xlsx' | 'pdf'
  fileName: string
  sha256: string
  byteLength: number
  note: string | null
  submittedAt: string
  submittedBy: string
}
