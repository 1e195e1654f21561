/** Cyrillic to Latin after MNS 5217:2012, simplified for search keys. */
const CYR_TO_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'ye', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', ө: 'u', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ү: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'i', ы: 'y', ь: 'i',
  э: 'e', ю: 'yu', я: 'ya',
}

/** Romanises Mongolian Cyrillic (keeps other characters), e.g. `Батбаяр` → `Batbayar`. */
export function transliterate(text: string): string {
  let out = ''
  for (const ch of text) {
    const lower = ch.toLowerCase()
    const lat = CYR_TO_LAT[lower]
    if (lat === undefined) out += ch
    else if (ch !== lower) out += lat.charAt(0).toUpperCase() + lat.slice(1)
    else out += lat
  }
  return out
}

/** Cyrillic letters folded straight to the search alphabet (see searchKey). */
const CYR_FOLD: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'u', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'u', ө: 'u', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ү: 'u', ф: 'f', х: 'h', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'i', ы: 'i', ь: 'i', э: 'e', ю: 'iu', я: 'ia',
}
const LATIN_FOLD: Record<string, string> = { o: 'u', y: 'i', ö: 'u', ü: 'u', ó: 'u', ú: 'u', é: 'e', è: 'e', á: 'a', à: 'a', í: 'i' }

/**
 * A search key that lets Latin and Cyrillic spellings meet: lower case,
 * romanised, with the usual spelling variants folded (kh/h, ö/o/u, zh/j,
 * ye/e, ya/ia, y/i) and everything but letters, digits and single spaces
 * dropped. One pass over the text: it runs for every person in bulk loads.
 */
export function searchKey(text: string): string {
  let lower = text.toLowerCase()
  // Latin digraphs typed by users; Cyrillic letters never produce them below.
  if (/[a-z]/.test(lower)) lower = lower.replace(/kh/g, 'h').replace(/zh/g, 'j').replace(/ye/g, 'e').replace(/yo/g, 'o')
  let out = ''
  let pendingSpace = false
  for (const ch of lower) {
    let piece = CYR_FOLD[ch] ?? LATIN_FOLD[ch]
    if (piece === undefined) piece = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : ''
    if (!piece) {
      pendingSpace = out.length > 0
      continue
    }
    if (pendingSpace) out += ' '
    pendingSpace = false
    out += piece
  }
  return out
}

export interface PersonName {
  clanName?: string | null
  patronymic: string
  givenName: string
}

/** Mongolian short form: initial of the patronymic and the given name, `Ц. Батбаяр`. */
export function shortName(name: PersonName): string {
  const initial = name.patronymic.trim().charAt(0)
  return initial ? `${initial.toUpperCase()}. ${name.givenName.trim()}` : name.givenName.trim()
}

/** Full form for documents: patronymic, given name (clan name first when known). */
export function fullName(name: PersonName): string {
  return [name.clanName, name.patronymic, name.givenName].filter((p) => p && p.trim()).join(' ')
}

const MN_ALPHABET = 'АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ'

/**
 * A key that sorts in Mongolian alphabetical order (Ө after О, Ү after У),
 * which a plain code-point sort gets wrong. Case-insensitive.
 */
export function mongolianSortKey(text: string): string {
  let out = ''
  for (const ch of text.toUpperCase()) {
    const i = MN_ALPHABET.indexOf(ch)
    out += i >= 0 ? String.fromCharCode(0x100 + i) : ch.toLowerCase()
  }
  return out
}
