import { readFileSync } from 'node:fs'
import type { z } from 'zod'
import { DomainError } from '../../shared/domain/result'
import { formatNumber } from '../../shared/i18n'
import type { ReportFile, reportRequest } from '../../shared/api/contract'
import { resourcePath } from '../paths'
import { membershipReport } from '../reports/membership'
import { feesReport } from '../reports/fees'
import { assembliesReport } from '../reports/assemblies'
import { annualPack } from '../reports/annual'
import { attendanceReport, groupsReport } from '../reports/groups'
import { expenseLedger, financialReport, fundsStatement } from '../reports/finance'
import { FINANCE_REPORTS, LOAN_REPORTS, PROJECT_REPORTS } from '../../shared/api/contract'
import { collectionReport } from '../reports/loans/collection'
import { portfolioReport } from '../reports/loans/portfolio'
import { groupFundsReport } from '../reports/loans/funds'
import { passbookReport } from '../reports/loans/passbook'
import { activitiesReport } from '../reports/results/activities'
import { progressReport } from '../reports/results/progress'
import { ngoAnnualReport } from '../reports/results/ngoAnnual'
import type { ReportModel } from '../reports/model'
import { writePdf, type PdfFonts } from '../reports/pdf'
import { writeXlsx } from '../reports/xlsx'
import type { ServiceContext } from './context'
import { notFuture } from './dates'
import { formatDateMn, todayIso } from '../../shared/domain/dates'

export type ReportRequest = z.output<typeof reportRequest>

let fonts: PdfFonts | undefined
/** Noto Sans (Cyrillic with Ө Ү, and ₮), shipped in resources/fonts. */
export function reportFonts(): PdfFonts {
  fonts ??= {
    regular: readFileSync(resourcePath('fonts', 'NotoSans-Regular.ttf')),
    bold: readFileSync(resourcePath('fonts', 'NotoSans-Bold.ttf')),
  }
  return fonts
}

/** The first and last dates the register holds data for, or null when it is empty. */
async function dataRange(ctx: ServiceContext): Promise<{ first: string; last: string } | null> {
  const first = await ctx.sql.value<string | null>(
    `SELECT min(d) AS first FROM (
      SELECT min(effective_date) AS d FROM membership_event
      UNION ALL SELECT min(registered_on) FROM household
      UNION ALL SELECT min(established_on) FROM branch) dates`,
  )
  const r = { first }
  const any = await ctx.sql.value('SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM person) AS n')
  if (!any) return null
  const today = todayIso(ctx.now)
  return { first: r.first ?? today, last: today }
}

/** Checks the period against the data and returns it as from/to. */
export async function resolvePeriod(ctx: ServiceContext, input: ReportRequest): Promise<{ from: string; to: string }> {
  const range = await dataRange(ctx)
  if (!range) throw new DomainError('validation', 'The database is empty: there is nothing to report yet. Add the register or load the demo first.', undefined, { key: 'r.emptyDatabase' })
  const firstYear = Number(range.first.slice(0, 4))
  const lastYear = Number(range.last.slice(0, 4))
  if (input.year !== undefined) {
    if (input.year < firstYear || input.year > lastYear) {
      throw new DomainError('validation', `must be between ${firstYear} and ${lastYear}, the years the register holds data for`, 'year', { key: 'r.yearRange', vars: { first: firstYear, last: lastYear } })
    }
    return { from: `${input.year}-01-01`, to: `${input.year}-12-31` }
  }
  const from = input.from!
  const to = input.to!
  if (to < range.first) throw new DomainError('validation', `ends before the register's first record (${range.first})`, 'to', { key: 'r.beforeFirstRecord', vars: { date: formatDateMn(range.first) } })
  if (from > range.last) throw new DomainError('validation', `starts after today (${range.last})`, 'from', { key: 'r.afterToday', vars: { date: formatDateMn(range.last) } })
  return { from, to }
}

/** The savings-and-loan reports: their options are checked by the contract (reportRequest). */
function loanReport(ctx: ServiceContext, input: ReportRequest): Promise<ReportModel> {
  const base = { lang: input.lang, generatedAt: ctx.now }
  // A collection sheet may be printed ahead of its meeting; the other figures are never of a day to come.
  if (input.date && input.report !== 'collection') notFuture(ctx, input.date, 'date')
  if (input.report === 'collection') return collectionReport(ctx, { ...base, date: input.date!, group: input.group, lsg: input.lsg, area: input.area })
  if (input.report === 'portfolio') return portfolioReport(ctx, { ...base, date: input.date! })
  if (input.report === 'group-funds') return groupFundsReport(ctx, { ...base, from: input.from!, to: input.to! })
  return passbookReport(ctx, { ...base, person: input.person!, date: input.date })
}

