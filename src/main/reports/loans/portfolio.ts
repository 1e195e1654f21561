import type { Lang } from '../../../shared/i18n'
import { addDays, formatDateMn } from '../../../shared/domain/dates'
import { DAY_BUCKETS, WEEK_BUCKETS, type Ratio } from '../../../shared/domain/portfolio'
import type { ServiceContext } from '../../services/context'
import { parSeries, portfolioQuality } from '../../services/loans/portfolio'
import { translator, writerLabels } from '../common'
import type { CellValue, ReportModel, ReportSection } from '../model'
import type { BucketFigures } from '../../../shared/api/portfolioTypes'

/*
 * `spn report portfolio --date D`: the portfolio page as a file. Every figure
 * comes from the same read model as the page (portfolio.quality and
 * portfolio.parSeries), so the two cannot disagree.
 */

const pct = (r: Ratio): CellValue => r.ratio

export async function portfolioReport(ctx: ServiceContext, input: { date: string; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(input.lang)
  const name = (n: { mn: string; en: string } | null) => (n ? (input.lang === 'mn' ? n.mn : n.en) : t('report.total'))
  const p = await portfolioQuality(ctx, { on: input.date })
  const total = p.rows.find((r) => r.level === 'total')!
  const levelName = { total: t('report.total'), area: t('g.area'), lsg: t('g.lsg'), ssg: t('g.ssg') }
  const groupRows = p.rows.map((r) => ({
    level: levelName[r.level],
    group: name(r.label),
    loans: r.activeLoans,
    borrowers: r.borrowers,
    outstanding: r.outstandingMinor,
    par1: pct(r.par1),
    par30: pct(r.par30),
    par30Minor: r.par30.numeratorMinor,
    arrears: pct(r.arrears),
    onTime: pct(r.onTime),
    collection: pct(r.collection),
    writtenOff: r.writtenOffMinor,
    recoveries: r.recoveriesMinor,
  }))
  const share = (n: number) => (total.outstandingMinor ? n / total.outstandingMinor : null)
  // An ageing table (in days or in weeks): each bucket's loans, their balance and its share of the portfolio.
  const ageing = (title: string, sheetName: string, buckets: Array<[string, BucketFigures]>): ReportSection => ({
    title,
    sheetName,
    table: {
      columns: [
        { key: 'bucket', label: t('rl.bucket'), type: 'text' },
        { key: 'loans', label: t('pf.activeLoans'), type: 'int' },
        { key: 'outstanding', label: t('pf.outstanding'), type: 'mnt' },
        { key: 'share', label: t('rl.share'), type: 'percent' },
      ],
      rows: buckets.map(([bucket, f]) => ({ bucket, loans: f.loans, outstanding: f.outstandingMinor, share: share(f.outstandingMinor) })),
      total: { label: t('report.total'), keys: ['loans', 'outstanding'] },
    },
  })
  const series = await parSeries(ctx, { from: addDays(input.date, -365), to: input.date })
  return {
    report: 'portfolio',
    lang: input.lang,
    title: t('pf.title'),
    organisation: t('report.organisation'),
    period: { from: input.date, to: input.date, label: formatDateMn(input.date) },
    generatedAt: input.generatedAt,
    summary: [
      { label: t('pf.activeLoans'), value: total.activeLoans, type: 'int' },
      { label: t('pf.borrowers'), value: total.borrowers, type: 'int' },
      { label: t('pf.outstanding'), value: total.outstandingMinor, type: 'mnt' },
      { label: 'PAR1', value: pct(total.par1), type: 'percent' },
      { label: 'PAR30', value: pct(total.par30), type: 'percent' },
      { label: t('pf.arrears'), value: pct(total.arrears), type: 'percent' },
      { label: t('pf.onTime', { from: formatDateMn(p.from) }), value: pct(total.onTime), type: 'percent' },
      { label: t('pf.collection'), value: pct(total.collection), type: 'percent' },
      { label: t('pf.writtenOff'), value: total.writtenOffMinor, type: 'mnt' },
      { label: t('pf.recoveries'), value: total.recoveriesMinor, type: 'mnt' },
      { label: t('pf.candidates'), value: p.candidates.length, type: 'int' },
    ],
    sections: [
      {
        title: t('pf.byGroup'),
        sheetName: t('pf.group'),
        table: {
          columns: [
            { key: 'level', label: t('rl.level'), type: 'text' },
            { key: 'group', label: t('pf.group'), type: 'text' },
            { key: 'loans', label: t('pf.activeLoans'), type: 'int' },
            { key: 'borrowers', label: t('pf.borrowers'), type: 'int' },
            { key: 'outstanding', label: t('pf.outstanding'), type: 'mnt' },
            { key: 'par1', label: 'PAR1', type: 'percent' },
            { key: 'par30', label: 'PAR30', type: 'percent' },
            { key: 'par30Minor', label: t('rl.par30Balance'), type: 'mnt' },
            { key: 'arrears', label: t('pf.arrears'), type: 'percent' },
            { key: 'onTime', label: t('pf.onTimeShort'), type: 'percent' },
            { key: 'collection', label: t('pf.collection'), type: 'percent' },
            { key: 'writtenOff', label: t('pf.writtenOff'), type: 'mnt' },
            { key: 'recoveries', label: t('pf.recoveries'), type: 'mnt' },
          ],
          rows: groupRows,
        },
        notes: [t('pf.help')],
      },
      ageing(t('pf.ageingDays'), t('pf.ageingDays'), DAY_BUCKETS.map((b) => [b === 'current' ? t('pf.current') : t('pf.daysBucket', { b }), total.days[b]])),
      ageing(t('pf.ageingWeeks'), t('rl.ageingWeeksSheet'), WEEK_BUCKETS.map((b) => [b === 'current' ? t('pf.current') : t('pf.weeksBucket', { b }), total.weeks[b]])),
      {
        title: t('pf.candidates'),
        sheetName: t('rl.candidatesSheet'),
        table: {
          columns: [
            { key: 'loan', label: t('rl.loanNo'), type: 'int' },
            { key: 'name', label: t('sheet.col.name'), type: 'text' },
            { key: 'ssg', label: t('g.ssg'), type: 'text' },
            { key: 'days', label: t('rl.daysLate'), type: 'int' },
            { key: 'outstanding', label: t('pf.outstanding'), type: 'mnt' },
          ],
          rows: p.candidates.map((c) => ({ loan: c.loanId, name: c.name, ssg: c.ssgCode, days: c.daysInArrears, outstanding: c.outstandingMinor })),
          total: { label: t('report.total'), keys: ['outstanding'] },
        },
        notes: p.candidates.length ? [] : [t('pf.noCandidates')],
      },
      {
        title: t('pf.par30Chart'),
        sheetName: 'PAR30',
        table: {
          columns: [
            { key: 'on', label: t('sheet.col.date'), type: 'date' },
            { key: 'outstanding', label: t('pf.outstanding'), type: 'mnt' },
            { key: 'par1', label: 'PAR1', type: 'percent' },
            { key: 'par30', label: 'PAR30', type: 'percent' },
          ],
          rows: series.map((s) => ({ on: s.on, outstanding: s.outstandingMinor, par1: s.par1, par30: s.par30 })),
        },
      },
    ],
    notes: [],
    rates: [],
    labels: writerLabels(t),
  }
}
