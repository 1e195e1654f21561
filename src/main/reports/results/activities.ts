import type { Lang } from '../../../shared/i18n'
import { formatNumber } from '../../../shared/i18n'
import { formatDateMn } from '../../../shared/domain/dates'
import { formatDkkAmount } from '../../../shared/domain/money'
import { rateString } from '../../../shared/domain/finance'
import type { ServiceContext } from '../../services/context'
import { activityOutputs } from '../../services/results/activityOutputs'
import { periodLabel, translator, writerLabels } from '../common'
import type { CellValue, ReportColumn, ReportModel } from '../model'

/*
 * `spn report activities --from D --to D` (or `--year Y`): the activities
 * begun in the period — events by type and area, participants (events and
 * unique persons) by sex and area, and cost per participant in ₮ and DKK from
 * the vouchers linked to each activity. The figures are activityOutputs',
 * the ones the results framework reads.
 */
export async function activitiesReport(ctx: ServiceContext, input: { from: string; to: string; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(input.lang)
  const o = await activityOutputs(ctx, input)
  const local = (n: { mn: string; en: string }) => (input.lang === 'mn' ? n.mn : n.en)
  const areaName = new Map(o.areas.map((a) => [a.id, local(a.name)]))
  const per = (minor: number, n: number) => (n ? Math.round(minor / n) : null)
  const typeName = (type: string) => t(`act.type.${type}` as never)
  const areaColumns: ReportColumn[] = o.areas.map((a) => ({ key: `a${a.id}`, label: local(a.name), type: 'int' }))
  const sources = o.sources.length
    ? await ctx.sql.all<{ id: number; on: string; mnt: number; dkk: number; interest: number }>(
        `SELECT id, received_on AS "on", mnt_minor AS mnt, dkk_minor AS dkk, 0 AS interest FROM transfer WHERE id IN (:ids)
         UNION ALL SELECT -id, entry_on, mnt_minor, dkk_minor, 1 FROM fund_entry WHERE -id IN (:ids) ORDER BY 2, 1`,
        { ids: o.sources },
      )
    : []
  const total = o.total
  return {
    report: 'activities',
    lang: input.lang,
    title: t('ra.title'),
    organisation: t('report.organisation'),
    period: { from: input.from, to: input.to, label: periodLabel(input.from, input.to) },
    generatedAt: input.generatedAt,
    summary: [
      { label: t('ra.events'), value: total.events, type: 'int' },
      { label: t('ra.participations'), value: total.participations, type: 'int' },
      { label: t('ra.unique'), value: total.unique.total, type: 'int' },
      { label: t('ra.uniqueWomen'), value: total.unique.female, type: 'int' },
      { label: t('ra.costMnt'), value: total.cost.mntMinor, type: 'mnt' },
      { label: t('ra.costDkk'), value: total.cost.dkkMinor, type: 'dkk' },
      { label: t('ra.perParticipantMnt'), value: per(total.cost.mntMinor, total.participations), type: 'mnt' },
      { label: t('ra.perParticipantDkk'), value: per(total.cost.dkkMinor, total.participations), type: 'dkk' },
    ],
    sections: [
      {
        title: t('ra.byTypeArea'),
        sheetName: t('ra.byTypeAreaSheet'),
        description: t('ra.byTypeAreaHelp'),
        table: {
          columns: [{ key: 'type', label: t('act.type'), type: 'text' }, ...areaColumns, { key: 'events', label: t('ra.events'), type: 'int' }],
          rows: o.byType.map((x) => ({ type: typeName(x.type), ...Object.fromEntries(o.areas.map((a) => [`a${a.id}`, x.eventsByArea[a.id] ?? 0])), events: x.counts.events })),
          total: { label: t('report.total'), keys: [...areaColumns.map((c) => c.key), 'events'] },
        },
        notes: o.byType.length ? [] : [t('report.none')],
      },
      {
        title: t('ra.byArea'),
        sheetName: t('ra.byAreaSheet'),
        description: t('ra.byAreaHelp'),
        table: {
          columns: [
            { key: 'area', label: t('g.area'), type: 'text' },
            { key: 'events', label: t('ra.events'), type: 'int' },
            { key: 'participations', label: t('ra.participations'), type: 'int' },
            { key: 'women', label: t('ra.women'), type: 'int' },
            { key: 'men', label: t('ra.men'), type: 'int' },
            { key: 'unique', label: t('ra.unique'), type: 'int' },
          ],
          rows: o.byArea.map((x) => ({ area: x.areaId === null ? t('ra.areaUnknown') : areaName.get(x.areaId)!, events: x.events, participations: x.participations, women: x.unique.female, men: x.unique.male, unique: x.unique.total })),
          total: { label: t('report.total'), keys: ['participations', 'women', 'men', 'unique'] },
        },
      },
      {
        title: t('ra.byType'),
        sheetName: t('ra.byTypeSheet'),
        description: t('ra.byTypeHelp'),
        table: {
          columns: [
            { key: 'type', label: t('act.type'), type: 'text' },
            { key: 'events', label: t('ra.events'), type: 'int' },
            { key: 'participations', label: t('ra.participations'), type: 'int' },
            { key: 'unique', label: t('ra.unique'), type: 'int' },
            { key: 'women', label: t('ra.women'), type: 'int' },
            { key: 'mnt', label: t('ra.costMnt'), type: 'mnt' },
            { key: 'dkk', label: t('ra.costDkk'), type: 'dkk' },
            { key: 'perMnt', label: t('ra.perParticipantMnt'), type: 'mnt' },
            { key: 'perDkk', label: t('ra.perParticipantDkk'), type: 'dkk' },
          ],
          rows: [
            ...o.byType.map((x): Record<string, CellValue> => ({
              type: typeName(x.type),
              events: x.counts.events,
              participations: x.counts.participations,
              unique: x.counts.unique.total,
              women: x.counts.unique.female,
              mnt: x.counts.cost.mntMinor,
              dkk: x.counts.cost.dkkMinor,
              perMnt: per(x.counts.cost.mntMinor, x.counts.participations),
              perDkk: per(x.counts.cost.dkkMinor, x.counts.participations),
            })),
          ],
          total: { label: t('report.total'), keys: ['events', 'participations', 'mnt', 'dkk'] },
        },
      },
      {
        title: t('ra.list'),
        sheetName: t('ra.listSheet'),
        table: {
          columns: [
            { key: 'from', label: t('act.startsOn'), type: 'date' },
            { key: 'to', label: t('act.endsOn'), type: 'date' },
            { key: 'type', label: t('act.type'), type: 'text' },
            { key: 'title', label: t('act.name'), type: 'text' },
            { key: 'areas', label: t('act.areas'), type: 'text' },
            { key: 'participants', label: t('act.participants'), type: 'int' },
            { key: 'women', label: t('ra.women'), type: 'int' },
            { key: 'mnt', label: t('ra.costMnt'), type: 'mnt' },
            { key: 'dkk', label: t('ra.costDkk'), type: 'dkk' },
          ],
          rows: o.activities.map((a) => ({
            from: a.startsOn,
            to: a.endsOn,
            type: typeName(a.type),
            title: a.title,
            areas: a.areaIds.map((id) => areaName.get(id)!).join(', '),
            participants: a.participants,
            women: a.women,
            mnt: a.cost.mntMinor,
            dkk: a.cost.dkkMinor,
          })),
          total: { label: t('report.total'), keys: ['participants', 'women', 'mnt', 'dkk'] },
        },
      },
    ],
    notes: [t('ra.noteUnique'), t('ra.noteCost'), ...(total.cost.uncoveredMntMinor ? [t('ra.noteUncovered', { mnt: formatNumber(Math.round(total.cost.uncoveredMntMinor / 100)) })] : [])],
    rates: sources.map((s) => ({
      label: s.interest ? t('ra.rateInterest', { date: formatDateMn(s.on) }) : t('report.fin.rate', { date: formatDateMn(s.on), dkk: formatDkkAmount(Number(s.dkk)), mnt: formatNumber(Math.round(Number(s.mnt) / 100)) }),
      rate: rateString(Number(s.mnt), Number(s.dkk)),
    })),
    labels: writerLabels(t),
  }
}