export async function buildReportModel(ctx: ServiceContext, input: ReportRequest): Promise<ReportModel> {
  if (LOAN_REPORTS.includes(input.report)) return loanReport(ctx, input)
  if (input.report === 'progress') return progressReport(ctx, { lang: input.lang, generatedAt: ctx.now, projectYear: input.projectYear ?? null, projectId: input.projectId })
  if (FINANCE_REPORTS.includes(input.report)) {
    const opts = { lang: input.lang, generatedAt: ctx.now, projectYear: input.projectYear ?? null, projectId: input.projectId, from: input.from, to: input.to }
    if (input.report === 'financial') return financialReport(ctx, opts)
    if (input.report === 'funds') return fundsStatement(ctx, opts)
    return expenseLedger(ctx, opts)
  }
  const { from, to } = await resolvePeriod(ctx, input)
  if (input.report === 'membership') return membershipReport(ctx.sql, { from, to, lang: input.lang, generatedAt: ctx.now })
  if (input.report === 'attendance') return attendanceReport(ctx, { from, to, lang: input.lang, generatedAt: ctx.now })
  if (input.report === 'activities') return activitiesReport(ctx, { from, to, lang: input.lang, generatedAt: ctx.now })
  // The governance reports follow the assembly year: one calendar year.
  if (input.year === undefined) throw new DomainError('validation', 'is required: this report covers one calendar year', 'year')
  const opts = { year: input.year, lang: input.lang, generatedAt: ctx.now }
  if (input.report === 'fees') return feesReport(ctx, opts)
  if (input.report === 'assemblies') return assembliesReport(ctx, opts)
  if (input.report === 'groups') return groupsReport(ctx, opts)
  if (input.report === 'ngo-annual') return ngoAnnualReport(ctx, opts)
  return annualPack(ctx, opts)
}

export const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' }

export async function renderReport(model: ReportModel, format: 'xlsx' | 'pdf'): Promise<Buffer> {
  return format === 'xlsx' ? writeXlsx(model) : writePdf(model, reportFonts())
}

export function reportFileName(input: ReportRequest, model: ReportModel): string {
  if (LOAN_REPORTS.includes(input.report)) {
    const who = (input.group ?? input.lsg ?? input.area ?? input.person ?? '').replace(/[^\p{L}\p{N}-]+/gu, '-')
    const when = input.from ? `${input.from}-${input.to}` : (input.date ?? model.period.to)
    return `SPN-${input.report}${who ? `-${who}` : ''}-${when}-${input.lang}.${input.format}`
  }
  const period = PROJECT_REPORTS.includes(input.report) && !input.from
    ? (input.projectYear ? `Y${input.projectYear}` : 'cumulative')
    : model.period.label.replace(/[^0-9]+/g, '-').replace(/^-|-$/g, '')
  return `SPN-${input.report}-${period}-${input.lang}.${input.format}`
}

/** Produces a report file: query step, model, writer. */
/** The most table rows a PDF is made with (about 1 250 A4 pages); beyond, the report is refused in PDF and offered as Excel. */
export const PDF_ROW_LIMIT = 50_000

export async function generateReport(ctx: ServiceContext, input: ReportRequest): Promise<{ file: ReportFile; bytes: Buffer }> {
  const model = await buildReportModel(ctx, input)
  if (input.format === 'pdf') {
    let rows = 0
    for (const s of model.sections) if (!s.xlsxOnly) rows += s.table.rows.length
    if (rows > PDF_ROW_LIMIT) {
      const pages = (n: number) => formatNumber(Math.ceil(n / 40))
      throw new DomainError(
        'validation',
        `This report has ${formatNumber(rows)} rows, about ${pages(rows)} pages as a PDF: more than the ${pages(PDF_ROW_LIMIT)} a PDF is made with. Export it as Excel (.xlsx), or choose a shorter period.`,
        'format',
        { key: 'r.pdfTooLong', vars: { rows: formatNumber(rows), pages: pages(rows), limit: pages(PDF_ROW_LIMIT) } },
      )
    }
  }
  const bytes = await renderReport(model, input.format)
  return {
    bytes,
    file: { fileName: reportFileName(input, model), mimeType: MIME[input.format], base64: bytes.toString('base64'), byteLength: bytes.length },
  }
}
