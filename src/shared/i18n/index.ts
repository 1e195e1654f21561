import { en, type MessageKey } from './en'
import { mn } from './mn'

export type Lang = 'mn' | 'en'
export type { MessageKey }
export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, mn }

/** A message with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = CATALOGUES[lang][key]
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text
}

/** Numbers as Mongolians write them: thin groups with spaces, `1 250 000`. */
export function formatNumber(n: number): string {
  const sign = n < 0 ? '-' : ''
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}
