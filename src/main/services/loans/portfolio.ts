import { addDays } from '../../../shared/domain/dates'
import { DAY_BUCKETS, WEEK_BUCKETS, arrearsRate, dayBucket, daysInArrears, portfolioAtRisk, weekBucket, WRITE_OFF_AFTER_DAYS, type LoanStanding, type Ratio } from '../../../shared/domain/portfolio'
import type { BucketFigures, ParPoint, Portfolio, PortfolioFigures, WriteOffCandidate } from '../../../shared/api/portfolioTypes'
import type { ServiceContext } from '../context'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'
import { DUE_JOIN, DUE_SQL } from './dueMoves'
import { groupBy } from '../../../shared/domain/lists'

/*
 * Portfolio quality on a date, computed for every loan in a few set-wise
 * queries (the instalments of each loan's latest schedule with what was paid
 * of them by the date and by their due date), then gathered per small group,
 * large group, area and in total with the definitions of shared/domain/portfolio.
 */

interface LoanLine {
  id: number
  personId: number
  name: string
  ssgId: number
  ssgCode: string
  lsgId: number
  lsgCode: string
  branchId: number
  mn: string
  en: string
  principal: number
  principalPaid: number
  writtenOffOn: string | null
  writtenOffPrincipal: number
  recoveries: number
  standing: LoanStanding
  weeksLate: number
  fellDueInPeriod: number
  paidByDueInPeriod: number
  dueToDate: number
  collectedToDate: number
}

async function loanLines(ctx: ServiceContext, on: string, from: string): Promise<LoanLine[]> {
  const loans = await ctx.sql.all<Omit<LoanLine, 'standing' | 'weeksLate' | 'fellDueInPeriod' | 'paidByDueInPeriod' | 'dueToDate' | 'collectedToDate'>>(
    `SELECT l.id, l.person_id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, l.ssg_id AS "ssgId", s.code AS "ssgCode", l.lsg_id AS "lsgId", g.code AS "lsgCode",
       g.branch_id AS "branchId", b.name_mn AS mn, b.name_en AS en, l.principal_minor AS principal,
       coalesce((SELECT sum(r.principal_minor) FROM loan_repayment r WHERE r.loan_id = l.id AND r.paid_on <= :on), 0) AS "principalPaid",
       w.written_off_on AS "writtenOffOn", coalesce(w.principal_minor, 0) AS "writtenOffPrincipal",
       coalesce((SELECT sum(r.amount_minor) FROM loan_repayment r WHERE r.loan_id = l.id AND w.written_off_on IS NOT NULL AND r.paid_on > w.written_off_on AND r.paid_on <= :on), 0) AS recoveries
     FROM loan l JOIN person p ON p.id = l.person_id JOIN ssg s ON s.id = l.ssg_id JOIN lsg g ON g.id = l.lsg_id JOIN branch b ON b.id = g.branch_id
       LEFT JOIN loan_write_off w ON w.loan_id = l.id AND w.written_off_on <= :on
     WHERE l.disbursed_on <= :on ORDER BY l.id`,
    { on },
  )
  const instalments = await ctx.sql.all<{ loanId: number; dueOn: string; due: number; paid: number; paidByDue: number }>(
    `SELECT i.loan_id AS "loanId", ${DUE_SQL} AS "dueOn", i.principal_minor + i.interest_minor AS due,
       coalesce(sum(CASE WHEN r.paid_on <= :on THEN a.principal_minor + a.interest_minor ELSE 0 END), 0) AS paid,
       coalesce(sum(CASE WHEN r.paid_on <= ${DUE_SQL} AND r.paid_on <= :on THEN a.principal_minor + a.interest_minor ELSE 0 END), 0) AS "paidByDue"
     FROM loan_instalment i JOIN loan l ON l.id = i.loan_id ${DUE_JOIN}
       LEFT JOIN loan_allocation a ON a.instalment_id = i.id LEFT JOIN loan_repayment r ON r.id = a.repayment_id
     WHERE l.disbursed_on <= :on AND ${DUE_SQL} <= :on AND i.schedule_no = (SELECT max(x.schedule_no) FROM loan_instalment x WHERE x.loan_id = i.loan_id)
     GROUP BY i.id, i.loan_id, i.due_on, mv.due_on, i.principal_minor, i.interest_minor ORDER BY i.loan_id, ${DUE_SQL}`,
    { on },
  )
  const byLoan = new Map<number, typeof instalments>()
  for (const i of instalments) {
    const list = byLoan.get(i.loanId) ?? []
    list.push({ ...i, due: Number(i.due), paid: Number(i.paid), paidByDue: Number(i.paidByDue) })
    byLoan.set(i.loanId, list)
  }
  return loans.map((l) => {
    const list = byLoan.get(l.id) ?? []
    const late = list.filter((i) => i.dueOn < on && i.paid < i.due)
    const period = list.filter((i) => i.dueOn >= from)
    const principal = Number(l.principal)
    const outstanding = principal - Number(l.principalPaid)
    return {
      ...l,
      principal,
      principalPaid: Number(l.principalPaid),
      writtenOffPrincipal: Number(l.writtenOffPrincipal),
      recoveries: Number(l.recoveries),
      standing: {
        outstandingPrincipalMinor: outstanding,
        overdueMinor: late.reduce((s, i) => s + i.due - i.paid, 0),
        daysInArrears: daysInArrears(late[0]?.dueOn ?? null, on),
        writtenOff: l.writtenOffOn !== null,
      },
      weeksLate: late.length,
      fellDueInPeriod: period.reduce((s, i) => s + i.due, 0),
      paidByDueInPeriod: period.reduce((s, i) => s + Math.min(i.paidByDue, i.due), 0),
      dueToDate: list.reduce((s, i) => s + i.due, 0),
      collectedToDate: list.reduce((s, i) => s + Math.min(i.paid, i.due), 0),
    }
  })
}

