import { daysInMonth } from './dates'

/** Letters that can appear in a Mongolian civil register number (Cyrillic incl. Ө and Ү). */
const LETTER = '[АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ]'
const PATTERN = new RegExp(`^${LETTER}{2}\\d{8}$`)

export type RegisterCheck =
  | { ok: true; value: string; birthDate: string; gender: 'female' | 'male' }
  | { ok: false; message: string }

/** Upper-cases and removes spaces so `уб 99112233` and `УБ99112233` are the same number. */
export function normalizeRegisterNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

/**
 * Checks a civil register number (регистрийн дугаар): two Cyrillic letters and
 * eight digits. The digits start with the birth date as YYMMDD, where people
 * born in 2000 or later have 20 added to the month; the ninth character's
 * parity gives the gender (odd male, even female).
 */
export function checkRegisterNumber(raw: string): RegisterCheck {
  const value = normalizeRegisterNumber(raw)
  if (!PATTERN.test(value)) {
    return { ok: false, message: 'must be two Cyrillic letters followed by 8 digits, e.g. УБ99112233' }
  }
  const yy = Number(value.slice(2, 4))
  let month = Number(value.slice(4, 6))
  const day = Number(value.slice(6, 8))
  let year = 1900 + yy
  if (month > 20) {
    month -= 20
    year = 2000 + yy
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: 'its digits do not start with a valid birth date (YYMMDD)' }
  }
  const pad = (n: number) => String(n).padStart(2, '0')
  const gender = Number(value[8]) % 2 === 1 ? 'male' : 'female'
  return { ok: true, value, birthDate: `${year}-${pad(month)}-${pad(day)}`, gender }
}

/** Builds a register number for a birth date (used by the demo data). */
export function makeRegisterNumber(letters: string, birthDate: string, serial: number, gender: 'female' | 'male'): string {
  const [y, m, d] = birthDate.split('-').map(Number)
  const month = y >= 2000 ? m + 20 : m
  const pad = (n: number) => String(n).padStart(2, '0')
  const nine = (serial % 5) * 2 + (gender === 'male' ? 1 : 0)
  const ten = Math.floor(serial / 5) % 10
  return `${letters}${pad(y % 100)}${pad(month)}${pad(d)}${nine}${ten}`
}
