import { en, type MessageKey } from './en'
import { mn } from './mn'

export type Lang = 'mn' | 'en'
export type { MessageKey }
export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, mn }

/** A message with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>, depth = 2): string {
  const text = CATALOGUES[lang][key]
  if (!vars) return text
  // A value that names a sentence of the catalogue (a refusal inside a refusal: a row of an imported sheet, and the
  // field and reason inside that row) is said in the same language, two levels deep at most.
  const say = (v: string | number) => (depth > 0 && typeof v === 'string' && /^[a-z]+\.[\w.]+$/.test(v) && v in CATALOGUES[lang] ? translate(lang, v as MessageKey, vars, depth - 1) : String(v))
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? say(vars[name]) : m))
}

export { formatNumber } from '../domain/money'
