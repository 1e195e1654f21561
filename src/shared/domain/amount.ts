/**
 * One reader of amounts for the forms, the ledger import and the CLI: what
 * staff type and paste, including the app's own display format.
 *
 *   1 250 000   1250000   150 000,00   150000.00   2 750,50   1.250.000,50   1,250,000.50
 *
 * Spaces (also no-break and thin spaces) and apostrophes group thousands; with
 * both `.` and `,` the last one is the decimal mark; one mark followed by one
 * or two digits is the decimal mark; repeated marks with groups of three are
 * thousands. One mark followed by exactly three digits (`1,250`) is ambiguous
 * and refused with both readings named, except in a tögrög field, where only
 * the thousands reading is possible. Tögrög have no minor unit in practice:
 * decimals other than ,00 are refused. Never a float: the digits are read as
 * integers.
 */
export type Currency = 'MNT' | 'DKK'

export type AmountRule = 'positive' | 'nonNegative' | 'any'

export interface AmountRefusal {
  ok: false
  /** A sentence of the validation catalogue, with its values. */
  key: 'v.amount.notAmount' | 'v.amount.ambiguous' | 'v.amount.mntDecimals' | 'v.amount.decimals' | 'v.moreThanZero' | 'v.notNegative' | 'v.tooLarge'
  vars: Record<string, string | number>
  /** The same in English, for the CLI and the log. */
  message: string
}

export type AmountResult = { ok: true; minor: number } | AmountRefusal

/** The largest amount an entry may hold, in minor units (a trillion tögrög). */
export const MAX_MINOR = 1e14

const CURRENCY_WORDS = /₮|\bMNT\b|\bDKK\b|\bkr\.?|төгрөг|төг\.?|крон/gi
const GROUP = /[\s\u00a0\u202f']+/g

/** `1250000` as `1 250 000` (for the two readings of an ambiguous input). */
const grouped = (digits: string) => digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ' ')

function refuse(key: AmountRefusal['key'], message: string, vars: Record<string, string | number> = {}): AmountRefusal {
  return { ok: false, key, vars, message }
}

/** Splits an amount written with marks into whole digits and decimals, or says why it cannot be read. */
function digitsOf(raw: string, currency: Currency | null): { whole: string; decimals: string } | AmountRefusal {
  const notAmount = refuse('v.amount.notAmount', `"${raw}" is not an amount`, { value: raw })
  const spaced = /\d[\s\u00a0\u202f']+\d/.test(raw)
  const s = raw.trim()
  if (!/^[\d\s\u00a0\u202f'.,]+$/.test(s) || !/\d/.test(s)) return notAmount
  const lastDot = s.lastIndexOf('.')
  const lastComma = s.lastIndexOf(',')
  const dots = (s.match(/\./g) ?? []).length
  const commas = (s.match(/,/g) ?? []).length
  let decimalAt = -1
  let thousands: string | null = null
  if (dots && commas) {
    decimalAt = Math.max(lastDot, lastComma)
    thousands = decimalAt === lastDot ? ',' : '.'
    if ((thousands === ',' ? lastComma : lastDot) > decimalAt) return notAmount
  } else if (dots + commas === 1) {
    const at = Math.max(lastDot, lastComma)
    const tail = s.slice(at + 1).replace(GROUP, '')
    if (tail.length === 0 || tail.length > 3 || at === 0) return notAmount
    if (tail.length === 3 && !spaced) {
      // `1,250`: a thousand and a quarter, or one and a quarter?
      if (currency === 'MNT') thousands = s[at]!
      else {
        const whole = s.slice(0, at).replace(GROUP, '')
        return refuse('v.amount.ambiguous', `"${raw}" could be ${grouped(whole + tail)} or ${grouped(whole)},${tail}: write it without the ${s[at]} or with a decimal comma, e.g. ${grouped(whole + tail)} or ${grouped(whole)},${tail.slice(0, 2)}`, {
          value: raw,
          thousands: grouped(whole + tail),
          decimal: `${grouped(whole)},${tail}`,
        })
      }
    } else decimalAt = at
  } else if (dots + commas > 1) {
    thousands = dots ? '.' : ','
  }
  const wholePart = decimalAt >= 0 ? s.slice(0, decimalAt) : s
  const decimals = decimalAt >= 0 ? s.slice(decimalAt + 1).replace(GROUP, '') : ''
  if (!/^\d*$/.test(decimals)) return notAmount
  if (decimals.length > 2) return refuse('v.amount.decimals', `"${raw}" has more than 2 decimals`, { value: raw })
  // Groups of thousands: the first of 1–3 digits, every other of exactly 3.
  const groups = wholePart.split(thousands === null ? GROUP : new RegExp(`[\\s\\u00a0\\u202f'${thousands === '.' ? '\\.' : ','}]+`))
  if (groups.length === 0) return decimals ? { whole: '0', decimals } : notAmount
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) return notAmount
  if (groups.some((g) => !/^\d+$/.test(g))) return notAmount
  return { whole: groups.join(''), decimals }
}

/**
 * Reads an amount typed, pasted or taken from a cell into minor units
 * (øre; tögrög ×100), or says in a catalogue sentence why it cannot.
 * `currency` may be null when the import has not read the currency yet.
 */
export function parseAmount(input: string | number, currency: Currency | null, rule: AmountRule = 'positive'): AmountResult {
  let minor: number
  const shown = String(input).trim()
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return refuse('v.amount.notAmount', `"${shown}" is not an amount`, { value: shown })
    minor = Math.round(input * 100)
    if (Math.abs(minor - input * 100) > 1e-6 * Math.max(1, Math.abs(minor))) return refuse('v.amount.decimals', `"${shown}" has more than 2 decimals`, { value: shown })
  } else {
    let s = input.replace(CURRENCY_WORDS, '').trim()
    const negative = /^[-−–]/.test(s)
    if (negative) s = s.slice(1).trim()
    if (!s) return refuse('v.amount.notAmount', `"${shown}" is not an amount`, { value: shown })
    const d = digitsOf(s, currency)
    if ('ok' in d) return { ...d, vars: { ...d.vars, value: shown }, message: d.message.replace(`"${s}"`, `"${shown}"`) }
    if (d.whole.replace(/^0+/, '').length > 13) return refuse('v.tooLarge', `"${shown}" is too large`, { value: shown })
    minor = Number(d.whole) * 100 + Number(d.decimals.padEnd(2, '0'))
    if (negative) minor = -minor
  }
  if (currency === 'MNT' && minor % 100 !== 0) return refuse('v.amount.mntDecimals', `"${shown}": tögrög are written without decimals`, { value: shown })
  if (Math.abs(minor) > MAX_MINOR) return refuse('v.tooLarge', `"${shown}" is too large`, { value: shown })
  if (rule === 'positive' && minor <= 0) return refuse('v.moreThanZero', 'must be more than 0')
  if (rule === 'nonNegative' && minor < 0) return refuse('v.notNegative', 'must not be negative')
  return { ok: true, minor: minor === 0 ? 0 : minor }
}

/** Minor units in the app's display format, for a field: `150 000,00` (DKK), `1 250 000` (MNT). */
export function amountText(minor: number, currency: Currency): string {
  const sign = minor < 0 ? '-' : ''
  const abs = Math.abs(minor)
  const whole = grouped(String(Math.floor(abs / 100)))
  if (currency === 'MNT') return `${sign}${whole}`
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`
}
