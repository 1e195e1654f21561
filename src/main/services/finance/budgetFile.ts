import ExcelJS from 'exceljs'
import type { ReportFile } from '../../../shared/api/contract'
import type { BudgetCell, BudgetFileResult } from '../../../shared/api/financeTypes'
import type { ServiceContext } from '../context'
import { getBudget, projectYears, requireProject, versions } from './projects'
import { readGrid, type RawCell, type UnsavedFormula, fileRefusal } from './ledgerFile'
import { parseAmount } from '../../../shared/domain/amount'
import { stripInvisible } from '../../../shared/domain/text'

/**
 * A budget as finance officers write it in Excel: one row per sub-line and
 * funding source, one column per project year, amounts in DKK. The app offers
 * the template (filled with the budget in force) and reads it back; a file
 * with any bad cell sets nothing, and every bad cell is named.
 */
type Column = 'code' | 'line' | 'source' | 'total'
const TITLES: Record<Column, { en: string; mn: string }> = {
  code: { en: 'Code', mn: 'Код' },
  line: { en: 'Budget line', mn: 'Төсвийн мөр' },
  source: { en: 'Funding source', mn: 'Санхүүжилтийн эх үүсвэр' },
  total: { en: 'Total', mn: 'Нийт' },
}
const ALIASES: Record<Column, string[]> = {
  code: ['code', 'line code', 'код', 'мөрийн код'],
  line: ['budget line', 'line', 'төсвийн мөр', 'мөр'],
  source: ['funding source', 'source', 'санхүүжилт', 'эх үүсвэр', 'санхүүжилтийн эх үүсвэр'],
  total: ['total', 'нийт', 'бүгд'],
}
const yearTitle = (n: number) => ({ en: `Year ${n}`, mn: `${n}-р жил` })
const norm = (s: string) => s.toLowerCase().replace(/[*:.]/g, '').replace(/\s+/g, ' ').trim()
const text = (v: RawCell) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : stripInvisible(String(v)).trim())

/** `Year 2`, `2-р жил`, `2 жил`, `Y2` → 2. */
function yearOf(title: string): number | null {
  const m = /^(?:year|y|он)\s*(\d{1,2})$/.exec(title) ?? /^(\d{1,2})\s*-?\s*(?:р|дүгээр|дугаар)?\s*(?:жил|он)$/.exec(title)
  return m ? Number(m[1]) : null
}

interface Header {
  row: number
  columns: Map<number, Column | number>
}

function findHeader(grid: RawCell[][]): Header | null {
  for (let h = 0; h < Math.min(grid.length, 30); h++) {
    const columns = new Map<number, Column | number>()
    grid[h].forEach((v, i) => {
      if (typeof v !== 'string') return
      const t = norm(v)
      const named = (Object.keys(ALIASES) as Column[]).find((c) => ALIASES[c].includes(t))
      const year = yearOf(t)
      const taken = [...columns.values()]
      if (named && !taken.includes(named)) columns.set(i, named)
      else if (year !== null && !taken.includes(year)) columns.set(i, year)
    })
    const has = (c: Column) => [...columns.values()].includes(c)
    if (has('code') && has('source') && [...columns.values()].some((c) => typeof c === 'number')) return { row: h + 1, columns }
  }
  return null
}

