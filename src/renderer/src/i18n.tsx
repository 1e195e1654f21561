import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { CATALOGUES, translate, formatNumber, type Lang, type MessageKey } from '../../shared/i18n'
import { formatDateMn } from '../../shared/domain/dates'
import { formatDkkAmount, formatMnt } from '../../shared/domain/money'
import type { LocalName } from '../../shared/api/types'

const LANG_KEY = 'spn.lang'

interface I18n {
  lang: Lang
  setLang(lang: Lang): void
  t(key: MessageKey, vars?: Record<string, string | number>): string
  /** Dates are written YYYY.MM.DD in both languages, as in Mongolian documents. */
  date(iso: string | null | undefined): string
  num(n: number): string
  /** MNT minor units as `1 250 000 ₮`. */
  mnt(minor: number): string
  /** DKK øre as `4 900 000,00`. */
  dkk(minor: number): string
  local(name: LocalName): string
  /** An error of the backend in the user's language: its key and values when it has them, else its English sentence. */
  errorText(error: { message: string; key?: string; vars?: Record<string, string | number> }): string
}

const Ctx = createContext<I18n | null>(null)

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY)
  return saved === 'en' || saved === 'mn' ? saved : 'mn'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_KEY, l)
    document.documentElement.lang = l
    setLangState(l)
  }, [])
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      date: (iso) => (iso ? formatDateMn(iso) : '—'),
      num: formatNumber,
      mnt: formatMnt,
      dkk: formatDkkAmount,
      local: (name) => (lang === 'mn' ? name.mn : name.en),
      errorText: (e) => (e.key && e.key in CATALOGUES[lang] ? translate(lang, e.key as MessageKey, e.vars) : e.message),
    }),
    [lang, setLang],
  )
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useI18n(): I18n {
  const v = useContext(Ctx)
  if (!v) throw new Error('useI18n outside I18nProvider')
  return v
}
