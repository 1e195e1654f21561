import { describe, expect, it } from 'vitest'
import { forbiddenCharacter, normalizeIdentifier, stripInvisible } from './text'
import { text, identifier } from '../api/fields'

describe('text as typed and pasted', () => {
  it('loses zero-width characters and byte-order marks, keeps letters composed one way', () => {
    expect(stripInvisible('Бат\u200Bбаяр\uFEFF')).toBe('Батбаяр')
    expect(stripInvisible('Оюун\u200D')).toBe('Оюун')
    expect(stripInvisible('й')).toBe('й') // и + combining breve, composed
  })
  it('refuses control characters, bidirectional overrides and broken surrogates, naming the character', () => {
    expect(forbiddenCharacter('voucher\u0000')).toBe('U+0000')
    expect(forbiddenCharacter('Батбаяр\u202Eраяб')).toBe('U+202E')
    expect(forbiddenCharacter('a\u2066b')).toBe('U+2066')
    expect(forbiddenCharacter('bad \uD800 half')).toMatch(/unpaired surrogate/)
    expect(forbiddenCharacter('line one\nline two\ttab')).toBeNull()
    expect(forbiddenCharacter('emoji 🙂 ok, Ө Ү ₮')).toBeNull()
    expect(text(100).safeParse('Сайн\u202Eбайна').error?.issues[0].message).toBe('contains an invisible control character (U+202E); type it again, or paste it as plain text')
    expect(text(100).parse('  Сайн\u200Bбайна  ')).toBe('Сайнбайна')
  })
  it('makes look-alike identifiers one: case, dashes, full-width forms, invisible characters', () => {
    const forms = ['U-100', 'u-100', 'u\u2011100', 'U\u2013100', 'Ｕ－１００', ' U-100\u200B ']
    expect(new Set(forms.map(normalizeIdentifier))).toEqual(new Set(['U-100']))
    expect(normalizeIdentifier('д-001')).toBe('Д-001')
    expect(identifier(40).parse('u‑100')).toBe('U-100')
    expect(identifier(40).safeParse('\u200B').success).toBe(false)
  })
})
