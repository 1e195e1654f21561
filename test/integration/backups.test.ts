import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, personAt, testBackend, type TestBackend } from '../helpers/backend'

/* The Backups page's operations, on both engines: a backup now, the list, a restore after a mistake. */
let t: TestBackend
beforeEach(async () => {
  t = await testBackend()
})
afterEach(() => t.close())

describe('backups from the app', () => {
  it('take a backup, list it with its counts, and restore it after a mistake; the data before the restore is kept', async () => {
    const dor = await t.must('branches.create', DORNOGOVI)
    await t.must('persons.create', personAt(dor.id))
    const backup = await t.must('backups.create', {})
    expect(backup).toMatchObject({ reason: 'manual', counts: { persons: 1, households: 0 }, problem: null })
    // The mistake: two more persons recorded.
    await t.must('persons.create', personAt(dor.id, { registerNumber: 'УБ85031216' }))
    await t.must('persons.create', personAt(dor.id, { registerNumber: 'УБ85031217' }))
    expect(await t.count('person')).toBe(3)

    const list = await t.must('backups.list', {})
    expect(list.map((b) => b.file)).toContain(backup.file)
    const r = await t.must('backups.restore', { file: backup.file })
    expect(r.restored.file).toBe(backup.file)
    expect(r.before).toMatch(/before-restore\.sqlite$/)
    expect(await t.count('person')).toBe(1)
    // The app goes on working on the restored data.
    expect((await t.must('persons.search', {})).total).toBe(1)
    await t.must('persons.create', personAt(dor.id, { registerNumber: 'УБ85031218' }))
    expect(await t.count('person')).toBe(2)
    const before = (await t.must('backups.list', {})).find((b) => b.file === r.before)!
    expect(before.counts).toMatchObject({ persons: 3 })
  })

  it('refuse a name that is not a backup in the list, and a board member', async () => {
    expect(await t.call('backups.restore', { file: '../spn.sqlite' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'file' } })
    expect(await t.call('backups.restore', { file: 'spn-20200101-000000-schema1-manual.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'file' } })
    const board = await testBackend({ role: 'board' })
    try {
      expect((await board.call('backups.list', {})).ok).toBe(true)
      expect(await board.call('backups.create', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    } finally {
      await board.close()
    }
  })
})
