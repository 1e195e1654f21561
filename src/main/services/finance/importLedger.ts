import { lockedThrough } from './locks'
import ExcelJS from 'exceljs'
import type { ReportFile } from '../../../shared/api/contract'
import { audit, type ServiceContext } from '../context'
import { ExpenseEntity } from '../../db/entities'
import { insertMany } from '../../db/bulk'
import { forbiddenCharacter, normalizeIdentifier, stripInvisible } from '../../../shared/domain/text'
import { requireProject } from './projects'
import { forgetConversions } from './money'
import { COLUMN_TITLES, LEDGER_COLUMNS, locateTable, parseDate, readGrid, type LedgerColumn, type RawCell, fileRefusal } from './ledgerFile'
import { parseAmount } from '../../../shared/domain/amount'

export interface ImportProblem {
  row: number
  column: string
  columnMn: string
  reason: string
  key?: string
  vars?: Record<string, string | number>
}

export interface ImportPreviewRow {
  row: number
  spentOn: string
  voucher: string
  lineCode: string
  costCentre: string
  description: string
  amountMinor: number
  currency: 'MNT' | 'DKK'
  source: string
}

export interface ImportResult {
  fileName: string
  headerRow: number | null
  rows: number
  problems: ImportProblem[]
  /** The first rows as they will be recorded. */
  preview: ImportPreviewRow[]
  imported: number
  dryRun: boolean
}

/** A cell as text, without invisible characters (as a text field of the app takes it). */
const text = (v: RawCell) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : stripInvisible(String(v)).trim())
const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim()
const SECRETARIAT_NAMES = ['secretariat', 'damost', 'ажлын алба', 'ажлын алба (damost)', 'secretariat (damost)', 'төв', 'central']

/**
 * Reads a ledger file and checks every row against the project; imports all
 * rows in one go, or none when any row has a problem (or on a dry run).
 */
