import { translate, type Lang, type MessageKey } from '../../shared/i18n'
import { formatDateMn } from '../../shared/domain/dates'
import type { ReportModel } from './model'

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string

export function translator(lang: Lang): T {
  return (key, vars) => translate(lang, key, vars)
}

/** "2009" for a calendar year, else "2009.03.01 – 2010.02.28". */
export function periodLabel(from: string, to: string): string {
  if (from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4)
  return `${formatDateMn(from)} – ${formatDateMn(to)}`
}

export function writerLabels(t: T): ReportModel['labels'] {
  return {
    page: t('report.page'),
    of: t('report.of'),
    generated: t('report.generated'),
    period: t('report.period'),
    total: t('report.total'),
    notes: t('report.notes'),
    rates: t('report.rates'),
    summary: t('report.summary'),
  }
}
