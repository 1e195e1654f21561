const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `s` is a real calendar date written `YYYY-MM-DD` (no 2023-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

/**
 * A date as staff type it — in the app's own display format `2009.03.05`, as
 * `2009-03-05`, `2009/3/5` — written `YYYY-MM-DD`; anything else is left as
 * it is, for the check to refuse.
 */
export function normalizeDate(s: string): string {
  const m = /^\s*(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\s*$/.exec(s)
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Mongolian written form: `2009.03.15`. */
export function formatDateMn(iso: string): string {
  return iso.replaceAll('-', '.')
}

/** Ulaanbaatar's offset from UTC (UTC+8 all year). */
const ULAANBAATAR_OFFSET_MS = 8 * 3600_000

/** A UTC timestamp as Ulaanbaatar (UTC+8) wall time: `2026.11.26 17:05`. */
export function formatTimeUlaanbaatar(isoTimestamp: string): string {
  const t = new Date(Date.parse(isoTimestamp) + ULAANBAATAR_OFFSET_MS).toISOString()
  return `${formatDateMn(t.slice(0, 10))} ${t.slice(11, 16)}`
}

/**
 * Today's date where the secretariat works, as `YYYY-MM-DD`: Ulaanbaatar's
 * date, never the UTC date (between 00:00 and 08:00 local time they differ,
 * and a payment made this morning is not "in the future"). Pass a clock (a
 * Date or the call's UTC timestamp) in services and tests.
 */
export function todayIso(now: Date | string = new Date()): string {
  const ms = typeof now === 'string' ? Date.parse(now) : now.getTime()
  return new Date(ms + ULAANBAATAR_OFFSET_MS).toISOString().slice(0, 10)
}

/** The day before a `YYYY-MM-DD` date. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86400000).toISOString().slice(0, 10)
}

/** The date some days later (or earlier, with a negative count), `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10)
}

/** The same day and month some years later (`YYYY-MM-DD`). */
export function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`
}

/** Whole years between a birth date and a date, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [y, m, d] = onDate.split('-').map(Number)
  let age = y - by
  if (m < bm || (m === bm && d < bd)) age -= 1
  return age
}

/** The dates of a project year (year 1 = the first twelve months), or of the whole project. */
export function periodOf(p: { startsOn: string; endsOn: string }, projectYear: number | null): { from: string; to: string } {
  if (projectYear === null) return { from: p.startsOn, to: p.endsOn }
  const from = addYears(p.startsOn, projectYear - 1)
  const end = dayBefore(addYears(p.startsOn, projectYear))
  return { from, to: end < p.endsOn ? end : p.endsOn }
}
