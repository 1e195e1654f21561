import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { patchSearch, searchDate, searchId, searchOneOf, searchPage, searchText, tidy } from './listSearch'

const search = z.object({ q: searchText, branch: searchId, status: searchOneOf(['active', 'excluded']), from: searchDate, page: searchPage })

describe('a list address', () => {
  it('keeps what is valid and drops what is not, instead of failing the page', () => {
    expect(search.parse({ q: 'Бат', branch: 3, status: 'active', from: '2008-03-01', page: 2 })).toEqual({ q: 'Бат', branch: 3, status: 'active', from: '2008-03-01', page: 2 })
    expect(search.parse({ q: 5, branch: -1, status: 'bogus', from: '2008-3-1', page: 0 })).toEqual({ q: undefined, branch: undefined, status: undefined, from: undefined, page: undefined })
  })

  it('shows only what is set', () => {
    expect(tidy({ q: '', branch: 3, status: undefined, flagged: false, page: 2 })).toEqual({ branch: 3, page: 2 })
  })

  it('a new filter goes back to page 1 and replaces the address rather than adding a step to Back', () => {
    const next = patchSearch<z.infer<typeof search>>({ branch: 5 })
    expect(next.replace).toBe(true)
    expect(next.search({ q: 'Бат', branch: 3, page: 4 })).toEqual({ q: 'Бат', branch: 5 })
  })
})
