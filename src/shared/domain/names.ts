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

/**
 * A search key that lets Latin and Cyrillic spellings meet: lower case,
 * romanised, with the usual spelling variants folded (kh/h, ö/o, ü/u, zh/j,
 * ye/e, ya/ia, i/y) and everything but letters, digits and single spaces dropped.
 */
export function searchKey(text: string): string {
  return transliterate(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[öө]/g, 'u')
    .replace(/[üү]/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'j')
    .replace(/ye/g, 'e')
    .replace(/yo/g, 'o')
    .replace(/y/g, 'i')
    .replace(/o/g, 'u')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
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
