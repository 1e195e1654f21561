import type { AttendanceStatus } from './groupsTypes'

/** A member's line of a small group's collection sheet for a meeting date: what she owes and holds, before the meeting. */
export interface SheetLine {
  personId: number
  name: string
  registerNumber: string | null
  /** This week's compulsory saving and the arrears before it. */
  weeklyMinor: number
  savingsArrearsMinor: number
  compulsoryBalanceMinor: number
  voluntaryBalanceMinor: number
  loan: {
    id: number
    outstandingMinor: number
    /** Instalments due by the date (this week's and any overdue) and fines, not yet paid. */
    dueMinor: number
    overdueMinor: number
    finesMinor: number
    weeksInArrears: number
  } | null
}

export interface CollectionSheet {
  ssgId: number
  ssgCode: string
  ssgName: string
  lsgCode: string
  heldOn: string
  /** The meeting of that day, when the sheet is already entered. */
  entered: { meetingId: number } | null
  lines: SheetLine[]
}

/** What was entered for one member: her attendance and what she paid in or took out. */
export interface SheetEntryLine {
  personId: number
  status: AttendanceStatus
  compulsoryMinor: number
  voluntaryMinor: number
  withdrawalMinor: number
  repaymentMinor: number
}

/** The sheets of an imported file, each as entered. */
export interface SheetImportResult {
  sheets: Array<SheetResult & { ssgCode: string; heldOn: string }>
}

export interface SheetResult {
  meetingId: number
  totals: { compulsoryMinor: number; voluntaryMinor: number; withdrawalMinor: number; repaymentMinor: number; cashMinor: number }
  /** The repayments' shares of the three funds. */
  funds: { f1: number; f2: number; f3: number }
}
