import type { Lang } from '../../shared/i18n'
import type { ServiceContext } from '../services/context'
import { translator } from './common'
import { membershipReport } from './membership'
import { feesReport } from './fees'
import { assembliesReport } from './assemblies'
import type { ReportModel } from './model'

/**
 * The annual assembly pack: the membership, fees and assemblies reports of a
 * year in one file, their key figures together on the first page. The parts
 * are the reports themselves, so their figures are the same.
 */
export async function annualPack(ctx: ServiceContext, opts: { year: number; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(opts.lang)
  const from = `${opts.year}-01-01`
  const to = `${opts.year}-12-31`
  const parts = [
    await membershipReport(ctx.sql, { from, to, lang: opts.lang, generatedAt: opts.generatedAt }),
    await feesReport(ctx, opts),
    await assembliesReport(ctx, opts),
  ]
  return {
    ...parts[0],
    report: 'annual',
    title: t('report.annual.title'),
    summary: parts.flatMap((p) => p.summary),
    sections: parts.flatMap((p) => p.sections.map((s) => ({ ...s, title: `${p.title}: ${s.title}` }))),
    notes: [t('report.annual.note'), ...parts.flatMap((p) => p.notes)],
  }
}
