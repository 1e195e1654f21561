import ExcelJS from 'exceljs'
import { DomainError } from '../../../shared/domain/result'
import { messageRef } from '../../../shared/i18n/issues'

/**
 * Reading an expense ledger as finance officers keep it: an .xlsx or .csv
 * with a header row somewhere near the top (title rows above it, merged or
 * not), columns in any order, English or Mongolian headers.
 */
export const LEDGER_COLUMNS = ['date', 'voucher', 'line', 'branch', 'description', 'amount', 'currency', 'source'] as const
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number]

export const COLUMN_TITLES: Record<LedgerColumn, { en: string; mn: string }> = {
  date: { en: 'Date', mn: 'Огноо' },
  voucher: { en: 'Voucher', mn: 'Баримтын дугаар' },
  line: { en: 'Budget line', mn: 'Төсвийн мөр' },
  branch: { en: 'Branch', mn: 'Салбар' },
  description: { en: 'Description', mn: 'Гүйлгээний утга' },
  amount: { en: 'Amount', mn: 'Дүн' },
  currency: { en: 'Currency', mn: 'Валют' },
  source: { en: 'Funding source', mn: 'Санхүүжилтийн эх үүсвэр' },
}

const ALIASES: Record<LedgerColumn, string[]> = {
  date: ['date', 'огноо'],
  voucher: ['voucher', 'voucher no', 'voucher number', 'баримт', 'баримтын дугаар', 'баримтын №'],
  line: ['budget line', 'line', 'төсвийн мөр', 'мөр'],
  branch: ['branch', 'cost centre', 'cost center', 'салбар', 'зардлын төв'],
  description: ['description', 'утга', 'гүйлгээний утга', 'тайлбар'],
  amount: ['amount', 'дүн', 'мөнгөн дүн'],
  currency: ['currency', 'валют'],
  source: ['funding source', 'source', 'санхүүжилт', 'эх үүсвэр', 'санхүүжилтийн эх үүсвэр'],
}

export type RawCell = string | number | Date | null

export interface LedgerRow {
  /** The row number as the officer sees it in the file (1-based). */
  row: number
  cells: Record<LedgerColumn, RawCell>
}

export interface LedgerTable {
  headerRow: number
  rows: LedgerRow[]
}

const norm = (s: string) => s.toLowerCase().replace(/[*:.]/g, '').replace(/\s+/g, ' ').trim()

function columnOf(title: RawCell): LedgerColumn | null {
  if (typeof title !== 'string') return null
  const t = norm(title)
  for (const c of LEDGER_COLUMNS) if (ALIASES[c].includes(t)) return c
  return null
}

export function cellValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue }
      if (f.result === undefined || f.result === null) throw new FormulaWithoutResult(f.formula ?? f.sharedFormula ?? '')
      return cellValue(f.result)
    }
    if ('result' in v) return cellValue((v as { result: ExcelJS.CellValue }).result)
    if ('richText' in v) return (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('')
    if ('text' in v) return String((v as { text: unknown }).text)
  }
  return String(v)
}

/** Splits CSV text (comma, semicolon or tab separated; quoted fields). */
export function parseCsv(text: string): string[][] {
  // The delimiter that splits some early line (the header) into the most fields; a title line above may hold commas.
  const early = text.split(/\r?\n/, 20)
  const delimiter = [';', '\t', ','].map((d) => [d, Math.max(...early.map((l) => l.split(d).length))] as const).sort((a, b) => b[1] - a[1])[0][0]
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === delimiter) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

export class FormulaWithoutResult extends Error {
  constructor(readonly formula: string) {
    super(formula)
  }
}

/** What an import reads at most: a ledger is far smaller; a file beyond these is refused before it is read whole. */
export const IMPORT_LIMITS = { rows: 100_000, expandedBytes: 200 * 1024 * 1024 }

const MB = (n: number) => `${Math.round(n / 1048576)} MB`