/** Reads a budget file of the project; checks every cell; returns the cells it sets only when none is wrong. */
export async function readBudgetFile(ctx: ServiceContext, input: { projectId: number; fileName: string; base64: string }): Promise<BudgetFileResult> {
  const p = await requireProject(ctx, input.projectId)
  let grid: RawCell[][]
  // The template's total column is a formula whose result Excel saves; one written by a program may lack it, and is not read.
  const unsaved: UnsavedFormula[] = []
  try {
    grid = await readGrid(Buffer.from(input.base64, 'base64'), input.fileName, unsaved)
  } catch (e) {
    throw fileRefusal(input.fileName, e)
  }
  const result: BudgetFileResult = { fileName: input.fileName, headerRow: null, rows: 0, problems: [], sourceIds: [], years: [], amounts: [] }
  const header = findHeader(grid)
  if (!header) {
    result.problems.push({ row: 0, column: '', columnMn: '', reason: 'No header row found: the first rows must name the columns Code, Funding source and Year 1, Year 2, … (in English or Mongolian)', key: 'imp.budget.noHeader' })
    return result
  }
  result.headerRow = header.row
  const years = projectYears(p)
  const problem = (row: number, title: { en: string; mn: string }, reason: string, key: string, vars: Record<string, string | number> = {}) =>
    result.problems.push({ row, column: title.en, columnMn: title.mn, reason, key, vars })
  const yearColumns = [...header.columns.entries()].filter((e): e is [number, number] => typeof e[1] === 'number')
  for (const [, y] of yearColumns) {
    if (y < 1 || y > years) problem(header.row, yearTitle(y), `Year ${y} is not a year of the project, which has ${years}`, 'imp.budget.notYear', { year: y, years })
  }
  const at = (c: Column) => [...header.columns.entries()].find(([, v]) => v === c)?.[0]
  type Named = { id: number; code: string; en: string; mn: string }
  const lines = new Map<string, Named>()
  for (const l of await ctx.sql.all<Named>('SELECT id, code, name_en AS en, name_mn AS mn FROM budget_line WHERE project_id = :id', { id: p.id })) lines.set(l.code, l)
  const mains = new Set(await ctx.sql.column<string>('SELECT code FROM budget_main_line WHERE project_id = :id', { id: p.id }))
  const sources = new Map<string, Named>()
  for (const s of await ctx.sql.all<Named>('SELECT id, code, name_en AS en, name_mn AS mn FROM funding_source WHERE project_id = :id', { id: p.id })) {
    for (const k of [s.code, s.en, s.mn]) sources.set(norm(k), s)
  }
  const seen = new Map<string, number>()
  const cells: BudgetCell[] = []
  const covered = new Set<number>()
  for (let r = header.row; r < grid.length; r++) {
    const row = grid[r] ?? []
    const cell = (i: number | undefined) => (i === undefined ? null : (row[i] ?? null))
    if ([at('code'), at('source'), ...yearColumns.map(([i]) => i)].every((i) => text(cell(i)) === '')) continue
    const n = r + 1
    result.rows++
    // A code typed as a number (4.1) or as text; `4.10` and `4.1` differ, so a number cell is read as Excel shows it.
    const code = text(cell(at('code'))).replace(/\s+/g, '')
    const line = lines.get(code)
    if (!code) problem(n, TITLES.code, 'is empty', 'v.empty')
    else if (!line && mains.has(code)) problem(n, TITLES.code, `${code} is a main line: its amounts go on its sub-lines (${code}.1, …)`, 'imp.budget.mainLine', { code })
    else if (!line) problem(n, TITLES.code, `"${code}" is not a budget line of the project`, 'imp.notLine', { value: code })
    const sourceText = text(cell(at('source')))
    const source = sources.get(norm(sourceText))
    if (!sourceText) problem(n, TITLES.source, 'is empty', 'v.empty')
    else if (!source) problem(n, TITLES.source, `"${sourceText}" is not a funding source of the project`, 'imp.notSource', { value: sourceText })
    if (line && source) {
      const k = `${line.id}/${source.id}`
      if (seen.has(k)) problem(n, TITLES.code, `${code} for ${source.code} is also on row ${seen.get(k)}`, 'imp.budget.repeat', { code, source: source.code, row: seen.get(k)! })
      else seen.set(k, n)
    }
    if (source) covered.add(source.id)
    for (const [i, y] of yearColumns) {
      const formula = unsaved.find((u) => u.row === n && u.col === i + 1)
      if (formula) problem(n, yearTitle(y), `has a formula (=${formula.formula}) without its result saved: open the file in Excel or LibreOffice and save it again`, 'imp.budget.unsaved', { formula: formula.formula })
      const v = cell(i)
      if (text(v) === '') continue
      const read = typeof v === 'number' || typeof v === 'string' ? parseAmount(v, 'DKK', 'nonNegative') : null
      if (!read) problem(n, yearTitle(y), `"${text(v)}" is not an amount`, 'imp.notAmount', { value: text(v) })
      else if (!read.ok) problem(n, yearTitle(y), read.message, read.key, read.vars)
      else if (read.minor > 0 && line && source && y >= 1 && y <= years) cells.push({ lineId: line.id, projectYear: y, sourceId: source.id, amountMinor: read.minor })
    }
  }
  if (result.rows === 0) problem(header.row, TITLES.code, 'The file holds no budget rows under its header', 'imp.budget.noRows')
  result.years = yearColumns.map(([, y]) => y).filter((y) => y >= 1 && y <= years)
  if (result.problems.length) return result
  result.sourceIds = [...covered].sort((a, b) => a - b)
  result.amounts = cells
  return result
}

