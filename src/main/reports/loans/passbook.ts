import type { Lang } from '../../../shared/i18n'
import { DomainError } from '../../../shared/domain/result'
import { formatDateMn, todayIso } from '../../../shared/domain/dates'
import { rateText } from '../../../shared/domain/loans'
import { formatMnt as fmt } from '../../../shared/domain/money'
import type { ServiceContext } from '../../services/context'
import { PERSON_SHORT_NAME_SQL } from '../../services/names.sql'
import { personSavings } from '../../services/savings/savings'
import { loanDetail, loansOfPerson } from '../../services/loans/loans'
import { translator, writerLabels, type T } from '../common'
import type { ReportModel, ReportSection } from '../model'

/*
 * `spn report passbook --person REGISTER_NUMBER_OR_ID`: a member's savings
 * and loans statement (DOMAIN.md), from the same read models as her page:
 * every savings entry with the balance after it, and per loan its schedule
 * and repayments.
 */

async function findPerson(ctx: ServiceContext, ref: string): Promise<{ id: number; name: string; registerNumber: string | null }> {
  const byNumber = /^\d+$/.test(ref)
  const p = await ctx.sql.one<{ id: number; name: string; registerNumber: string | null }>(
    `SELECT p.id, ${PERSON_SHORT_NAME_SQL} AS name, p.register_number AS "registerNumber" FROM person p WHERE ${byNumber ? 'p.id = :id' : 'upper(p.register_number) = :number'}`,
    byNumber ? { id: Number(ref) } : { number: ref.toLocaleUpperCase('mn') },
  )
  if (!p) throw new DomainError('not_found', `No person with the register number or id ${ref}`, 'person', { key: 'r.noPersonRef', vars: { ref } })
  return p
}

const kindLabel = (t: T, kind: string) => t(`sav.kind.${kind}` as Parameters<T>[0])