const ratio = (n: number, d: number): Ratio => ({ numeratorMinor: n, denominatorMinor: d, ratio: d === 0 ? null : n / d })

function figures(level: PortfolioFigures['level'], id: number | null, label: PortfolioFigures['label'], parentId: number | null, loans: LoanLine[]): PortfolioFigures {
  const standings = loans.map((l) => l.standing)
  const active = loans.filter((l) => !l.standing.writtenOff && l.standing.outstandingPrincipalMinor > 0)
  const empty = (): BucketFigures => ({ loans: 0, outstandingMinor: 0 })
  const days = Object.fromEntries(DAY_BUCKETS.map((b) => [b, empty()])) as PortfolioFigures['days']
  const weeks = Object.fromEntries(WEEK_BUCKETS.map((b) => [b, empty()])) as PortfolioFigures['weeks']
  for (const l of active) {
    const d = days[dayBucket(l.standing.daysInArrears)]
    d.loans++
    d.outstandingMinor += l.standing.outstandingPrincipalMinor
    const w = weeks[weekBucket(l.weeksLate)]
    w.loans++
    w.outstandingMinor += l.standing.outstandingPrincipalMinor
  }
  return {
    level,
    id,
    label,
    parentId,
    activeLoans: active.length,
    borrowers: new Set(active.map((l) => l.personId)).size,
    outstandingMinor: active.reduce((s, l) => s + l.standing.outstandingPrincipalMinor, 0),
    days,
    weeks,
    par1: portfolioAtRisk(standings, 1),
    par30: portfolioAtRisk(standings, 30),
    arrears: arrearsRate(standings),
    onTime: ratio(loans.reduce((s, l) => s + l.paidByDueInPeriod, 0), loans.reduce((s, l) => s + l.fellDueInPeriod, 0)),
    collection: ratio(loans.reduce((s, l) => s + l.collectedToDate, 0), loans.reduce((s, l) => s + l.dueToDate, 0)),
    writtenOffMinor: loans.reduce((s, l) => s + l.writtenOffPrincipal, 0),
    recoveriesMinor: loans.reduce((s, l) => s + l.recoveries, 0),
  }
}

/** The period of the on-time rate when none is given: the twelve weeks up to the date. */
export async function portfolioQuality(ctx: ServiceContext, input: { on: string; from?: string }): Promise<Portfolio> {
  const from = input.from ?? addDays(input.on, -83)
  const loans = await loanLines(ctx, input.on, from)
  const rows: PortfolioFigures[] = [figures('total', null, null, null, loans)]
  const group = <K>(key: (l: LoanLine) => K) => groupBy(loans, key)
  for (const [branchId, list] of group((l) => l.branchId)) {
    rows.push(figures('area', branchId, { mn: list[0]!.mn, en: list[0]!.en }, null, list))
    for (const [lsgId, lsgLoans] of [...group((l) => l.lsgId)].filter(([, x]) => x[0]!.branchId === branchId).sort((a, b) => a[1][0]!.lsgCode.localeCompare(b[1][0]!.lsgCode))) {
      rows.push(figures('lsg', lsgId, { mn: lsgLoans[0]!.lsgCode, en: lsgLoans[0]!.lsgCode }, branchId, lsgLoans))
      for (const [ssgId, ssgLoans] of [...group((l) => l.ssgId)].filter(([, x]) => x[0]!.lsgId === lsgId).sort((a, b) => a[1][0]!.ssgCode.localeCompare(b[1][0]!.ssgCode))) {
        rows.push(figures('ssg', ssgId, { mn: ssgLoans[0]!.ssgCode, en: ssgLoans[0]!.ssgCode }, lsgId, ssgLoans))
      }
    }
  }
  const candidates: WriteOffCandidate[] = loans
    .filter((l) => !l.standing.writtenOff && l.standing.outstandingPrincipalMinor > 0 && l.standing.daysInArrears > WRITE_OFF_AFTER_DAYS)
    .sort((a, b) => b.standing.daysInArrears - a.standing.daysInArrears)
    .map((l) => ({ loanId: l.id, personId: l.personId, name: l.name, ssgCode: l.ssgCode, daysInArrears: l.standing.daysInArrears, outstandingMinor: l.standing.outstandingPrincipalMinor }))
  return { on: input.on, from, rows, candidates }
}

