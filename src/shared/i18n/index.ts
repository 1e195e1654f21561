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

export { formatNumber } from '../domain/money'
