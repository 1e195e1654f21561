import pdfmake from 'pdfmake'
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { formatDecimal, formatDkkAmount, formatMnt, formatNumber } from '../../shared/domain/money'
import { formatDateMn } from '../../shared/domain/dates'
import { tableTotals, type CellValue, type ColumnType, type ReportChart, type ReportModel, type ReportSection } from './model'

/** The font files the PDF embeds; passed in so the writer touches no file system. */
export interface PdfFonts {
  regular: Buffer
  /** Titles, table headers and totals. */
  bold: Buffer
}

const TEAL = '#0B7A75'

/** Numbers as Mongolian documents write them: `1 250 000 ₮`. */
export function formatCell(type: ColumnType, v: CellValue): string {
  if (v === null || v === undefined || v === '') return ''
  if (typeof v === 'string') return type === 'date' ? formatDateMn(v) : v
  switch (type) {
    case 'mnt':
      return formatMnt(v)
    case 'dkk':
      return `DKK ${formatDkkAmount(v)}`
    case 'percent':
      return `${(v * 100).toFixed(1)} %`
    case 'decimal':
      return formatDecimal(v)
    default:
      return formatNumber(v)
  }
}

function sectionContent(section: ReportSection): Content[] {
  const { columns, rows, total } = section.table
  const align = (t: ColumnType) => (t === 'text' ? 'left' : 'right')
  const body: TableCell[][] = [columns.map((c) => ({ text: c.label, style: 'th', alignment: align(c.type) }))]
  // Amounts never break across lines; text columns take the remaining width.
  // A totals row keeps its last row with it at a page break (marked for pageBreakBefore: 3 the last row, 4 the totals).
  const keep = total && rows.length >= 2
  rows.forEach((r, i) =>
    body.push(columns.map((c) => ({ text: formatCell(c.type, r[c.key]), alignment: align(c.type), noWrap: c.type !== 'text', ...(keep && i === rows.length - 1 ? { headlineLevel: LAST_ROW } : {}) }))),
  )
  if (total) {
    const sums = tableTotals(section.table)
    body.push(
      columns.map((c, i) => ({
        text: i === 0 ? total.label : c.key in sums ? formatCell(c.type, sums[c.key]) : '',
        fillColor: '#CFE9E4',
        bold: true,
        alignment: align(c.type),
        noWrap: c.type !== 'text',
        ...(keep ? { headlineLevel: TOTAL_ROW } : {}),
      })),
    )
  }
  // A text column of short values (codes, dates written as text) stays narrow; the long ones share the rest of the width.
  const narrow = (key: string) => {
    for (const r of rows) if (String(r[key] ?? '').length > 14) return false
    return true
  }
  // A section title is a headline: never left alone at the foot of a page (pageBreakBefore below).
  const content: Content[] = [{ text: section.title, style: 'h2', headlineLevel: HEADLINE, margin: [0, 12, 0, 4], ...(section.newPage ? { pageBreak: 'before' as const } : {}) }]
  // A sheet filled in by hand gets rows tall enough to write in.
  const pad = section.signatures ? 7 : 3
  if (section.period) content.push({ text: section.period, style: 'muted', margin: [0, 0, 0, 4] })
  if (section.description) content.push({ text: section.description, style: 'muted', margin: [0, 0, 0, 6] })
  content.push({
    table: { headerRows: 1, dontBreakRows: true, widths: columns.map((c) => c.width ?? (c.type === 'text' && !narrow(c.key) ? '*' : 'auto')), body },
    layout: {
      hLineWidth: (i: number) => (i <= 1 ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => '#CCCCCC',
      fillColor: (i: number) => (i === 0 ? TEAL : null),
      paddingTop: () => pad,
      paddingBottom: () => pad,
    },
    fontSize: columns.length > 8 ? 7.5 : 8.5,
  })
  for (const n of section.notes ?? []) content.push({ text: n, style: 'muted', margin: [0, 4, 0, 0] })
  const charts = section.charts ?? []
  for (let i = 0; i < charts.length; i += 2) content.push({ columns: charts.slice(i, i + 2).map(chartContent), columnGap: 24, margin: [0, 10, 0, 0], unbreakable: true } as Content)
  if (section.signatures?.length) {
    content.push({ columns: section.signatures.map((text) => ({ text: `${text}: ____________________`, fontSize: 9 })), columnGap: 16, margin: [0, 18, 0, 0] })
  }
  return content
}

/** Whether headlines are checked for standing alone: not for long documents or sections each on its own page. */
/** pageBreakBefore's marks: a section title (1), a table's last row (3) and its totals row (4). */
const HEADLINE = 1
const LAST_ROW = 3
const TOTAL_ROW = 4
const TOP_MARGIN = 48

type PlacedNode = { headlineLevel?: number; startPosition: { top: number; pageInnerHeight: number } }
type PageQuery = { getFollowingNodesOnPage(): PlacedNode[]; getNodesOnNextPage(): PlacedNode[] }

/**
 * Where a page must break before a node: a section title with nothing of its section after it on the page; a table's
 * last row when its totals row would start the next page, or would sit within a row of the foot (pdfmake places a row
 * that does not fit on the next page after this check, so the check keeps a row's height in hand).
 */
function breakBefore(node: PlacedNode, q: PageQuery): boolean {
  if (node.headlineLevel === HEADLINE) return q.getFollowingNodesOnPage().length <= 2
  if (node.headlineLevel !== LAST_ROW) return false
  if (q.getNodesOnNextPage().some((n) => n.headlineLevel === TOTAL_ROW)) return true
  const total = q.getFollowingNodesOnPage().find((n) => n.headlineLevel === TOTAL_ROW)
  if (!total) return false
  const step = total.startPosition.top - node.startPosition.top
  return total.startPosition.top + 2 * step > node.startPosition.pageInnerHeight + TOP_MARGIN
}

const checkHeadlines = (model: ReportModel) => !(model.sections.some((s) => s.newPage) || model.sections.reduce((n, s) => n + (s.xlsxOnly ? 0 : s.table.rows.length), 0) > 1500)

const SERIES_COLORS = [TEAL, '#B8C4C2']
const CHART = { width: 230, height: 90 }

/** A grouped bar chart drawn with vector shapes (the first series teal, the second grey), each category with its values under it. */
function chartContent(c: ReportChart): Content {
  const max = Math.max(1, ...c.series.flatMap((s) => s.values.map((v) => v ?? 0)))
  const slot = CHART.width / Math.max(1, c.categories.length)
  const bar = (slot * 0.7) / c.series.length
  const write = (v: number) => (c.unit === '%' ? `${formatDecimal(v, 1)}%` : c.unit === '₮' ? `${formatDecimal(v, 0)} ₮` : formatDecimal(v, c.unit === 'DKK' ? 2 : 1))
  const shapes: unknown[] = [{ type: 'line', x1: 0, y1: CHART.height, x2: CHART.width, y2: CHART.height, lineWidth: 0.5, lineColor: '#999999' }]
  c.categories.forEach((_, i) =>
    c.series.forEach((s, k) => {
      const v = s.values[i] ?? 0
      const h = (v / max) * (CHART.height - 12)
      const x = i * slot + slot * 0.15 + k * bar
      shapes.push({ type: 'rect', x, y: CHART.height - h, w: bar - 1, h, color: SERIES_COLORS[k % SERIES_COLORS.length] })
    }),
  )
  return {
    width: CHART.width,
    stack: [
      { text: c.title, fontSize: 8.5, margin: [0, 0, 0, 2] },
      { text: c.series.map((s, k) => ({ text: `${s.label}    `, color: SERIES_COLORS[k % SERIES_COLORS.length] })), fontSize: 7 },
      { canvas: shapes, margin: [0, 2, 0, 0] } as Content,
      {
        columns: c.categories.map((cat, i) => ({ width: slot, stack: [{ text: cat, fontSize: 7, alignment: 'center' }, { text: c.series.map((s) => (s.values[i] === null ? '—' : write(s.values[i]!))).join(' / '), fontSize: 6, alignment: 'center', color: '#555555' }] })),
        columnGap: 0,
      },
    ],
  } as Content
}

/**
 * Writes the report as an A4 PDF with the fonts embedded, the organisation in
 * the header, repeated table headers, totals rows and "page N of M". Pure: returns bytes.
 */
export async function writePdf(model: ReportModel, fonts: PdfFonts): Promise<Buffer> {
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  // pdfmake reads fonts by name from its in-memory file system; nothing touches the disk.
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs
  // Two faces, both small subsets: regular, and bold for titles, table headers and totals.
  vfs.writeFileSync('NotoSans-Regular.ttf', fonts.regular)
  vfs.writeFileSync('NotoSans-Bold.ttf', fonts.bold)
  pdfmake.setFonts({ NotoSans: { normal: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf', italics: 'NotoSans-Regular.ttf', bolditalics: 'NotoSans-Bold.ttf' } })
  const wide = model.sections.some((s) => !s.xlsxOnly && s.table.columns.length > 7)
  const generated = `${model.labels.generated}: ${model.generatedAt.slice(0, 16).replace('T', ' ')} UTC`
  const summary: TableCell[][] = model.summary.map((s) => [{ text: s.label }, { text: formatCell(s.type, s.value), alignment: 'right', color: TEAL }])
  const content: Content[] = [
    { text: model.title, style: 'h1' },
    { text: `${model.labels.period}: ${model.period.label}`, margin: [0, 2, 0, 0] },
    { text: generated, style: 'muted', margin: [0, 2, 0, 10] },
  ]
  if (summary.length) {
    // Key figures in two columns, so the summary, the notes and the first table share the first page.
    const half = Math.ceil(summary.length / 2)
    const part = (rows: TableCell[][]) => ({ table: { widths: ['*', 'auto'], body: rows }, layout: 'lightHorizontalLines' })
    content.push({ text: model.labels.summary, style: 'h2', margin: [0, 4, 0, 4] })
    content.push({ columns: [part(summary.slice(0, half)), summary.length > half ? part(summary.slice(half)) : { text: '' }], columnGap: 24, margin: [0, 0, 0, 6] })
  }
  if (model.notes.length) {
    content.push({ text: model.labels.notes, style: 'h2', margin: [0, 6, 0, 2] })
    content.push({ ul: model.notes, style: 'muted' })
  }
  if (model.rates.length) {
    content.push({ text: model.labels.rates, style: 'h2', margin: [0, 6, 0, 4] })
    content.push({ table: { widths: ['*', 'auto'], body: model.rates.map((r) => [r.label, r.rate]) }, layout: 'lightHorizontalLines' })
  }
  const printed = model.sections.filter((s) => !s.xlsxOnly)
  for (const s of printed) content.push(...sectionContent(s))
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: [36, TOP_MARGIN, 36, 42],
    info: { title: model.title, author: model.organisation, subject: model.period.label, creator: 'SPN Secretariat', creationDate: new Date(model.generatedAt) },
    defaultStyle: { font: 'NotoSans', fontSize: 9.5 },
    styles: {
      h1: { fontSize: 18, bold: true },
      h2: { fontSize: 12.5, color: TEAL, bold: true },
      th: { color: 'white', fontSize: 8, bold: true },
      muted: { color: '#555555', fontSize: 8.5 },
    },
    // Single text lines: a columns layout on every page costs more than it gives.
    header: () => ({ text: [{ text: model.organisation, color: TEAL }, { text: `   ${model.title} · ${model.period.label}`, color: '#555555' }], margin: [36, 20, 36, 0], fontSize: 8 }),
    footer: (page: number, pages: number) => ({
      text: `${generated}   ·   ${model.labels.page} ${page} ${model.labels.of} ${pages}`,
      alignment: 'right',
      margin: [36, 12, 36, 0],
      fontSize: 8,
      color: '#555555',
    }),
    content,
    // A headline with nothing of its section after it on the page moves to the next page (its description may follow
    // it there; its table's header row may not stand alone either), and a totals row never starts a page alone. The
    // check lays the document out again, so it is left to reports of up to 1 500 rows; sections on pages of their own
    // (collection sheets) need none.
    pageBreakBefore: !checkHeadlines(model) ? undefined : breakBefore,
  } as TDocumentDefinitions
  return pdfmake.createPdf(doc).getBuffer()
}
