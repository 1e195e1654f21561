import type { Lang } from '../../shared/i18n'

/**
 * A report is data first: a query step builds this plain model, and pure
 * writers turn it into xlsx or PDF bytes. Figures are computed once, here,
 * so every format shows the same numbers.
 */
export type CellValue = string | number | null
/** int: a count; decimal: a figure with decimals (an indicator's); mnt/dkk: integer minor units of the currency; date: `YYYY-MM-DD`; percent: a share (0.25 = 25%). */
export type ColumnType = 'text' | 'int' | 'decimal' | 'mnt' | 'dkk' | 'date' | 'percent'

/** A bar chart of a few series over categories (an indicator's actual against target per year): drawn in the PDF; the figures are in the section's table. */
export interface ReportChart {
  title: string
  categories: string[]
  series: Array<{ label: string; values: Array<number | null> }>
  /** How a value is written on the chart. */
  unit: '' | '%' | '₮' | 'DKK'
}

export interface ReportColumn {
  key: string
  label: string
  type: ColumnType
  /** PDF: a fixed width in points, for a column filled in by hand or a name that must not wrap. */
  width?: number
}

export interface ReportTable {
  columns: ReportColumn[]
  rows: Array<Record<string, CellValue>>
  /** A totals row: the label goes in the first column, sums of `keys` below their columns. */
  total?: { label: string; keys: string[] }
  /**
   * Excel only: a column's cells as formulas (row by row, aligned with `rows`;
   * null: the plain value), each with the row's value as its cached result, so
   * a reader can trace a figure to the sheet it is computed from.
   */
  formulas?: Record<string, Array<string | null>>
}

export interface ReportSection {
  title: string
  /** The section's own period, when it is not the report's (a cumulative sheet in a year's report). */
  period?: string
  /** Excel sheet name: at most 31 characters, no []:*?/\ */
  sheetName: string
  description?: string
  table: ReportTable
  notes?: string[]
  /** PDF: start the section on a new page (a collection sheet per page). */
  newPage?: boolean
  /**
   * What the sheet is, for reading a filled copy back (a collection sheet's
   * small group and date): written to a hidden sheet of the workbook with
   * the column keys, never shown.
   */
  key?: Record<string, string | number>
  /** Lines printed under the table to be filled in by hand (signatures, cash counted). */
  signatures?: string[]
  /** PDF: charts under the table. */
  charts?: ReportChart[]
  /** In the workbook only (the vouchers the figures are computed from: the PDF has them in its own report). */
  xlsxOnly?: boolean
}

export interface ReportModel {
  /** The report's id, e.g. `membership`. */
  report: string
  lang: Lang
  title: string
  organisation: string
  period: { from: string; to: string; label: string }
  generatedAt: string
  /** Key figures for the cover sheet and the first PDF page. */
  summary: Array<{ label: string; value: CellValue; type: ColumnType }>
  sections: ReportSection[]
  notes: string[]
  /** Exchange rates used where money is converted (none for reports without money). */
  rates: Array<{ label: string; rate: string }>
  /** Writer labels in the report's language. */
  labels: { page: string; of: string; generated: string; period: string; total: string; notes: string; rates: string; summary: string }
}

/** The sums of a table's total keys: the one place totals are computed. */
export function tableTotals(table: ReportTable): Record<string, number> {
  const out: Record<string, number> = {}
  for (const key of table.total?.keys ?? []) {
    out[key] = table.rows.reduce((s, r) => s + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0)
  }
  return out
}

/** Minor units to major for display (MNT and DKK both have two decimals in ISO 4217). */
export const MINOR_PER_MAJOR = 100