export async function passbookReport(ctx: ServiceContext, input: { person: string; date?: string; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(input.lang)
  const person = await findPerson(ctx, input.person)
  const on = input.date ?? todayIso(ctx.now)
  const savings = await personSavings(ctx, { personId: person.id, on })
  const loans = (await loansOfPerson(ctx, person.id)).filter((l) => l.disbursedOn <= on)
  const sections: ReportSection[] = [
    {
      title: t('rl.savingsStatement'),
      sheetName: t('rl.savingsSheet'),
      table: {
        columns: [
          { key: 'on', label: t('sheet.col.date'), type: 'date' },
          { key: 'account', label: t('rl.account'), type: 'text' },
          { key: 'kind', label: t('rl.entry'), type: 'text' },
          { key: 'ssg', label: t('g.ssg'), type: 'text' },
          { key: 'in', label: t('rl.in'), type: 'mnt' },
          { key: 'out', label: t('rl.out'), type: 'mnt' },
          { key: 'balance', label: t('fund.balance'), type: 'mnt' },
          { key: 'note', label: t('rl.note'), type: 'text' },
        ],
        rows: savings.entries
          .filter((e) => e.entryOn <= on)
          .map((e) => ({
            on: e.entryOn,
            account: t(`sav.${e.account}`),
            kind: kindLabel(t, e.kind),
            ssg: e.ssgCode,
            in: e.amountMinor > 0 ? e.amountMinor : null,
            out: e.amountMinor < 0 ? -e.amountMinor : null,
            balance: e.balanceAfterMinor,
            note: e.reason ?? e.receipt,
          })),
        total: { label: t('report.total'), keys: ['in', 'out'] },
      },
      notes: [t('rl.savingsBalances', { compulsory: fmt(savings.balances.compulsory), voluntary: fmt(savings.balances.voluntary), arrears: fmt(savings.compulsory.arrearsMinor) })],
    },
    {
      title: t('rl.loans'),
      sheetName: t('rl.loans'),
      table: {
        columns: [
          { key: 'loan', label: t('rl.loanNo'), type: 'int' },
          { key: 'cycle', label: t('rl.cycle'), type: 'int' },
          { key: 'disbursed', label: t('rl.disbursedOn'), type: 'date' },
          { key: 'principal', label: t('rl.principal'), type: 'mnt' },
          { key: 'terms', label: t('rl.terms'), type: 'text' },
          { key: 'status', label: t('rl.status'), type: 'text' },
          { key: 'outstanding', label: t('pf.outstanding'), type: 'mnt' },
          { key: 'overdue', label: t('sheet.col.overdue'), type: 'mnt' },
          { key: 'days', label: t('rl.daysLate'), type: 'int' },
        ],
        rows: [],
      },
    },
  ]
  let outstanding = 0
  for (const row of loans) {
    const d = await loanDetail(ctx, row.id, on)
    const l = d.loan
    outstanding += l.outstandingPrincipalMinor
    sections[1].table.rows.push({
      loan: l.id,
      cycle: l.cycle,
      disbursed: l.disbursedOn,
      principal: l.principalMinor,
      terms: t('rl.termsText', { n: l.instalments, rate: rateText(l.monthlyRateMicro), method: t(`loan.method.${l.method}` as Parameters<T>[0]) }),
      status: t(`loan.status.${l.status}` as Parameters<T>[0]),
      outstanding: l.outstandingPrincipalMinor,
      overdue: l.overdueMinor,
      days: l.daysInArrears,
    })
    sections.push({
      title: t('rl.loanTitle', { id: l.id, date: formatDateMn(l.disbursedOn) }),
      sheetName: t('rl.loanSheet', { id: l.id }),
      description: t('rl.scheduleHelp'),
      table: {
        columns: [
          { key: 'n', label: '№', type: 'int' },
          { key: 'due', label: t('rl.dueOn'), type: 'date' },
          { key: 'principal', label: t('rl.principal'), type: 'mnt' },
          { key: 'interest', label: t('rl.interest'), type: 'mnt' },
          { key: 'total', label: t('rl.instalment'), type: 'mnt' },
          { key: 'paid', label: t('rl.paid'), type: 'mnt' },
          { key: 'paidOn', label: t('rl.paidOn'), type: 'date' },
        ],
        rows: d.schedule.map((i) => ({
          n: i.n,
          due: i.dueOn,
          principal: i.principalMinor,
          interest: i.interestMinor,
          total: i.principalMinor + i.interestMinor,
          paid: i.paidPrincipalMinor + i.paidInterestMinor,
          paidOn: i.paidOn,
        })),
        total: { label: t('report.total'), keys: ['principal', 'interest', 'total', 'paid'] },
      },
      notes: [
        ...d.repayments.filter((r) => r.paidOn <= on).map((r) =>
          t('rl.repaymentLine', { date: formatDateMn(r.paidOn), amount: fmt(r.amountMinor), fines: fmt(r.finesMinor), interest: fmt(r.interestMinor), principal: fmt(r.principalMinor) }) + (r.reversesId ? ` (${t('rl.reversal')}: ${r.reason ?? ''})` : ''),
        ),
        ...d.fines.filter((f) => f.imposedOn <= on).map((f) => t('rl.fineLine', { date: formatDateMn(f.imposedOn), amount: fmt(f.amountMinor), reason: f.reason })),
        ...(d.writtenOff ? [t('rl.writtenOffLine', { date: formatDateMn(d.writtenOff.on), amount: fmt(d.writtenOff.principalMinor), reason: d.writtenOff.reason })] : []),
        ...d.reschedules.map((r) => t('loan.rescheduledLine', { date: formatDateMn(r.on), reason: r.reason })),
      ],
    })
  }
  if (!loans.length) sections[1].notes = [t('rl.noLoans')]
  return {
    report: 'passbook',
    lang: input.lang,
    title: `${t('rl.passbookTitle')}: ${person.name}`,
    organisation: t('report.organisation'),
    period: { from: on, to: on, label: formatDateMn(on) },
    generatedAt: input.generatedAt,
    summary: [
      { label: t('sheet.col.name'), value: person.name, type: 'text' },
      { label: t('sheet.col.register'), value: person.registerNumber ?? '—', type: 'text' },
      { label: t('g.ssg'), value: savings.ssg ? `${savings.ssg.code} ${savings.ssg.name}` : '—', type: 'text' },
      { label: t('sav.compulsory'), value: savings.balances.compulsory, type: 'mnt' },
      { label: t('sav.voluntary'), value: savings.balances.voluntary, type: 'mnt' },
      { label: t('rl.savingsArrears'), value: savings.compulsory.arrearsMinor, type: 'mnt' },
      { label: t('rl.loans'), value: loans.length, type: 'int' },
      { label: t('pf.outstanding'), value: outstanding, type: 'mnt' },
    ],
    sections,
    notes: [],
    rates: [],
    labels: writerLabels(t),
  }
}