/**
 * The text of a CSV file in whatever encoding Excel wrote it: UTF-8 (with or
 * without a byte-order mark), UTF-16 (Excel's "Unicode text"), or
 * Windows-1251 (Excel's CSV on Mongolian and Russian Windows). Anything else
 * is refused, saying so, rather than stored as replacement characters.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'UTF-8' | 'UTF-16' | 'Windows-1251' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' }
  // UTF-16 without a byte-order mark: every other byte of Latin text is zero.
  const head = bytes.subarray(0, 512)
  const zeros = (offset: number) => head.filter((_, i) => i % 2 === offset && head[i] === 0).length
  if (head.length >= 4 && zeros(1) > head.length / 4) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16' }
  if (head.length >= 4 && zeros(0) > head.length / 4) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16' }
  if (head.includes(0)) throw new Error('is not a text (CSV) file: it holds binary data. Is it an Excel workbook? Then name it .xlsx')
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    const text = new TextDecoder('windows-1251').decode(bytes)
    // Read as Windows-1251, real Cyrillic text forms whole words; another encoding read that way (é, à of a
    // Latin text) gives Cyrillic letters glued to Latin ones, as in "Cafй".
    const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length
    const glued = (text.match(/[A-Za-z]\p{Script=Cyrillic}|\p{Script=Cyrillic}[A-Za-z]/gu) ?? []).length
    if (cyrillic > 0 && glued <= cyrillic * 0.02) return { text, encoding: 'Windows-1251' }
    throw new Error('is neither UTF-8 nor Windows-1251 (Cyrillic) text; in Excel save it as "CSV UTF-8", or as .xlsx')
  }
}

/**
 * Checks an .xlsx file before it is read: that it is a workbook at all (not a
 * CSV or an old .xls renamed), and what it expands to (a zip bomb of 4 MB
 * that opens to 4 GB is refused from its directory, without unpacking it).
 */
export function checkWorkbook(bytes: Buffer): void {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw new Error('is an old Excel 97–2003 workbook (.xls); in Excel save it as .xlsx (Excel Workbook) and import that')
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      throw new Error('is a text (CSV) file in UTF-16 ("Unicode text") named .xlsx; name it .csv and import it again')
    }
    const start = bytes.subarray(0, 256).toString('latin1')
    if (/^[\x09\x0a\x0d\x20-\x7e\x80-\xff]*$/.test(start)) throw new Error('is a text (CSV) file named .xlsx; name it .csv and import it again')
    throw new Error('is not an Excel workbook (.xlsx)')
  }
  // The end-of-central-directory record lists every entry with its unpacked size.
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_557))
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('is a damaged workbook (its table of contents is missing); open it in Excel and save it again')
  const entries = tail.readUInt16LE(eocd + 10)
  let at = tail.readUInt32LE(eocd + 16)
  let expanded = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('is a damaged workbook; open it in Excel and save it again')
    const size = bytes.readUInt32LE(at + 24)
    if (size === 0xffffffff) throw new Error(`expands to more than ${MB(IMPORT_LIMITS.expandedBytes)} when opened; a ledger is far smaller. Is it the right file?`)
    expanded += size
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  if (expanded > IMPORT_LIMITS.expandedBytes) {
    throw new Error(`expands to ${MB(expanded)} when opened, more than the ${MB(IMPORT_LIMITS.expandedBytes)} an import reads; a ledger is far smaller. Is it the right file?`)
  }
}

const tooManyRows = () => new Error(`has more than ${IMPORT_LIMITS.rows.toLocaleString('en').replace(/,/g, ' ')} rows; import it in parts`)

/** A formula cell whose result was not saved, at its 1-based row and column. */
export interface UnsavedFormula {
  row: number
  col: number
  address: string
  formula: string
}

/**
 * The cells of the file as a grid of raw values (first worksheet of an .xlsx).
 * A formula without its saved result refuses the file, unless `unsaved` is
 * given: then the cell is read as empty and listed there, for the caller to
 * judge (a total column it does not read may hold one).
 */
