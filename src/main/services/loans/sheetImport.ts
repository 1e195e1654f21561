import ExcelJS from 'exceljs'
import { DomainError } from '../../../shared/domain/result'
import { formatDateMn } from '../../../shared/domain/dates'
import { formatMnt } from '../../../shared/domain/money'
import { CATALOGUES, type MessageKey } from '../../../shared/i18n'
import { messageRef } from '../../../shared/i18n/issues'
import type { AttendanceStatus } from '../../../shared/api/groupsTypes'
import type { SheetEntryLine, SheetImportResult } from '../../../shared/api/sheetsTypes'
import type { ServiceContext } from '../context'
import { cellValue, checkWorkbook, fileRefusal, FormulaWithoutResult, type RawCell } from '../finance/ledgerFile'
import { KEY_SHEET, type SheetKey } from '../../reports/xlsx'
import { collectionSheet, enterSheet } from './sheets'

/*
 * A filled collection sheet (.xlsx made by `report collection`) read back and
 * entered: a branch office without the app fills it in Excel and sends it.
 * The hidden sheet names each sheet's small group, date and columns; every
 * sheet of the file is entered in the one transaction of the call, so a
 * refused row leaves nothing written. Blank attendance counts as present
 * when the member paid anything, else absent; blank amounts are nothing paid.
 */

const STATUSES: AttendanceStatus[] = ['present', 'late', 'represented', 'excused', 'absent']

/** "Ирсэн", "present", "Present" → present: the attendance words of both languages. */
const STATUS_WORDS = new Map<string, AttendanceStatus>(
  STATUSES.flatMap((s) => [
    [s, s],
    [CATALOGUES.en[`g.att.${s}` as MessageKey].toLocaleLowerCase('mn'), s],
    [CATALOGUES.mn[`g.att.${s}` as MessageKey].toLocaleLowerCase('mn'), s],
  ]),
)

const AMOUNT_COLUMNS = { compulsoryPaid: 'compulsoryMinor', voluntary: 'voluntaryMinor', withdrawal: 'withdrawalMinor', loanPaid: 'repaymentMinor' } as const
type AmountColumn = keyof typeof AMOUNT_COLUMNS

const notASheet = (fileName: string) => new DomainError('validation', `The file ${fileName} is not a collection sheet made by the app`, 'fileName', { key: 'r.importNotSheet', vars: { file: fileName } })

/** An amount in ₮ as typed (1000, "1 000", "1 000 ₮", 1000.5) to minor units; null when it is not one. */
function amountOf(v: RawCell): number | null {
  if (v === null || v === '') return 0
  if (v instanceof Date) return null
  const n = typeof v === 'number' ? v : Number(v.replace(/[\s\u00a0\u202f]|₮|,/g, ''))
  if (!Number.isFinite(n) || n < 0) return null
  const minor = Math.round(n * 100)
  return Math.abs(minor - n * 100) < 1e-6 ? minor : null
}

function read(ws: ExcelJS.Worksheet, row: number, col: number): RawCell {
  try {
    return cellValue(ws.getRow(row).getCell(col).value)
  } catch (e) {
    if (e instanceof FormulaWithoutResult) return null
    throw e
  }
}

/** A refusal of one row, said with the sheet and row as the officer sees them in Excel. */
function rowError(sheet: string, row: number, name: string, reason: { key: string; vars?: Record<string, string | number> }, english: string, field = 'fileName'): DomainError {
  return new DomainError('validation', `Sheet ${sheet}, row ${row} (${name}): ${english}`, field, { key: 'r.importRow', vars: { ...reason.vars, sheet, row, name, reason: reason.key } })
}

