import pdfmake from 'pdfmake'
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { formatDecimal, formatDkkAmount, formatMnt, formatNumber } from '../../shared/domain/money'
import { formatDateMn } from '../../shared/domain/dates'
import { tableTotals, type CellValue, type ColumnType, type ReportChart, type ReportModel, type ReportColumn, type ReportSection } from './model'

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

/** Cell padding left + right in pdfmake's table layout, in points. */
const CELL_PADDING = 8
/** A character's width in points per point of font size: Noto Sans digits are 0.572 em; a little more for safety. */
const CHAR_EM = 0.6

/**
 * Column widths in points for a table whose totals row is set apart from the
 * rest (the same widths in both parts, so they line up): amounts and short
 * codes as wide as their widest text (bold totals a little wider), long text
 * columns sharing what is left.
 */
function pointWidths(columns: ReportColumn[], texts: string[][], totals: string[], headerWords: number[], available: number, fontSize: number): number[] {
  // Letters (and Cyrillic) are wider than digits, bold wider still.
  const need = columns.map((c, i) => {
    const char = fontSize * (c.type === 'text' ? 0.66 : CHAR_EM)
    let longest = headerWords[i] * 1.15
    for (const row of texts) longest = Math.max(longest, row[i].length)
    return Math.max(longest, totals[i].length * 1.15) * char
  })
  const flexible = columns.map((c, i) => c.width === undefined && c.type === 'text' && texts.some((row) => row[i].length > 14))
  const fixed = columns.reduce((s, c, i) => s + (flexible[i] ? 0 : (c.width ?? need[i])) + CELL_PADDING, 0)
  const share = Math.max(60, (available - fixed - CELL_PADDING * flexible.filter(Boolean).length) / Math.max(1, flexible.filter(Boolean).length))
  return columns.map((c, i) => (flexible[i] ? share : (c.width ?? need[i])))
}

function sectionContent(section: ReportSection, available: number): Content[] {
  const { columns, rows, total } = section.table
  const align = (t: ColumnType) => (t === 'text' ? 'left' : 'right')
  const fontSize = columns.length > 8 ? 7.5 : 8.5
  const header: TableCell[] = columns.map((c) => ({ text: c.label, style: 'th', alignment: align(c.type) }))
  // Amounts never break across lines; text columns take the remaining width.
  const texts = rows.map((r) => columns.map((c) => formatCell(c.type, r[c.key])))
  const dataRows: TableCell[][] = texts.map((row) => row.map((text, i) => ({ text, alignment: align(columns[i].type), noWrap: columns[i].type !== 'text' })))
  const sums = total ? tableTotals(section.table) : {}
  const totalTexts = columns.map((c, i) => (!total ? '' : i === 0 ? total.label : c.key in sums ? formatCell(c.type, sums[c.key]) : ''))
  const totalRow: TableCell[] = totalTexts.map((text, i) => ({ text, fillColor: '#CFE9E4', bold: true, alignment: align(columns[i].type), noWrap: columns[i].type !== 'text' }))
  // A short table (title, table and totals) is kept whole on one page: pdfmake moves an unbreakable block to the next
  // page when it does not fit. A long one sets its last two rows and the totals apart in a block of their own, with
  // the same column widths, so the totals row never starts a page alone. Both in one layout pass.
  const short = !section.newPage && !section.signatures && rows.length <= SHORT_TABLE && texts.every((row) => row.every((t) => t.length <= 60))
  const split = Boolean(total) && !short && rows.length >= 3 && !section.signatures
  // A text column of short values (codes, dates written as text) stays narrow; the long ones share the rest of the width.
  const narrow = (i: number) => texts.every((row) => row[i].length <= 14)
  const widths = split
    ? pointWidths(columns, texts, totalTexts, columns.map((c) => Math.max(...c.label.split(/\s+/).map((w) => w.length))), available, fontSize)
    : columns.map((c, i) => c.width ?? (c.type === 'text' && !narrow(i) ? '*' : 'auto'))
  const content: Content[] = [{ text: section.title, style: 'h2', ...(short ? {} : { headlineLevel: HEADLINE }), margin: [0, 12, 0, 4], ...(section.newPage ? { pageBreak: 'before' as const } : {}) }]
  // A sheet filled in by hand gets rows tall enough to write in.
  const pad = section.signatures ? 7 : 3
  if (section.period) content.push({ text: section.period, style: 'muted', margin: [0, 0, 0, 4] })
  if (section.description) content.push({ text: section.description, style: 'muted', margin: [0, 0, 0, 6] })
  const layout = (headed: boolean) => ({
    hLineWidth: (i: number) => (headed ? (i <= 1 ? 0 : 0.5) : i === 0 ? 0 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => '#CCCCCC',
    fillColor: (i: number) => (headed && i === 0 ? TEAL : null),
    paddingTop: () => pad,
    paddingBottom: () => pad,
  })
  const table = (body: TableCell[][], headed: boolean): Content => ({ table: { headerRows: headed ? 1 : 0, dontBreakRows: true, widths, body }, layout: layout(headed), fontSize } as Content)
  if (split) {
    const tail = rows.length - 2
    content.push(table([header, ...dataRows.slice(0, tail)], true))
    content.push({ stack: [table([...dataRows.slice(tail), totalRow], false)], unbreakable: true } as Content)
  } else {
    content.push(table([header, ...dataRows, ...(total ? [totalRow] : [])], true))
  }
  for (const n of section.notes ?? []) content.push({ text: n, style: 'muted', margin: [0, 4, 0, 0] })
  if (short) content.splice(0, content.length, { stack: [...content], unbreakable: true } as Content)
  const charts = section.charts ?? []
  for (let i = 0; i < charts.length; i += 2) content.push({ columns: charts.slice(i, i + 2).map(chartContent), columnGap: 24, margin: [0, 10, 0, 0], unbreakable: true } as Content)
  if (section.signatures?.length) {
    content.push({ columns: section.signatures.map((text) => ({ text: `${text}: ____________________`, fontSize: 9 })), columnGap: 16, margin: [0, 18, 0, 0] })
  }
  return content
}

/** Whether headlines are checked for standing alone: not for long documents or sections each on its own page. */
/** pageBreakBefore's mark: a section title. */
const HEADLINE = 1
/** A table of at most this many rows (of short texts) is kept whole on a page. */
const SHORT_TABLE = 15

/** A section title with nothing of its section after it on the page moves to the next page. */
function breakBefore(node: { headlineLevel?: number }, q: { getFollowingNodesOnPage(): unknown[] }): boolean {
  return node.headlineLevel === HEADLINE && q.getFollowingNodesOnPage().length <= 2
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
  // A4 less the margins: 523 points across a portrait page, 770 across a landscape one.
  const available = (wide ? 841.89 : 595.28) - 72
  for (const s of printed) content.push(...sectionContent(s, available))
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: [36, 48, 36, 42],
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
