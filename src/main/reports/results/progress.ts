import type { Lang } from '../../../shared/i18n'
import { formatDateMn } from '../../../shared/domain/dates'
import { formatDkkAmount, formatNumber } from '../../../shared/domain/money'
import { MEASURE_UNITS, NARRATIVE_SECTIONS, type Indicator, type IndicatorYear } from '../../../shared/api/resultsTypes'
import type { ServiceContext } from '../../services/context'
import { budgetVsActual, periodOf } from '../../services/finance/budgetVsActual'
import { listTransfers } from '../../services/finance/transfers'
import { resultsFramework } from '../../services/results/framework'
import { narratives } from '../../services/results/narratives'
import { activityOutputs } from '../../services/results/activityOutputs'
import { bvaSection, checkYear, periodLabelOf, project } from '../finance'
import { translator, writerLabels } from '../common'
import type { CellValue, ReportChart, ReportModel, ReportSection } from '../model'

/*
 * `spn report progress --project-year N` — the donor's annual progress
 * report — and without a project year the completion report over the whole
 * project: the texts entered for it (summary, challenges, lessons learned);
 * each indicator's baseline, target, the year's figure, the cumulative one,
 * the share achieved and the comment, with charts of the outcome indicators
 * against their targets; the activities against plan (each activity sub-line:
 * events and participants, budget against actual); and budget against actual
 * by main line, in total and for each funding source apart — the financial
 * report's own figures (the same read model).
 */
