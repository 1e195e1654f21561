import type { Lang } from '../../shared/i18n'
import { formatDateMn } from '../../shared/domain/dates'
import type { ServiceContext } from '../services/context'
import { feesOverview, memberFees } from '../services/fees'
import { translator, writerLabels } from './common'
import type { ReportModel } from './model'
import { correctionNotes } from './corrections'

/** The fees report of a year, built from the same service figures the Fees page shows. */
export async function feesReport(ctx: ServiceContext, opts: { year: number; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(opts.lang)
  const name = (n: { mn: string; en: string }) => (opts.lang === 'mn' ? n.mn : n.en)
  const o = await feesOverview(ctx, opts.year)
  const arrears = await memberFees(ctx, { year: opts.year, onlyArrears: true, page: 1, pageSize: 1e6 })
  const central = o.centralFee
  const noQuorum = o.branches.filter((b) => b.localFee && !b.localFee.quorumMet).map((b) => name(b.branchName))
  if (central && !central.quorumMet) noQuorum.unshift(t('board.central'))
  const money = (key: string, label: Parameters<typeof t>[0]) => ({ key, label: t(label), type: 'mnt' as const })
  const int = (key: string, label: Parameters<typeof t>[0]) => ({ key, label: t(label), type: 'int' as const })
  return {
    report: 'fees',
    lang: opts.lang,
    title: t('report.fees.title'),
    organisation: t('report.organisation'),
    period: { from: `${opts.year}-01-01`, to: `${opts.year}-12-31`, label: String(opts.year) },
    generatedAt: opts.generatedAt,
    summary: [
      ...(central ? [{ label: t('report.sum.centralRate'), value: central.amountMinor, type: 'mnt' as const }] : []),
      { label: t('report.sum.localDue'), value: o.totals.dueMinor, type: 'mnt' },
      { label: t('report.sum.localPaid'), value: o.totals.paidMinor, type: 'mnt' },
      { label: t('report.sum.localArrears'), value: o.totals.arrearsMinor, type: 'mnt' },
      { label: t('report.sum.centralDue'), value: o.totals.centralDueMinor, type: 'mnt' },
      { label: t('report.sum.centralPaid'), value: o.totals.centralPaidMinor, type: 'mnt' },
    ],
    sections: [
      {
        title: t('report.fees.byBranch'),
        sheetName: t('report.fees.byBranchSheet'),
        table: {
          columns: [
            { key: 'branch', label: t('report.col.branch'), type: 'text' },
            money('fee', 'report.col.localFee'),
            int('liable', 'report.col.liable'),
            money('due', 'report.col.due'),
            money('paid', 'report.col.paid'),
            money('arrears', 'report.col.arrears'),
            int('inArrears', 'report.col.inArrears'),
          ],
          rows: o.branches.map((b) => ({
            branch: name(b.branchName),
            fee: b.localFee?.amountMinor ?? null,
            liable: b.liable,
            due: b.dueMinor,
            paid: b.paidMinor,
            arrears: b.arrearsMinor,
            inArrears: b.membersInArrears,
          })),
          total: { label: t('report.total'), keys: ['liable', 'due', 'paid', 'arrears', 'inArrears'] },
        },
      },
      {
        title: t('report.fees.central'),
        sheetName: t('report.fees.centralSheet'),
        description: central ? t('report.fees.centralDesc', { date: formatDateMn(central.referenceDate!) }) : t('report.fees.noCentral'),
        table: {
          columns: [
            { key: 'branch', label: t('report.col.branch'), type: 'text' },
            int('active', 'report.col.activeOnRef'),
            money('rate', 'report.col.rate'),
            money('byRate', 'report.col.byRate'),
            { key: 'minimum', label: t('report.col.minimumApplied'), type: 'text' },
            money('due', 'report.col.due'),
            money('paid', 'report.col.paid'),
            money('arrears', 'report.col.arrears'),
          ],
          rows: o.branches
            .filter((b) => b.central)
            .map((b) => ({
              branch: name(b.branchName),
              active: b.central!.activeOnReference,
              rate: b.central!.rateMinor,
              byRate: b.central!.byRateMinor,
              minimum: b.central!.minimumApplied ? t('report.yes') : '',
              due: b.central!.dueMinor,
              paid: b.central!.paidMinor,
              arrears: b.central!.arrearsMinor,
            })),
          total: { label: t('report.total'), keys: ['active', 'byRate', 'due', 'paid', 'arrears'] },
        },
      },
      {
        title: t('report.fees.arrears'),
        sheetName: t('report.fees.arrearsSheet'),
        table: {
          columns: [
            { key: 'member', label: t('report.col.member'), type: 'text' },
            { key: 'branch', label: t('report.col.branch'), type: 'text' },
            money('due', 'report.col.due'),
            money('paid', 'report.col.paid'),
            money('arrears', 'report.col.arrears'),
          ],
          rows: arrears.rows.map((r) => ({ member: r.memberName, branch: name(r.branchName), due: r.dueMinor, paid: r.paidMinor, arrears: r.arrearsMinor })),
          total: { label: t('report.total'), keys: ['due', 'paid', 'arrears'] },
        },
        notes: arrears.total ? [] : [t('fee.allPaid')],
      },
    ],
    notes: [t('report.fees.note1'), ...(noQuorum.length ? [t('report.fees.noQuorum', { bodies: noQuorum.join(', ') })] : []), ...(await correctionNotes(ctx, opts.year, t, opts.lang, 'fee_decision'))],
    rates: [],
    labels: writerLabels(t),
  }
}
