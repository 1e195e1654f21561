import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { main } from '../../src/main/cli'
import { startBackend } from '../../src/main/backend'
import { inspectSpnFile, listBackupFiles } from '../../src/main/db/backup'
import { freshPostgres } from '../helpers/backend'
import { cliSandbox } from '../helpers/cli'

/* On a shared server a backup is a portable SQLite file: it restores on either engine. The whole demo moves three times: minutes, not seconds, on a busy machine. */
let server: { url: string; drop: () => Promise<void> }
const { dir } = cliSandbox('spn-pg-backups-')
beforeEach(async () => {
  server = await freshPostgres()
})
afterEach(async () => {
  await server.drop()
})

async function figures(where: { dataDir: string; databaseUrl?: string }) {
  const b = await startBackend({ ...where, readOnly: true, log: () => undefined })
  try {
    return await Promise.all([b.dispatch('dashboard.summary', { asOf: '2010-06-30' }), b.dispatch('branches.list', {}), b.dispatch('finance.budgetVsActual', { projectId: 1, projectYear: null })])
  } finally {
    await b.close()
  }
}

describe('backups of a shared server', () => {
  it('are SQLite files that restore onto a desktop folder, and back onto the server after a mistake', async () => {
    const office = { dataDir: join(dir(), 'pc1'), databaseUrl: server.url }
    expect(await main(['demo', '--data', office.dataDir, '--database', server.url])).toBe(0)
    const original = await figures(office)
    expect(await main(['backup', '--data', office.dataDir, '--database', server.url])).toBe(0)
    const [backup] = listBackupFiles(office.dataDir)
    expect(backup.reason).toBe('manual')
    expect(inspectSpnFile(backup.path).counts.person).toBeGreaterThan(6000)

    // A portable copy: restored into an empty folder on any PC.
    expect(await main(['restore', '--data', join(dir(), 'laptop'), backup.path])).toBe(0)
    expect(await figures({ dataDir: join(dir(), 'laptop') })).toEqual(original)

    // A mistake on the server, then the backup put back; the mistaken state is kept as a backup too.
    const b = await startBackend({ ...office, log: () => undefined })
    expect((await b.dispatch('branches.create', { code: 'OOPS', nameMn: 'Алдаа', nameEn: 'Mistake', areaCode: 'tuv' })).ok).toBe(true)
    await b.close()
    expect(await main(['restore', '--data', office.dataDir, '--database', server.url, backup.path])).toBe(0)
    expect(await figures(office)).toEqual(original)
    const before = listBackupFiles(office.dataDir).find((f) => f.reason === 'before-restore')!
    expect(inspectSpnFile(before.path).counts.branch).toBe(16)
    // New records continue after the restored ids.
    const again = await startBackend({ ...office, log: () => undefined })
    expect(await again.dispatch('branches.create', { code: 'NEW', nameMn: 'Шинэ', nameEn: 'New', areaCode: 'tuv' })).toMatchObject({ ok: true, value: { id: 16 } })
    await again.close()
  }, 120_000)
})
