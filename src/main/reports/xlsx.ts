import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { tableTotals, MINOR_PER_MAJOR, type ColumnType, type ReportModel, type ReportSection, type CellValue } from './model'

const NUM_FMT: Record<ColumnType, string | undefined> = {
  text: undefined,
  int: '#,##0',
  decimal: '#,##0.0#',
  mnt: '#,##0 "₮"',
  // As the PDF writes it: the currency's code before the amount.
  dkk: '"DKK "#,##0.00',
  date: 'yyyy.mm.dd',
  percent: '0.0%',
}
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B7A75' } }
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4F1' } }
const THIN: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FFB0B0B0' } } }

function cellValue(type: ColumnType, v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null
  if (type === 'date' && typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v
  if ((type === 'mnt' || type === 'dkk') && typeof v === 'number') return v / MINOR_PER_MAJOR
  return v
}

function displayLength(type: ColumnType, v: CellValue): number {
  if (v === null) return 0
  if (type === 'date') return 10
  if (typeof v === 'number') return String(Math.round(type === 'mnt' || type === 'dkk' ? v / MINOR_PER_MAJOR : v)).length * 1.35 + (type === 'mnt' ? 2 : type === 'dkk' ? 7 : 0)
  return String(v).length
}

/** A bold header letter in column-width characters (Cyrillic in bold is wider than the digits a width counts). */
const HEADER_CHAR = 1.4

/** The lines a text takes in a column of a width (characters), wrapped between words. */
function wrappedLines(text: string, width: number): number {
  let lines = 1
  let used = 0
  for (const word of text.split(/\s+/)) {
    const w = word.length * HEADER_CHAR
    if (used > 0 && used + 1 + w > width) {
      lines++
      used = w
    } else used += (used > 0 ? 1 : 0) + w
  }
  return lines
}

function colLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet'
  let name = base
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`
  taken.add(name.toLowerCase())
  return name
}

type Sheet = ExcelJS.Worksheet

/**
 * The widest formatted value of a column, in characters, the bold total
 * included (a loop: a quarter of a million rows do not fit in a spread).
 */
function widest(c: ReportSection['table']['columns'][number], rows: ReportSection['table']['rows'], total: CellValue | undefined): number {
  // A long header wraps, but between words: the column is at least as wide as its longest word (bold, so a little more).
  const longestWord = Math.max(...c.label.split(/\s+/).map((w) => w.length)) * HEADER_CHAR
  let longest = Math.max(c.label.length * (c.label.length > 18 ? 0.6 : 1), longestWord)
  for (const r of rows) {
    const n = displayLength(c.type, r[c.key])
    if (n > longest) longest = n
  }
  if (total !== undefined) longest = Math.max(longest, displayLength(c.type, total) * 1.15)
  return longest
}

function addSection(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: ReportModel, section: ReportSection, taken: Set<string>): Sheet {
  const { columns, rows } = section.table
  const landscape = columns.length > 7
  const headerRow = section.description ? 5 : 4
  // Streamed: widths, views and print setup are set before the first row is written; rows go out one by one.
  const ws = wb.addWorksheet(sheetName(section.sheetName, taken), {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    // The organisation at the head, the title at the foot's left and the page at its right: three parts that never meet.
    headerFooter: { oddHeader: `&L&8${model.organisation}`, oddFooter: `&L&8${model.title}&R&8${model.labels.page} &P ${model.labels.of} &N` },
    views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow, topLeftCell: `B${headerRow + 1}` }],
  })
  const totals = section.table.total ? tableTotals(section.table) : {}
  const widths = columns.map((c) => Math.min(60, Math.max(10, Math.ceil(widest(c, rows, totals[c.key])) + 2)))
  ws.columns = widths.map((width) => ({ width }))
  const title = ws.getRow(1)
  title.getCell(1).value = section.title
  title.getCell(1).font = { bold: true, size: 14 }
  title.height = 22
  title.commit()
  const period = ws.getRow(2)
  // A sheet of another period than the report's (the cumulative sheet of a project year) says its own.
  period.getCell(1).value = `${model.labels.period}: ${section.period ?? model.period.label}`
  period.commit()
  if (section.description) {
    const d = ws.getRow(3)
    d.getCell(1).value = section.description
    d.getCell(1).font = { italic: true, color: { argb: 'FF555555' } }
    d.commit()
  }
  const header = ws.getRow(headerRow)
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.label
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } }
    cell.fill = HEADER_FILL
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c.type === 'text' ? 'left' : 'center' }
  })
  // Tall enough for the header that wraps onto the most lines (about 15 points a line), two at least.
  header.height = Math.max(32, Math.min(80, 15 * Math.max(...columns.map((c, i) => wrappedLines(c.label, widths[i]! - 1))) + 4))
  header.commit()
  rows.forEach((r, ri) => {
    const row = ws.getRow(headerRow + 1 + ri)
    columns.forEach((c, ci) => {
      const cell = row.getCell(ci + 1)
      const formula = section.table.formulas?.[c.key]?.[ri]
      const value = cellValue(c.type, r[c.key])
      cell.value = formula ? { formula, result: (value ?? 0) as number } : value
      if (NUM_FMT[c.type]) cell.numFmt = NUM_FMT[c.type]!
      cell.border = THIN
      if (c.type === 'text') cell.alignment = { wrapText: true, vertical: 'top' }
    })
    row.commit()
  })
  const firstData = headerRow + 1
  const lastData = headerRow + rows.length
  if (section.table.total) {
    const row = ws.getRow(lastData + 1)
    row.getCell(1).value = section.table.total.label
    columns.forEach((c, ci) => {
      const cell = row.getCell(ci + 1)
      if (c.key in totals) {
        const letter = colLetter(ci + 1)
        // A formula a reader can follow, with the result cached because exceljs does not calculate.
        cell.value = rows.length
          ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: cellValue(c.type, totals[c.key]) as number }
          : (cellValue(c.type, 0) as number)
        if (NUM_FMT[c.type]) cell.numFmt = NUM_FMT[c.type]!
      }
      cell.font = { bold: true }
      cell.fill = TOTAL_FILL
    })
    row.commit()
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastData), column: columns.length } }
  let noteRow = lastData + (section.table.total ? 3 : 2)
  for (const note of section.notes ?? []) {
    const row = ws.getRow(noteRow++)
    row.getCell(1).value = note
    row.commit()
  }
  noteRow++
  for (const line of section.signatures ?? []) {
    const row = ws.getRow(noteRow++)
    row.getCell(1).value = `${line}:`
    row.height = 24
    row.commit()
  }
  return ws
}

/** Where a keyed section's table sits in the workbook, so that a filled copy can be read back. */
export interface SheetKey {
  sheet: string
  headerRow: number
  rows: number
  key: Record<string, string | number>
  columns: string[]
}

/** The hidden sheet that names what each keyed sheet is (never shown; read by the import). */
export const KEY_SHEET = 'spn-keys'

function addCover(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: ReportModel, taken: Set<string>): Sheet {
  const ws = wb.addWorksheet(sheetName(model.lang === 'mn' ? 'Нүүр' : 'Cover', taken), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  // The labels beside a figure (summary, rates) are not cut by it: the first column is as wide as the longest.
  const labels = [...model.summary.map((s) => s.label), ...model.rates.map((r) => r.label)]
  ws.columns = [{ width: Math.min(100, Math.max(48, ...labels.map((l) => Math.ceil(l.length * 1.05) + 2))) }, { width: 22 }]
  ws.getCell('A1').value = model.organisation
  ws.getCell('A1').font = { size: 11, color: { argb: 'FF0B7A75' }, bold: true }
  ws.getCell('A2').value = model.title
  ws.getCell('A2').font = { size: 18, bold: true }
  // Tall enough for the large title, so spreadsheet programs do not draw it over the row above.
  ws.getRow(2).height = 28
  ws.getCell('A3').value = `${model.labels.period}: ${model.period.label}`
  ws.getCell('A4').value = `${model.labels.generated}: ${model.generatedAt.slice(0, 16).replace('T', ' ')} UTC`
  let r = 6
  ws.getCell(`A${r}`).value = model.labels.summary
  ws.getCell(`A${r++}`).font = { bold: true, size: 13 }
  for (const s of model.summary) {
    ws.getCell(`A${r}`).value = s.label
    const cell = ws.getCell(`B${r++}`)
    cell.value = cellValue(s.type, s.value)
    if (NUM_FMT[s.type]) cell.numFmt = NUM_FMT[s.type]!
  }
  if (model.rates.length) {
    r++
    ws.getCell(`A${r++}`).value = model.labels.rates
    for (const rate of model.rates) {
      ws.getCell(`A${r}`).value = rate.label
      // A rate is a number (MNT per DKK, four decimals), so a reader can compute with it.
      const cell = ws.getCell(`B${r++}`)
      cell.value = Number(rate.rate)
      cell.numFmt = '0.0000'
    }
  }
  if (model.notes.length) {
    r++
    ws.getCell(`A${r}`).value = model.labels.notes
    ws.getCell(`A${r++}`).font = { bold: true }
    for (const n of model.notes) {
      ws.mergeCells(`A${r}:F${r}`)
      ws.getCell(`A${r}`).value = n
      ws.getCell(`A${r}`).alignment = { wrapText: true, vertical: 'top' }
      ws.getRow(r++).height = Math.max(15, Math.ceil(n.length / 100) * 15)
    }
  }
  return ws
}

/**
 * Writes the report as an .xlsx workbook: a cover sheet, then one sheet per
 * section. Streamed row by row (a ledger of a quarter of a million rows is
 * written without building the whole workbook in memory). Pure: returns bytes.
 */
export async function writeXlsx(model: ReportModel): Promise<Buffer> {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk)
      done()
    },
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true })
  wb.creator = model.organisation
  wb.lastModifiedBy = model.organisation
  wb.company = model.organisation
  wb.title = model.title
  wb.subject = model.period.label
  wb.created = new Date(model.generatedAt)
  wb.modified = new Date(model.generatedAt)
  const taken = new Set<string>()
  addCover(wb, model, taken).commit()
  const keys: SheetKey[] = []
  for (const s of model.sections) {
    const ws = addSection(wb, model, s, taken)
    if (s.key) keys.push({ sheet: ws.name, headerRow: s.description ? 5 : 4, rows: s.table.rows.length, key: s.key, columns: s.table.columns.map((c) => c.key) })
    ws.commit()
  }
  if (keys.length) {
    const ws = wb.addWorksheet(KEY_SHEET, { state: 'hidden' })
    keys.forEach((k, i) => {
      ws.getRow(i + 1).getCell(1).value = JSON.stringify(k)
      ws.getRow(i + 1).commit()
    })
    ws.commit()
  }
  await wb.commit()
  return Buffer.concat(chunks)
}
