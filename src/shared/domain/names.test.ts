import { describe, expect, it } from 'vitest'
import { fullName, mongolianSortKey, searchKey, shortName, transliterate } from './names'

describe('names', () => {
  it('romanises Mongolian Cyrillic', () => {
    expect(transliterate('Батбаяр')).toBe('Batbayar')
    expect(transliterate('Хүрэлбаатар')).toBe('Khurelbaatar')
    expect(transliterate('Цэцэгмаа')).toBe('Tsetsegmaa')
  })
  it('lets Latin spellings find Cyrillic names', () => {
    expect(searchKey('Батбаяр')).toBe(searchKey('batbayar'))
    expect(searchKey('Батбаяр')).toBe(searchKey('BATBAIAR'))
    expect(searchKey('Хүрэлбаатар')).toBe(searchKey('Hurelbaatar'))
    expect(searchKey('Өлзийбаяр')).toBe(searchKey('Ölziibayar'))
    expect(searchKey('Өлзийбаяр')).toBe(searchKey('Olziibayar'))
    expect(searchKey('Oyuunchimeg')).toContain(searchKey('Оюун'))
  })
  it('matches register numbers typed in any case', () => {
    expect(searchKey('уб85031215')).toBe(searchKey('УБ85031215'))
  })
  it('writes the short form with the patronymic initial', () => {
    expect(shortName({ patronymic: 'Цэнд', givenName: 'Батбаяр' })).toBe('Ц. Батбаяр')
    expect(fullName({ clanName: 'Боржигин', patronymic: 'Цэнд', givenName: 'Батбаяр' })).toBe('Боржигин Цэнд Батбаяр')
  })
  it('sorts in Mongolian alphabetical order (Ө after О, Ү after У)', () => {
    const names = ['Үнэнбат', 'Пүрэв', 'Өлзий', 'Очир', 'Улаан', 'Фаина', 'Ариун']
    // Compared by code point, as SQLite's BINARY collation compares the stored keys.
    const byKey = (a: string, b: string) => (mongolianSortKey(a) < mongolianSortKey(b) ? -1 : 1)
    expect([...names].sort(byKey)).toEqual([
      'Ариун', 'Очир', 'Өлзий', 'Пүрэв', 'Улаан', 'Үнэнбат', 'Фаина',
    ])
  })
})