export async function importLedger(ctx: ServiceContext, input: { projectId: number; fileName: string; base64: string; dryRun: boolean }): Promise<ImportResult> {
  const p = await requireProject(ctx, input.projectId)
  let grid: RawCell[][]
  try {
    grid = await readGrid(Buffer.from(input.base64, 'base64'), input.fileName)
  } catch (e) {
    throw fileRefusal(input.fileName, e)
  }
  const table = locateTable(grid)
  const result: ImportResult = { fileName: input.fileName, headerRow: null, rows: 0, problems: [], preview: [], imported: 0, dryRun: input.dryRun }
  if ('error' in table) {
    result.problems.push({ row: 0, column: '', columnMn: '', reason: table.error, ...(table.missing ? { key: 'imp.noColumns', vars: { row: table.headerRow ?? 0, columns: table.missing.map((m) => COLUMN_TITLES[m].mn).join(', ') } } : { key: 'imp.noHeader' }) })
    return result
  }
  result.headerRow = table.headerRow
  result.rows = table.rows.length
  const lines = new Map<string, { id: number; code: string }>()
  const params = { projectId: p.id }
  type Named = { id: number; code: string; en: string; mn: string }
  for (const l of await ctx.sql.all<Named>('SELECT id, code, name_en AS en, name_mn AS mn FROM budget_line WHERE project_id = :projectId', params)) {
    for (const k of [l.code, l.en, l.mn, `${l.code} ${l.en}`, `${l.code} ${l.mn}`]) lines.set(key(k), l)
  }
  const branches = new Map<string, { id: number | null; name: string }>()
  for (const b of await ctx.sql.all<Named>('SELECT id, code, name_en AS en, name_mn AS mn FROM branch')) {
    for (const k of [b.code, b.en, b.mn]) branches.set(key(k), { id: b.id, name: b.en })
  }
  for (const k of SECRETARIAT_NAMES) branches.set(k, { id: null, name: 'Secretariat' })
  const sources = new Map<string, { id: number; code: string }>()
  for (const s of await ctx.sql.all<Named>('SELECT id, code, name_en AS en, name_mn AS mn FROM funding_source WHERE project_id = :projectId', params)) {
    for (const k of [s.code, s.en, s.mn]) sources.set(key(k), s)
  }
  const lock = await lockedThrough(ctx, p.id)
  const existing = new Set((await ctx.sql.column<string>('SELECT voucher FROM expense WHERE project_id = :projectId AND voided_at IS NULL', params)).map(normalizeIdentifier))
  const seen = new Map<string, number>()
  const good: Array<ImportPreviewRow & { lineId: number; branchId: number | null; sourceId: number }> = []
  for (const r of table.rows) {
    const problem = (column: LedgerColumn, reason: string, key: string, vars: Record<string, string | number> = {}) =>
      result.problems.push({ row: r.row, column: COLUMN_TITLES[column].en, columnMn: COLUMN_TITLES[column].mn, reason, key, vars })
    const before = result.problems.length
    const spentOn = parseDate(r.cells.date)
    if (!spentOn) problem('date', `"${text(r.cells.date)}" is not a date (YYYY-MM-DD or YYYY.MM.DD)`, 'imp.notDate', { value: text(r.cells.date) })
    else if (spentOn < p.startsOn || spentOn > p.endsOn) problem('date', `${spentOn} is outside the project period (${p.startsOn} to ${p.endsOn})`, 'imp.outsideProject', { date: spentOn, from: p.startsOn, to: p.endsOn })
    else if (lock && spentOn <= lock.to) problem('date', `${spentOn} is in a period already submitted to the donor (up to ${lock.to})`, 'imp.locked', { date: spentOn, to: lock.to })
    // Compared and stored in one form, as typed in the app: `u‑100` and `U-100` are one voucher.
    const voucher = normalizeIdentifier(text(r.cells.voucher))
    if (!voucher) problem('voucher', 'is empty', 'v.empty')
    else if (voucher.length > 40) problem('voucher', 'is longer than 40 characters', 'v.maxChars', { max: 40 })
    else if (existing.has(voucher)) problem('voucher', `${voucher} is already recorded`, 'imp.recorded', { voucher })
    else if (seen.has(voucher)) problem('voucher', `${voucher} is also on row ${seen.get(voucher)}`, 'imp.alsoOnRow', { voucher, row: seen.get(voucher)! })
    else seen.set(voucher, r.row)
    const line = lines.get(key(text(r.cells.line)))
    if (!line) problem('line', `"${text(r.cells.line)}" is not a budget line of the project`, 'imp.notLine', { value: text(r.cells.line) })
    const branch = branches.get(key(text(r.cells.branch)))
    if (!branch) problem('branch', `"${text(r.cells.branch)}" is not a local organisation or the secretariat`, 'imp.notBranch', { value: text(r.cells.branch) })
    const description = text(r.cells.description)
    const bad = forbiddenCharacter(description)
    if (!description) problem('description', 'is empty', 'v.empty')
    else if (bad) problem('description', `contains an invisible control character (${bad})`, 'v.controlChar', { char: bad })
    const cur = key(text(r.cells.currency))
    const currency = ['mnt', '₮', 'төгрөг', 'tugrik'].includes(cur) ? 'MNT' : ['dkk', 'kr', 'kr.', 'крон'].includes(cur) ? 'DKK' : null
    // The app's one reader of amounts: the same formats and refusals as the forms.
    const cell = r.cells.amount
    const read = typeof cell === 'number' || typeof cell === 'string' ? parseAmount(cell, currency) : null
    const amount = read?.ok ? read.minor : null
    if (!read) problem('amount', `"${text(cell)}" is not an amount`, 'imp.notAmount', { value: text(cell) })
    else if (!read.ok) problem('amount', read.message, read.key, read.vars)
    if (!currency) problem('currency', `"${text(r.cells.currency)}" must be MNT or DKK`, 'imp.notCurrency', { value: text(r.cells.currency) })
    const source = sources.get(key(text(r.cells.source)))
    if (!source) problem('source', `"${text(r.cells.source)}" is not a funding source of the project`, 'imp.notSource', { value: text(r.cells.source) })
    if (result.problems.length === before) {
      good.push({ row: r.row, spentOn: spentOn!, voucher, lineCode: line!.code, costCentre: branch!.name, description: description.slice(0, 300), amountMinor: amount!, currency: currency!, source: source!.code, lineId: line!.id, branchId: branch!.id, sourceId: source!.id })
    }
  }
  result.preview = good.slice(0, 20).map(({ lineId: _l, branchId: _b, sourceId: _s, ...row }) => row)
  if (result.problems.length || input.dryRun || good.length === 0) return result
  await insertMany(
    ctx.tx,
    ExpenseEntity,
    good.map((g) => ({
      projectId: p.id,
      spentOn: g.spentOn,
      voucher: g.voucher,
      lineId: g.lineId,
      branchId: g.branchId,
      description: g.description,
      amountMinor: g.amountMinor,
      currency: g.currency,
      sourceId: g.sourceId,
      createdAt: ctx.now,
    })),
  )
  forgetConversions(ctx)
  result.imported = good.length
  await audit(ctx, 'expense_import', p.id, null, { fileName: input.fileName, rows: good.length, vouchers: [good[0].voucher, good[good.length - 1].voucher] })
  return result
}