/**
 * The budget template in the user's language (the reader takes both): a row
 * per funding source and sub-line, a column per project year, filled with the
 * budget in force so that a revision starts from it.
 */
export async function budgetTemplate(ctx: ServiceContext, projectId: number, lang: 'mn' | 'en' = 'mn'): Promise<ReportFile> {
  const p = await requireProject(ctx, projectId)
  const mn = lang === 'mn'
  const years = projectYears(p)
  const all = await versions(ctx, p.id)
  const budget = all.length ? await getBudget(ctx, p.id) : null
  const amount = new Map((budget?.amounts ?? []).map((a) => [`${a.lineId}/${a.projectYear}/${a.sourceId}`, a.amountMinor]))
  const lines = await ctx.sql.all<{ id: number; code: string; name: string }>(
    `SELECT id, code, ${mn ? 'name_mn' : 'name_en'} AS name FROM budget_line WHERE project_id = :id ORDER BY CAST(main_code AS INTEGER), id`,
    { id: p.id },
  )
  const sources = await ctx.sql.all<{ id: number; code: string }>('SELECT id, code FROM funding_source WHERE project_id = :id ORDER BY id', { id: p.id })
  const wb = new ExcelJS.Workbook()
  wb.creator = 'SPN Secretariat'
  const ws = wb.addWorksheet(mn ? 'Төсөв' : 'Budget', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] })
  const yearKeys = Array.from({ length: years }, (_, i) => i + 1)
  ws.columns = [
    { header: TITLES.code[lang], key: 'code', width: 8 },
    { header: TITLES.line[lang], key: 'line', width: 48 },
    { header: TITLES.source[lang], key: 'source', width: 14 },
    ...yearKeys.map((y) => ({ header: yearTitle(y)[lang], key: `y${y}`, width: 15 })),
    { header: TITLES.total[lang], key: 'total', width: 16 },
  ]
  ws.getRow(1).font = { bold: true }
  const first = 4
  const last = first + years - 1
  const col = (n: number) => ws.getColumn(n).letter
  for (const s of sources) {
    for (const l of lines) {
      const values = yearKeys.map((y) => (amount.get(`${l.id}/${y}/${s.id}`) ?? 0) / 100)
      const row = ws.addRow({ code: l.code, line: l.name, source: s.code, ...Object.fromEntries(values.map((v, i) => [`y${i + 1}`, v || null])) })
      // Code as text: 4.10 must not become the number 4.1.
      row.getCell(1).numFmt = '@'
      const total = Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100
      row.getCell(last + 1).value = { formula: `SUM(${col(first)}${row.number}:${col(last)}${row.number})`, result: total }
      for (let c = first; c <= last + 1; c++) row.getCell(c).numFmt = '#,##0.00'
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: last + 1 } }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  return { fileName: `SPN-budget-${p.code}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64'), byteLength: bytes.length }
}
