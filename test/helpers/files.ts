import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'

/** Text of a PDF as pdftotext (poppler-utils) extracts it, in reading layout. */
export function pdfText(bytes: Buffer): string {
  return withFile(bytes, 'pdf', (f) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }))
}

/** pdffonts' table: one line per font with its embedded flag. */
export function pdfFonts(bytes: Buffer): Array<{ name: string; embedded: boolean }> {
  return withFile(bytes, 'pdf', (f) =>
    execFileSync('pdffonts', [f], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/)
        return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' }
      }),
  )
}

export function pdfPages(bytes: Buffer): number {
  return withFile(bytes, 'pdf', (f) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1]))
}

export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}

/** A cell's number: the value, or a formula's cached result (exceljs reads a cached 0 as absent). */
export function num(cell: ExcelJS.Cell): number {
  const v = cell.value as unknown
  if (typeof v === 'number') return v
  if (v && typeof v === 'object' && 'formula' in v) return ((v as { result?: number }).result ?? 0)
  throw new Error(`Cell ${cell.address} holds no number: ${JSON.stringify(v)}`)
}

function withFile<T>(bytes: Buffer, ext: string, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'spn-file-'))
  const file = join(dir, `f.${ext}`)
  writeFileSync(file, bytes)
  try {
    return fn(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The first row whose first cell holds this text (e.g. a totals row). */
export function rowLabelled(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r)
  throw new Error(`No row labelled ${label} in ${ws.name}`)
}
