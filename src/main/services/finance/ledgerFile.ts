import ExcelJS from 'exceljs'

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

function cellValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'object') {
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

/** The cells of the file as a grid of raw values (first worksheet of an .xlsx). */
export async function readGrid(bytes: Buffer, fileName: string): Promise<RawCell[][]> {
  if (/\.csv$/i.test(fileName)) {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
    return parseCsv(text).map((r) => r.map((c) => (c.trim() === '' ? null : c.trim())))
  }
  if (!/\.xlsx$/i.test(fileName)) throw new Error('must be an .xlsx or .csv file')
  // Streaming read of the first worksheet: a 20,000-row ledger never sits in memory as a whole workbook.
  const { Readable } = await import('node:stream')
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' })
  const grid: RawCell[][] = []
  for await (const ws of reader) {
    for await (const row of ws) {
      const cells: RawCell[] = []
      row.eachCell({ includeEmpty: true }, (c, col) => {
        cells[col - 1] = cellValue(c.value)
      })
      grid[row.number - 1] = cells
    }
    break
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= []
  return grid
}

/** Finds the header row (the first with at least five known titles) and returns the data rows under it, blank rows dropped. */
export function locateTable(grid: RawCell[][]): LedgerTable | { error: string } {
  for (let h = 0; h < Math.min(grid.length, 30); h++) {
    const map = new Map<number, LedgerColumn>()
    grid[h].forEach((v, i) => {
      const c = columnOf(v)
      if (c && ![...map.values()].includes(c)) map.set(i, c)
    })
    if (map.size < 5) continue
    const missing = LEDGER_COLUMNS.filter((c) => ![...map.values()].includes(c))
    if (missing.length) return { error: `The header row (row ${h + 1}) has no column ${missing.map((m) => COLUMN_TITLES[m].en).join(', ')}` }
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

/**
 * An amount in minor units: numbers as they are; text with space, comma or
 * dot thousands separators ("1 250 000", "1,250,000", "1.250.000"), and a
 * decimal part of one or two digits after the last separator ("1 250,50").
 */
export function parseAmount(v: RawCell): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 100) : null
  if (typeof v !== 'string') return null
  let s = v.replace(/[₮\u00a0\u202f ]|MNT|DKK|kr\.?/gi, '').trim()
  if (!/^-?[\d.,']+$/.test(s)) return null
  s = s.replace(/'/g, '')
  let decimals = ''
  const last = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'))
  if (last >= 0) {
    const tail = s.slice(last + 1)
    const separators = s.match(/[.,]/g) ?? []
    const sameKind = separators.every((x) => x === s[last])
    // "1,250,000" and "1.250.000" are thousands; "1 250,5" and "1250.75" are decimals.
    if (tail.length !== 3 || (!sameKind && separators.length > 1) || (separators.length === 1 && s.indexOf(s[last]) === 0)) {
      if (tail.length > 2) return null
      decimals = tail
      s = s.slice(0, last)
    }
  }
  const whole = s.replace(/[.,]/g, '')
  if (!/^-?\d+$/.test(whole)) return null
  const n = Number(whole) * 100 + Number(decimals.padEnd(2, '0') || 0) * (whole.startsWith('-') ? -1 : 1)
  return Number.isSafeInteger(n) ? n : null
}
