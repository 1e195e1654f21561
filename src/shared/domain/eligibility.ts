/*
 * Whether a group member may take a micro loan: every check of DOMAIN.md,
 * each shown with its figure and the threshold, pass or fail. The figures
 * come from the records; the thresholds are a large group's settings (its
 * regulations), these defaults otherwise.
 */

export interface LoanThresholds {
  /** Weeks in the small group before a first loan. */
  minWeeksInGroup: number
  /** Compulsory savings paid: at least this share of what fell due, in %. */
  minSavingsCompliancePct: number
  /** Attendance over the last 12 weeks, in %. */
  minAttendancePct: number
  /** The loan at most this many times the compulsory savings balance. */
  maxSavingsMultiple: number
  /** Caps by loan cycle (1st, 2nd, …; the last applies to every later cycle), ₮ in minor units. */
  cycleCapsMinor: number[]
  /** No loan in the small group more than this many days late. */
  maxGroupDaysLate: number
}

export const DEFAULT_THRESHOLDS: LoanThresholds = {
  minWeeksInGroup: 12,
  minSavingsCompliancePct: 90,
  minAttendancePct: 80,
  maxSavingsMultiple: 3,
  cycleCapsMinor: [200_000_00, 300_000_00, 400_000_00],
  maxGroupDaysLate: 30,
}

/** A large group's loan settings, set by a version of its regulations: the checks' thresholds and the share of fund (2). */
export interface LoanSettings extends LoanThresholds {
  /** The share of fund (2), common interest, within the first half of every repayment, in % (DOMAIN.md: p2). */
  shareF2Percent: number
}

export const DEFAULT_LOAN_SETTINGS: LoanSettings = { ...DEFAULT_THRESHOLDS, shareF2Percent: 50 }

/** What the records say, on the date of the application. */
export interface EligibilityFigures {
  ssgHasMembers: boolean
  ssgRulesAdopted: boolean
  ssgRepresentativeInOffice: boolean
  weeksInGroup: number
  /** Compulsory savings due and paid to the date (the weekly amount at each meeting since she joined). */
  savingsDueMinor: number
  savingsPaidMinor: number
  trainingCompletedOn: string | null
  /** Over the last 12 weeks: meetings of her small group she attended (present or late), of those held. */
  meetingsAttended: number
  meetingsHeld: number
  ownDaysLate: number
  groupMaxDaysLate: number
  previousLoanOpen: boolean
  compulsoryBalanceMinor: number
  /** The cycle this loan would be: 1 for her first. */
  cycle: number
  fund1CashMinor: number
}

export const CHECKS = [
  'ssgActive',
  'rulesApproved',
  'representative',
  'weeksInGroup',
  'savingsCompliance',
  'training',
  'attendance',
  'ownArrears',
  'groupArrears',
  'previousLoan',
  'savingsMultiple',
  'cycleCap',
  'fundCash',
] as const
export type EligibilityCheck = (typeof CHECKS)[number]

export interface CheckResult {
  check: EligibilityCheck
  pass: boolean
  /** The figure from the records, and what it is held against (amounts in minor units, shares in %). */
  figure: number | string | null
  threshold: number | string | null
}

const pct = (part: number, whole: number) => (whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10)

export function checkEligibility(f: EligibilityFigures, amountMinor: number, t: LoanThresholds = DEFAULT_THRESHOLDS): CheckResult[] {
  const cap = t.cycleCapsMinor[Math.min(f.cycle, t.cycleCapsMinor.length) - 1] ?? 0
  const compliance = pct(Math.min(f.savingsPaidMinor, f.savingsDueMinor), f.savingsDueMinor)
  const attendance = pct(f.meetingsAttended, f.meetingsHeld)
  const r = (check: EligibilityCheck, pass: boolean, figure: CheckResult['figure'] = null, threshold: CheckResult['threshold'] = null): CheckResult => ({ check, pass, figure, threshold })
  return [
    r('ssgActive', f.ssgHasMembers),
    r('rulesApproved', f.ssgRulesAdopted),
    r('representative', f.ssgRepresentativeInOffice),
    r('weeksInGroup', f.weeksInGroup >= t.minWeeksInGroup, f.weeksInGroup, t.minWeeksInGroup),
    r('savingsCompliance', compliance >= t.minSavingsCompliancePct, compliance, t.minSavingsCompliancePct),
    r('training', f.trainingCompletedOn !== null, f.trainingCompletedOn),
    r('attendance', attendance >= t.minAttendancePct, attendance, t.minAttendancePct),
    r('ownArrears', f.ownDaysLate === 0, f.ownDaysLate, 0),
    r('groupArrears', f.groupMaxDaysLate <= t.maxGroupDaysLate, f.groupMaxDaysLate, t.maxGroupDaysLate),
    r('previousLoan', !f.previousLoanOpen),
    r('savingsMultiple', amountMinor <= f.compulsoryBalanceMinor * t.maxSavingsMultiple, amountMinor, f.compulsoryBalanceMinor * t.maxSavingsMultiple),
    r('cycleCap', amountMinor <= cap, amountMinor, cap),
    r('fundCash', amountMinor <= f.fund1CashMinor, amountMinor, f.fund1CashMinor),
  ]
}