/** The month ends from `from` to `to` (the last one cut at `to`). */
function monthEnds(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]
  for (let k = 0; k < 240; k++) {
    const last = addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1)
    out.push(last > to ? to : last)
    if (last >= to) break
    ;[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1]
  }
  return out
}

/**
 * PAR30 and PAR1 at the last day of each month from `from` to `to`: the
 * loans, repayments and instalments (latest schedule) are read once, and each
 * month end's standings computed from them with the same rules as
 * portfolio.quality (a query per month was too slow on a server).
 */
export async function parSeries(ctx: ServiceContext, input: { from: string; to: string }): Promise<ParPoint[]> {
  const loans = await ctx.sql.all<{ id: number; principal: number; disbursedOn: string; writtenOffOn: string | null }>(
    `SELECT l.id, l.principal_minor AS principal, l.disbursed_on AS "disbursedOn", w.written_off_on AS "writtenOffOn"
     FROM loan l LEFT JOIN loan_write_off w ON w.loan_id = l.id WHERE l.disbursed_on <= :to`,
    input,
  )
  const repaid = await ctx.sql.all<{ loanId: number; on: string; n: number }>(
    `SELECT r.loan_id AS "loanId", r.paid_on AS "on", sum(r.principal_minor) AS n FROM loan_repayment r JOIN loan l ON l.id = r.loan_id
     WHERE l.disbursed_on <= :to AND r.paid_on <= :to GROUP BY r.loan_id, r.paid_on`,
    input,
  )
  const latest = `i.schedule_no = (SELECT max(x.schedule_no) FROM loan_instalment x WHERE x.loan_id = i.loan_id)`
  const instalments = await ctx.sql.all<{ id: number; loanId: number; dueOn: string; due: number }>(
    `SELECT i.id, i.loan_id AS "loanId", ${DUE_SQL} AS "dueOn", i.principal_minor + i.interest_minor AS due FROM loan_instalment i JOIN loan l ON l.id = i.loan_id ${DUE_JOIN}
     WHERE l.disbursed_on <= :to AND ${DUE_SQL} < :to AND ${latest} ORDER BY i.loan_id, ${DUE_SQL}`,
    input,
  )
  const paid = await ctx.sql.all<{ instalmentId: number; on: string; n: number }>(
    `SELECT a.instalment_id AS "instalmentId", r.paid_on AS "on", sum(a.principal_minor + a.interest_minor) AS n
     FROM loan_allocation a JOIN loan_repayment r ON r.id = a.repayment_id JOIN loan_instalment i ON i.id = a.instalment_id JOIN loan l ON l.id = i.loan_id ${DUE_JOIN}
     WHERE l.disbursed_on <= :to AND ${DUE_SQL} < :to AND r.paid_on <= :to AND ${latest} GROUP BY a.instalment_id, r.paid_on`,
    input,
  )
  const repaidOf = groupBy(repaid, (r) => r.loanId)
  const instalmentsOf = groupBy(instalments, (i) => i.loanId)
  const paidOf = groupBy(paid, (p) => p.instalmentId)
  const sumTo = (rows: Array<{ on: string; n: number }> | undefined, on: string) => (rows ?? []).reduce((s, r) => (r.on <= on ? s + Number(r.n) : s), 0)
  return monthEnds(input.from, input.to).map((on) => {
    const standings: LoanStanding[] = loans
      .filter((l) => l.disbursedOn <= on)
      .map((l) => {
        const late = (instalmentsOf.get(l.id) ?? []).filter((i) => i.dueOn < on && sumTo(paidOf.get(i.id), on) < Number(i.due))
        return {
          outstandingPrincipalMinor: Number(l.principal) - sumTo(repaidOf.get(l.id), on),
          overdueMinor: late.reduce((s, i) => s + Number(i.due) - sumTo(paidOf.get(i.id), on), 0),
          daysInArrears: daysInArrears(late[0]?.dueOn ?? null, on),
          writtenOff: l.writtenOffOn !== null && l.writtenOffOn <= on,
        }
      })
    const par30 = portfolioAtRisk(standings, 30)
    return { on, par30: par30.ratio, par1: portfolioAtRisk(standings, 1).ratio, outstandingMinor: par30.denominatorMinor }
  })
}