export async function importSheets(ctx: ServiceContext, input: { fileName: string; base64: string }): Promise<SheetImportResult> {
  const bytes = Buffer.from(input.base64, 'base64')
  const wb = new ExcelJS.Workbook()
  try {
    checkWorkbook(bytes)
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (e) {
    throw fileRefusal(input.fileName, e)
  }
  const keySheet = wb.getWorksheet(KEY_SHEET)
  const keys: SheetKey[] = []
  keySheet?.eachRow((r) => {
    try {
      keys.push(JSON.parse(String(r.getCell(1).value)) as SheetKey)
    } catch {
      /* a damaged line is treated as missing */
    }
  })
  if (!keys.length) throw notASheet(input.fileName)
  const out: SheetImportResult = { sheets: [] }
  for (const k of keys) {
    const ws = wb.getWorksheet(k.sheet)
    if (!ws) throw notASheet(input.fileName)
    const ssgId = Number(k.key.ssgId)
    const heldOn = String(k.key.heldOn)
    const sheet = await collectionSheet(ctx, { ssgId, heldOn })
    const col = (key: string) => k.columns.indexOf(key) + 1
    const label = (key: string) => String(read(ws, k.headerRow, col(key)) ?? key)
    const onSheet = new Map(sheet.lines.map((l) => [l.personId, l]))
    const lines: SheetEntryLine[] = []
    const rowOf = new Map<number, number>()
    const sums: Record<AmountColumn, number> = { compulsoryPaid: 0, voluntary: 0, withdrawal: 0, loanPaid: 0 }
    for (let r = k.headerRow + 1; r <= k.headerRow + k.rows; r++) {
      const id = Number(read(ws, r, col('id')))
      const name = String(read(ws, r, col('name')) ?? '')
      const line = onSheet.get(id)
      if (!line) throw rowError(k.sheet, r, name, { key: 'r.importUnknownMember', vars: { id: String(read(ws, r, col('id')) ?? ''), group: sheet.ssgCode, date: formatDateMn(heldOn) } }, `ID ${id} is not a member of ${sheet.ssgCode} on ${heldOn}`)
      const amounts = {} as Record<AmountColumn, number>
      for (const c of Object.keys(AMOUNT_COLUMNS) as AmountColumn[]) {
        const raw = read(ws, r, col(c))
        const minor = amountOf(raw)
        if (minor === null) throw rowError(k.sheet, r, line.name, { key: 'r.importAmount', vars: { column: label(c), value: String(raw) } }, `${label(c)}: "${String(raw)}" is not an amount in ₮`)
        amounts[c] = minor
        sums[c] += minor
      }
      const word = read(ws, r, col('attendance'))
      let status: AttendanceStatus | undefined
      if (word === null || String(word).trim() === '') status = Object.values(amounts).some((a) => a > 0) ? 'present' : 'absent'
      else status = STATUS_WORDS.get(String(word).trim().toLocaleLowerCase('mn'))
      if (!status) throw rowError(k.sheet, r, line.name, { key: 'r.importAttendance', vars: { value: String(word) } }, `the attendance "${String(word)}" is not one of ${STATUSES.join(', ')}`)
      rowOf.set(lines.length, r)
      lines.push({ personId: id, status, compulsoryMinor: amounts.compulsoryPaid, voluntaryMinor: amounts.voluntary, withdrawalMinor: amounts.withdrawal, repaymentMinor: amounts.loanPaid })
      onSheet.delete(id)
    }
    if (onSheet.size) {
      const names = [...onSheet.values()].map((l) => l.name).join(', ')
      throw new DomainError('validation', `Sheet ${k.sheet}: the rows of ${names} are missing`, 'fileName', { key: 'r.importMissingRows', vars: { sheet: k.sheet, names } })
    }
    // The totals row as the officer filled or Excel computed it must equal the rows.
    const totalRow = k.headerRow + k.rows + 1
    for (const c of Object.keys(AMOUNT_COLUMNS) as AmountColumn[]) {
      const raw = read(ws, totalRow, col(c))
      if (raw === null || raw === '') continue
      const total = amountOf(raw)
      if (total !== sums[c]) {
        throw new DomainError('validation', `Sheet ${k.sheet}, row ${totalRow} (totals), ${label(c)}: the total ${String(raw)} does not add up: the rows come to ${formatMnt(sums[c])}`, 'fileName', {
          key: 'r.importTotal',
          vars: { sheet: k.sheet, row: totalRow, column: label(c), total: total === null ? String(raw) : formatMnt(total), sum: formatMnt(sums[c]) },
        })
      }
    }
    try {
      const result = await enterSheet(ctx, { ssgId, heldOn, lines, minutes: null })
      out.sheets.push({ ssgCode: sheet.ssgCode, heldOn, ...result })
    } catch (e) {
      if (!(e instanceof DomainError)) throw e
      const at = /^lines\.(\d+)\./.exec(e.field ?? '')
      if (!at) throw new DomainError(e.code, e.message, 'fileName', e.ref)
      const i = Number(at[1])
      const reason = e.ref ?? messageRef(e.message.replace(/^row \d+ \([^)]*\): /, '')) ?? { key: 'r.importRowText', vars: { text: e.message } }
      throw rowError(k.sheet, rowOf.get(i)!, sheet.lines.find((l) => l.personId === lines[i].personId)?.name ?? '', reason, e.message)
    }
  }
  return out
}
