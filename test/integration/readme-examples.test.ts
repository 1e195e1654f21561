import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, type TestBackend } from '../helpers/backend'

/* The README's search examples are true of the demo (one of them did not find anyone). */
let t: TestBackend
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t.close())

describe("the README's examples", () => {
  it('find on the demo what the README says they find', async () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
    expect(readme).toContain('`batbayar`, `Батбаяр` and `BATBAIAR` each find the\n  249 Батбаяр, and `ор0030` the five persons')
    for (const q of ['batbayar', 'Батбаяр', 'BATBAIAR']) expect((await t.must('persons.search', { query: q })).total).toBe(249)
    const byNumber = await t.must('persons.search', { query: 'ор0030' })
    expect(byNumber.total).toBe(5)
    expect(byNumber.rows.every((p) => p.registerNumber?.startsWith('ОР0030'))).toBe(true)
  })
})
