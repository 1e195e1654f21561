/**
 * How amounts are written, in one place: digits grouped with spaces
 * (`1 250 000`), MNT whole tugrik with ₮, DKK with two decimals after a comma.
 * Amounts are integer minor units (1 ₮ = 100, 1 DKK = 100 øre).
 */
export function formatNumber(n: number): string {
  const sign = n < 0 ? '-' : ''
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

/** A decimal as the app writes numbers: `96,2`, `12 000`, `533,33` (at most `decimals` places, none when whole). */
export function formatDecimal(n: number, decimals = 2): string {
  const f = 10 ** decimals
  const r = Math.round(Math.abs(n) * f)
  const whole = formatNumber(Math.trunc(r / f))
  const frac = String(r % f).padStart(decimals, '0').replace(/0+$/, '')
  return `${n < 0 && r !== 0 ? '-' : ''}${whole}${frac ? `,${frac}` : ''}`
}

/** `1 250 000 ₮` */
export function formatMnt(minor: number): string {
  return `${formatNumber(Math.round(minor / 100))} ₮`
}

/** `4 900 000,00` (no currency: the caller says DKK where it is needed). */
export function formatDkkAmount(minor: number): string {
  return `${minor < 0 ? '-' : ''}${formatNumber(Math.trunc(Math.abs(minor) / 100))},${String(Math.abs(minor) % 100).padStart(2, '0')}`
}