/**
 * The import template, in the user's language (the import reads both): the
 * header row, and dropdowns for budget line, branch, currency and funding source.
 */
export async function ledgerTemplate(ctx: ServiceContext, projectId: number, lang: 'mn' | 'en' = 'mn'): Promise<ReportFile> {
  const p = await requireProject(ctx, projectId)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'SPN Secretariat'
  const mn = lang === 'mn'
  const ws = wb.addWorksheet(mn ? 'Зарлага' : 'Expenses', { views: [{ state: 'frozen', ySplit: 1 }] })
  const listSheet = mn ? 'Жагсаалт' : 'Lists'
  const lists = wb.addWorksheet(listSheet, { state: 'hidden' })
  const params = { projectId: p.id }
  const lineNames = (
    await ctx.sql.all<{ code: string; name: string }>(
      `SELECT code, ${mn ? 'name_mn' : 'name_en'} AS name FROM budget_line WHERE project_id = :projectId ORDER BY CAST(main_code AS INTEGER), code`,
      params,
    )
  ).map((l) => `${l.code} ${l.name}`)
  const branchColumn = mn ? 'name_mn' : 'name_en'
  const branchNames = [mn ? 'Ажлын алба' : 'Secretariat', ...(await ctx.sql.column<string>(`SELECT ${branchColumn} FROM branch ORDER BY is_project_branch DESC, ${branchColumn}, id`))]
  const sourceCodes = await ctx.sql.column<string>('SELECT code FROM funding_source WHERE project_id = :projectId ORDER BY id', params)
  const columns: Array<[string[], string]> = [
    [lineNames, 'A'],
    [branchNames, 'B'],
    [['MNT', 'DKK'], 'C'],
    [sourceCodes, 'D'],
  ]
  for (const [values, col] of columns) values.forEach((v, i) => (lists.getCell(`${col}${i + 1}`).value = v))
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: COLUMN_TITLES[c][lang], key: c, width: c === 'description' ? 40 : c === 'line' ? 36 : 16 }))
  ws.getRow(1).font = { bold: true }
  const validation = (col: string, list: string, n: number) => {
    for (let r = 2; r <= 2000; r++) {
      ws.getCell(`${col}${r}`).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [`${listSheet}!$${list}$1:$${list}$${n}`] }
    }
  }
  validation('C', 'A', lineNames.length)
  validation('D', 'B', branchNames.length)
  validation('G', 'C', 2)
  validation('H', 'D', sourceCodes.length)
  for (let r = 2; r <= 2000; r++) {
    ws.getCell(`A${r}`).numFmt = 'yyyy.mm.dd'
    ws.getCell(`F${r}`).numFmt = '#,##0.00'
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  return { fileName: `SPN-expense-ledger-template-${p.code}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64'), byteLength: bytes.length }
}
