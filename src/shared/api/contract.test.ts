import { describe, expect, it } from 'vitest'
import { contract, OPERATION_NAMES, personInput } from './contract'
import { OPERATION_NAME_LIST } from './operationNames'
import { PERMISSIONS } from './permissions'
import { CATALOGUES } from '../i18n'

describe('contract', () => {
  it('the preload allow-list names exactly the contract operations', () => {
    expect([...OPERATION_NAME_LIST].sort()).toEqual([...OPERATION_NAMES].sort())
  })
  it('names operations area.verb and gives each a known permission', () => {
    for (const name of OPERATION_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/)
      expect(PERMISSIONS).toContain(contract[name].permission)
    }
  })
  it('rejects unknown keys on every operation', () => {
    for (const name of OPERATION_NAMES) {
      const r = contract[name].input.safeParse({ surprise: 1 })
      expect(r.success, name).toBe(false)
    }
  })
  it('normalises a register number and checks names are Cyrillic', () => {
    const ok = personInput.parse({ patronymic: 'Цэнд', givenName: 'Батбаяр', gender: 'male', registerNumber: 'уб 85031215', branchId: 1 })
    expect(ok.registerNumber).toBe('УБ85031215')
    const bad = personInput.safeParse({ patronymic: 'Tsend', givenName: 'Батбаяр', gender: 'male', branchId: 1 })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0].path).toEqual(['patronymic'])
  })
})

describe('i18n catalogues', () => {
  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(CATALOGUES.en) as Array<keyof typeof CATALOGUES.en>) {
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(vars(CATALOGUES.mn[key]), key).toEqual(vars(CATALOGUES.en[key]))
      expect(CATALOGUES.mn[key].length, key).toBeGreaterThan(0)
    }
  })
})
