import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { demoBackend, type TestBackend } from '../helpers/backend'
import { readXlsx } from '../helpers/files'
import { DEMO_REPORTS, MORE_REPORTS } from '../helpers/reportInputs'

/*
 * Every report's workbook as a spreadsheet program shows it: each number,
 * formatted as its cell's format says, fits its column (no "###"), bold
 * totals included; a header wraps between words, never inside one; a label
 * that does not wrap is not cut off by a filled cell beside it. Widths are in
 * characters (Excel's unit, the width of a digit), counted strictly: every
 * character as wide as a digit, bold a tenth wider, a character of padding.
 */

let t: TestBackend
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t.close())

const REPORTS = [...DEMO_REPORTS, ...MORE_REPORTS]

/** A number as Excel shows it under the formats the writer uses (en-US separators). */
export function formatted(value: number | Date, numFmt: string | undefined): string {
  if (value instanceof Date) return numFmt ? numFmt.replace(/"/g, '') : value.toISOString().slice(0, 10)
  const group = (n: number, decimals: number) => {
    const [i, d] = Math.abs(n).toFixed(decimals).split('.')
    return `${n < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${d ? `.${d}` : ''}`
  }
  // A quoted text before the number is a prefix (`"DKK "#,##0.00`), after it a suffix (`#,##0 "₮"`).
  const prefix = /^"([^"]*)"/.exec(numFmt ?? '')?.[1] ?? ''
  const suffix = prefix ? undefined : /"([^"]*)"/.exec(numFmt ?? '')?.[1]
  const tail = suffix ? ` ${suffix}` : ''
  numFmt = numFmt?.replace(/^"[^"]*"/, '')
  if (!numFmt || numFmt === 'General') return prefix + String(Number(value.toPrecision(11)))
  if (numFmt.endsWith('%')) return `${(value * 100).toFixed((/0\.(0+)%/.exec(numFmt)?.[1] ?? '').length)}%`
  if (numFmt.startsWith('#,##0.00')) return prefix + group(value, 2) + tail
  if (numFmt.startsWith('#,##0.0#')) return group(value, Number.isInteger(value * 10) ? 1 : 2) + tail
  if (numFmt.startsWith('#,##0')) return group(value, 0) + tail
  const decimals = /^0\.(0+)/.exec(numFmt)?.[1]?.length ?? 0
  return value.toFixed(decimals) + tail
}

const valueOf = (cell: ExcelJS.Cell): unknown => {
  const v = cell.value
  if (v && typeof v === 'object' && !(v instanceof Date) && 'result' in v) return v.result
  return v
}

function problems(wb: ExcelJS.Workbook): string[] {
  const out: string[] = []
  wb.eachSheet((ws) => {
    if (ws.state === 'hidden') return
    ws.eachRow((row) => {
      row.eachCell((cell, c) => {
        const width = ws.getColumn(c).width ?? 8.43
        const v = valueOf(cell)
        const bold = cell.font?.bold ? 1.1 : 1
        const where = `${ws.name}!${cell.address}`
        if (typeof v === 'number' || v instanceof Date) {
          const text = formatted(v, cell.numFmt)
          if (text.length * bold > width - 1) out.push(`${where}: "${text}" in a column ${width} wide`)
          return
        }
        // A note merged across the page wraps in the width of all its columns.
        if (typeof v !== 'string' || cell.isMerged) return
        if (cell.alignment?.wrapText) {
          // Wraps between words: its longest word must fit.
          const word = v.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '')
          if (word.length * bold > width - 1) out.push(`${where}: the word "${word}" is cut in a column ${width} wide`)
          return
        }
        // A label that does not wrap spills into the next cell only while that one is empty.
        const next = row.getCell(c + 1)
        if (valueOf(next) !== null && valueOf(next) !== undefined && valueOf(next) !== '' && v.length * bold > width - 1) {
          out.push(`${where}: "${v.slice(0, 40)}" is cut by ${next.address} (column ${width} wide)`)
        }
      })
    })
  })
  return out
}

describe('workbooks that display', () => {
  it.each(REPORTS.flatMap((r) => (['mn', 'en'] as const).map((lang) => [`${r.report} ${JSON.stringify(r)} ${lang}`, r, lang] as const)))('%s: every number and header fits its column', async (_name, input, lang) => {
    const bytes = Buffer.from((await t.must('reports.generate', { ...input, lang, format: 'xlsx' } as never)).base64, 'base64')
    expect(problems(await readXlsx(bytes))).toEqual([])
  })

  it('counts widths strictly enough to fail a narrow column', () => {
    expect(formatted(1234567.89, '"DKK "#,##0.00')).toBe('DKK 1,234,567.89')
    expect(formatted(98765432, '#,##0 "₮"')).toBe('98,765,432 ₮')
    expect(formatted(0.1234, '0.0%')).toBe('12.3%')
    expect(formatted(212.3456, '0.0000')).toBe('212.3456')
  })
})
