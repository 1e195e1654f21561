/*
 * Text as people type and paste it: invisible characters that only confuse
 * (zero-width spaces and joiners, byte-order marks) are removed; characters
 * that can make text lie about itself or break files (control characters,
 * bidirectional overrides, broken surrogate halves) are refused.
 */

const INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF]/g

/** Removes zero-width characters and normalises to NFC (how the same letters are composed). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '').normalize('NFC')
}

/**
 * The first character a text field must not hold, as `U+202E`, or null:
 * control characters (tab and line breaks are allowed), bidirectional
 * overrides and isolates, and unpaired surrogates.
 */
export function forbiddenCharacter(s: string): string | null {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) return 'a broken character (an unpaired surrogate)'
  const m = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u.exec(s)
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null
}

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g

/**
 * An identifier that must be unique (voucher, receipt or branch code) in the
 * one form they are stored and compared in: NFKC (full-width letters and
 * digits become plain ones), every kind of dash a hyphen, no invisible
 * characters, no spaces at the ends, upper case. So `U-100`, `u‑100` (a
 * non-breaking hyphen) and `Ｕ－１００` are one voucher.
 */
export function normalizeIdentifier(s: string): string {
  return s.replace(INVISIBLE, '').normalize('NFKC').replace(DASHES, '-').trim().toLocaleUpperCase('mn')
}