export async function readGrid(bytes: Buffer, fileName: string, unsaved?: UnsavedFormula[]): Promise<RawCell[][]> {
  if (/\.csv$/i.test(fileName)) {
    const rows = parseCsv(decodeCsv(bytes).text)
    if (rows.length > IMPORT_LIMITS.rows + 50) throw tooManyRows()
    return rows.map((r) => r.map((c) => (c.trim() === '' ? null : c.trim())))
  }
  if (!/\.xlsx$/i.test(fileName)) throw new Error('must be an .xlsx or .csv file')
  checkWorkbook(bytes)
  // Streaming read of the first worksheet: a 20,000-row ledger never sits in memory as a whole workbook.
  const { Readable } = await import('node:stream')
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' })
  const grid: RawCell[][] = []
  try {
    for await (const ws of reader) {
      for await (const row of ws) {
        if (row.number > IMPORT_LIMITS.rows + 50) throw tooManyRows()
        const cells: RawCell[] = []
        row.eachCell({ includeEmpty: true }, (c, col) => {
          try {
            cells[col - 1] = cellValue(c.value)
          } catch (e) {
            if (!(e instanceof FormulaWithoutResult)) throw e
            if (unsaved) {
              unsaved.push({ row: row.number, col, address: c.address, formula: e.formula })
              cells[col - 1] = null
              return
            }
            throw new Error(
              `has a formula in cell ${c.address} (=${e.formula}) without its result saved: the file was not last saved by Excel or LibreOffice. Open it there and save it again`,
            )
          }
        })
        grid[row.number - 1] = cells
      }
      break
    }
  } catch (e) {
    const m = (e as Error).message
    if (/^(has|is|expands)/.test(m)) throw e
    // exceljs's streaming reader can reach a worksheet before it has read the workbook's list of sheets
    // (reading 'sheets' of undefined): such a file is sound, and is read whole instead.
    if (/reading 'sheets'/.test(m)) return readWhole(bytes, unsaved)
    throw new Error(`is a damaged or unreadable workbook (${m}); open it in Excel and save it again`)
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= []
  return grid
}

/** The first worksheet read whole (the streaming reader's fallback). */
async function readWhole(bytes: Buffer, unsaved?: UnsavedFormula[]): Promise<RawCell[][]> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (e) {
    throw new Error(`is a damaged or unreadable workbook (${(e as Error).message}); open it in Excel and save it again`)
  }
  const ws = wb.worksheets[0]
  const grid: RawCell[][] = []
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    if (n > IMPORT_LIMITS.rows + 50) throw tooManyRows()
    const cells: RawCell[] = []
    row.eachCell({ includeEmpty: true }, (c, col) => {
      try {
        cells[col - 1] = cellValue(c.value)
      } catch (err) {
        if (!(err instanceof FormulaWithoutResult)) throw err
        if (!unsaved) throw new Error(`has a formula in cell ${c.address} (=${err.formula}) without its result saved: the file was not last saved by Excel or LibreOffice. Open it there and save it again`)
        unsaved.push({ row: n, col, address: c.address, formula: err.formula })
        cells[col - 1] = null
      }
    })
    grid[n - 1] = cells
  })
  for (let i = 0; i < grid.length; i++) grid[i] ??= []
  return grid
}

/** Finds the header row (the first with at least five known titles) and returns the data rows under it, blank rows dropped. */
export function locateTable(grid: RawCell[][]): LedgerTable | { error: string; headerRow?: number; missing?: LedgerColumn[] } {
  for (let h = 0; h < Math.min(grid.length, 30); h++) {
    const map = new Map<number, LedgerColumn>()
    grid[h].forEach((v, i) => {
      const c = columnOf(v)
      if (c && ![...map.values()].includes(c)) map.set(i, c)
    })
    if (map.size < 5) continue
    const missing = LEDGER_COLUMNS.filter((c) => ![...map.values()].includes(c))
    if (missing.length) return { error: `The header row (row ${h + 1}) has no column ${missing.map((m) => COLUMN_TITLES[m].en).join(', ')}`, headerRow: h + 1, missing }
    const rows: LedgerRow[] = []
    for (let r = h + 1; r < grid.length; r++) {
      const cells = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, null])) as Record<LedgerColumn, RawCell>
      for (const [i, c] of map) cells[c] = grid[r]?.[i] ?? null
      if (LEDGER_COLUMNS.every((c) => cells[c] === null || String(cells[c]).trim() === '')) continue
      rows.push({ row: r + 1, cells })
    }
    return { headerRow: h + 1, rows }
  }
  return { error: 'No header row found: the first rows must name the columns Date, Voucher, Budget line, Branch, Description, Amount, Currency, Funding source (in English or Mongolian)' }
}

/** A date cell: a real date, text YYYY-MM-DD or YYYY.MM.DD, or an Excel serial number. */
export function parseDate(v: RawCell): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10)
  if (typeof v === 'number' && v > 20000 && v < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000).toISOString().slice(0, 10)
  if (typeof v !== 'string') return null
  const m = /^(\d{4})[-.\/](\d{1,2})[-.\/](\d{1,2})$/.exec(v.trim())
  if (!m) return null
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  const d = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null
}


/** A file that cannot be read (binary, encoding, zip bomb, not a workbook …) as a refusal of the file field: its sentences are the catalogues' imp.file.*. */
export function fileRefusal(fileName: string, e: unknown): DomainError {
  const message = `The file ${fileName} ${(e as Error).message}.`.replace(/\.\.$/, '.')
  return new DomainError('validation', message, 'fileName', messageRef(message) ?? undefined)
}