export async function progressReport(ctx: ServiceContext, opts: { lang: Lang; generatedAt: string; projectYear: number | null; projectId?: number }): Promise<ReportModel> {
  const t = translator(opts.lang)
  const p = await project(ctx, opts.projectId)
  checkYear(p, opts.projectYear)
  const local = (n: { mn: string; en: string }) => (opts.lang === 'mn' ? n.mn : n.en)
  const framework = await resultsFramework(ctx, { projectId: p.id })
  // A project without a budget yet still reports its results; its finance sections say so.
  const hasBudget = Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM budget_version WHERE project_id = :id`, { id: p.id })) > 0
  const bva = hasBudget ? await budgetVsActual(ctx, { projectId: p.id, projectYear: opts.projectYear }) : null
  const { from, to } = bva ?? periodOf(p, opts.projectYear)
  // The year reported on; for the completion report the last year begun, its figures cumulative.
  const year = opts.projectYear ?? framework.columns[framework.columns.length - 1]?.projectYear ?? 1
  const at = (i: Indicator): IndicatorYear | undefined => i.years.find((y) => y.projectYear === year)
  const unit = (i: Indicator) => (i.unit === 'percent' ? '%' : i.measure && MEASURE_UNITS[i.measure] === 'mnt' ? '₮' : i.measure && MEASURE_UNITS[i.measure] === 'dkk' ? 'DKK' : '')
  const texts = await narratives(ctx, { projectId: p.id, projectYear: opts.projectYear ?? 0 })
  const indicatorRows = framework.indicators.map((i): Record<string, CellValue> => {
    const y = at(i)
    return {
      code: i.code,
      level: t(`res.level.${i.level}`),
      name: local(i.name),
      unit: unit(i),
      baseline: i.baseline.value,
      target: y?.target ?? null,
      actual: opts.projectYear === null ? null : (y?.actual ?? null),
      cumulative: y?.cumulative ?? null,
      achieved: y?.achieved ?? null,
      comment: y?.entered?.comment ?? null,
    }
  })
  const charted = framework.indicators.filter((i) => i.level === 'outcome' && i.years.some((y) => y.target !== null))
  // Each outcome over the years up to the one reported on.
  const charts: ReportChart[] = charted.map((i) => {
    const years = i.years.filter((y) => y.projectYear <= year)
    return {
      title: `${i.code} ${local(i.name)}`,
      categories: years.map((y) => t('res.yearShort', { n: y.projectYear })),
      series: [
        { label: t('res.actual'), values: years.map((y) => (i.cumulative ? y.cumulative : y.actual)) },
        { label: t('res.target'), values: years.map((y) => y.target) },
      ],
      unit: unit(i),
    }
  })
  const onTrack = framework.indicators.filter((i) => (at(i)?.achieved ?? 0) >= 100).length

  // Activities against plan: each sub-line of the activities main line with the activities charged to it.
  const outputs = await activityOutputs(ctx, { from, to, projectId: p.id })
  const eventsByLine = new Map<number, { events: number; participants: number }>()
  const lineOf = new Map(
    (await ctx.sql.all<{ id: number; line: number | null }>(`SELECT id, budget_line_id AS line FROM activity WHERE project_id = :projectId AND starts_on BETWEEN :from AND :to`, { projectId: p.id, from, to })).map((a) => [a.id, a.line]),
  )
  for (const a of outputs.activities) {
    const line = lineOf.get(a.id)
    if (line === null || line === undefined) continue
    const e = eventsByLine.get(line) ?? { events: 0, participants: 0 }
    eventsByLine.set(line, { events: e.events + 1, participants: e.participants + a.participants })
  }
  const activityLines = (bva?.rows ?? []).filter((r) => !r.isMain && r.mainCode === '1')
  const sections: ReportSection[] = [
    {
      title: t('rp.narrative'),
      sheetName: t('rp.narrativeSheet'),
      table: {
        columns: [
          { key: 'section', label: t('rp.section'), type: 'text', width: 110 },
          { key: 'text', label: t('rp.text'), type: 'text' },
        ],
        rows: NARRATIVE_SECTIONS.map((s) => ({ section: t(`rp.${s}`), text: texts[s]?.text ?? t('rp.notWritten') })),
      },
    },
    {
      title: opts.projectYear === null ? t('rp.resultsWhole') : t('rp.resultsYear', { n: year }),
      sheetName: t('rp.resultsSheet'),
      description: t('rp.resultsHelp'),
      table: {
        columns: [
          { key: 'code', label: t('res.code'), type: 'text', width: 34 },
          { key: 'level', label: t('res.levelLabel'), type: 'text', width: 48 },
          { key: 'name', label: t('res.indicator'), type: 'text' },
          { key: 'unit', label: t('res.unit'), type: 'text', width: 30 },
          { key: 'baseline', label: t('res.baseline'), type: 'decimal' },
          { key: 'target', label: t('res.target'), type: 'decimal' },
          ...(opts.projectYear === null ? [] : [{ key: 'actual', label: t('res.yearFigure'), type: 'decimal' as const }]),
          { key: 'cumulative', label: t('res.cumulativeFigure'), type: 'decimal' },
          { key: 'achieved', label: t('rp.achievedPct'), type: 'decimal' },
          { key: 'comment', label: t('res.comment'), type: 'text' },
        ],
        rows: indicatorRows,
      },
      charts,
    },
    {
      title: t('rp.disaggregation'),
      sheetName: t('rp.disaggregationSheet'),
      description: t('rp.disaggregationHelp'),
      table: {
        columns: [
          { key: 'code', label: t('res.code'), type: 'text', width: 34 },
          { key: 'dimension', label: t('res.disaggregation'), type: 'text' },
          { key: 'group', label: t('rp.group'), type: 'text' },
          { key: 'value', label: t('rp.value'), type: 'int' },
        ],
        rows: framework.indicators.flatMap((i) =>
          i.disaggregation.flatMap((d) =>
            (at(i)?.figure?.breakdown?.[d] ?? []).map((x) => ({ code: i.code, dimension: t(`res.dis.${d}`), group: 'key' in x.label ? t(x.label.key as 'res.part.women') : local(x.label.name), value: x.value })),
          ),
        ),
      },
      notes: framework.indicators.some((i) => i.disaggregation.some((d) => at(i)?.figure?.breakdown?.[d]?.length)) ? [] : [t('report.none')],
    },
    {
      title: t('rp.activities'),
      sheetName: t('rp.activitiesSheet'),
      description: t('rp.activitiesHelp'),
      table: {
        columns: [
          { key: 'line', label: t('report.col.line'), type: 'text' },
          { key: 'events', label: t('ra.events'), type: 'int' },
          { key: 'participants', label: t('ra.participations'), type: 'int' },
          { key: 'revised', label: t('report.col.revised'), type: 'dkk' },
          { key: 'actualDkk', label: t('report.col.actualDkk'), type: 'dkk' },
          { key: 'variance', label: t('report.col.variance'), type: 'dkk' },
        ],
        rows: activityLines.map((r) => ({
          line: `${r.code} ${local(r.name)}`,
          events: eventsByLine.get(r.lineId!)?.events ?? 0,
          participants: eventsByLine.get(r.lineId!)?.participants ?? 0,
          revised: r.revisedMinor,
          actualDkk: r.actualDkkMinor,
          variance: r.varianceMinor,
        })),
        total: { label: t('report.total'), keys: ['events', 'participants', 'revised', 'actualDkk', 'variance'] },
      },
    },
  ]
  if (bva) sections.push(bvaSection(t, opts.lang, t('rp.budget'), t('rp.budgetSheet'), bva.rows.filter((r) => r.isMain), false))
  for (const s of bva ? p.sources : []) {
    const bySource = await budgetVsActual(ctx, { projectId: p.id, projectYear: opts.projectYear, sourceId: s.id })
    if (bySource.totals.revisedMinor === 0 && bySource.totals.actualDkkMinor === 0) continue
    sections.push(bvaSection(t, opts.lang, t('report.fin.bySource', { source: local(s.name) }), s.code, bySource.rows.filter((r) => r.isMain), false))
  }
  const transfers = (await listTransfers(ctx, p.id)).filter((tr) => tr.receivedOn <= to)
  return {
    report: 'progress',
    lang: opts.lang,
    title: `${opts.projectYear === null ? t('rp.completionTitle') : t('rp.title')}: ${p.name[opts.lang]}`,
    organisation: t('report.organisation'),
    period: { from, to, label: periodLabelOf(t, opts.projectYear, from, to) },
    generatedAt: opts.generatedAt,
    summary: [
      { label: t('rp.indicators'), value: framework.indicators.length, type: 'int' },
      { label: t('rp.onTrack'), value: onTrack, type: 'int' },
      { label: t('ra.events'), value: outputs.total.events, type: 'int' },
      { label: t('ra.unique'), value: outputs.total.unique.total, type: 'int' },
      ...(bva
        ? [
            { label: t('report.sum.revised'), value: bva.totals.revisedMinor, type: 'dkk' as const },
            { label: t('report.sum.actualDkk'), value: bva.totals.actualDkkMinor, type: 'dkk' as const },
          ]
        : []),
    ],
    sections,
    notes: [
      ...(bva
        ? [
            t('report.fin.note2', { approved: bva.approvedVersion.number, approvedOn: formatDateMn(bva.approvedVersion.approvedOn), revised: bva.revisedVersion.number, revisedOn: formatDateMn(bva.revisedVersion.approvedOn) }),
            t('rp.noteFigures'),
          ]
        : [t('rp.noBudget')]),
    ],
    rates: transfers.map((tr) => ({ label: t('report.fin.rate', { date: formatDateMn(tr.receivedOn), dkk: formatDkkAmount(tr.dkkMinor), mnt: formatNumber(Math.round(tr.mntMinor / 100)) }), rate: tr.rate })),
    labels: writerLabels(t),
  }
}
