import { MEASURE_UNITS, type Indicator } from '../../../../shared/api/resultsTypes'
import { formatDecimal } from '../../../../shared/domain/money'

/** An indicator's figure in its unit: `96,2%`, `12 000 ₮`, `DKK 533,33`, `1 200`; a dash when there is none. */
export function indicatorValue(i: Pick<Indicator, 'unit' | 'measure'>, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  if (i.unit === 'percent') return `${formatDecimal(v, 1)}%`
  const unit = i.measure ? MEASURE_UNITS[i.measure] : 'number'
  if (unit === 'mnt') return `${formatDecimal(v, 0)} ₮`
  if (unit === 'dkk') return `DKK ${formatDecimal(v, 2)}`
  return formatDecimal(v, 2)
}

export const percent = (v: number | null) => (v === null ? '—' : `${formatDecimal(v, 1)}%`)
