import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBackend, type Backend } from '../../src/main/backend'
import { resolveDatabaseUrl, SETTINGS_FILE } from '../../src/main/settings'
import { freshPostgres } from '../helpers/backend'
import type { Result } from '../../src/shared/domain/result'

/* The Settings page: this computer, or a shared server (tested first; the password never shown again). */
let dir: string
let server: { url: string; drop: () => Promise<void> }
let backends: Backend[] = []
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spn-settings-'))
  server = await freshPostgres()
})
afterEach(async () => {
  for (const b of backends) await b.close()
  backends = []
  await server.drop()
  rmSync(dir, { recursive: true, force: true })
})

/** Starts the app as the desktop does: where the data is comes from the saved settings. */
async function start(): Promise<Backend> {
  const database = resolveDatabaseUrl(dir)
  const b = await startBackend({ dataDir: dir, databaseUrl: database.url, databaseOverridden: database.overridden, log: () => undefined })
  backends.push(b)
  return b
}

const parts = () => {
  const u = new URL(server.url)
  return { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: u.username }
}
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

describe('where the data is kept', () => {
  it('starts on this computer; a server is tested, saved for the next start, and used then; the password never comes back', async () => {
    const first = await start()
    expect(value(await first.dispatch('settings.get', {}))).toMatchObject({ active: { engine: 'sqlite', location: join(dir, 'spn.sqlite') }, saved: { kind: 'local' }, restartNeeded: false })
    const probe = value(await first.dispatch('settings.testServer', { ...parts(), password: 'pa55-word' }))
    expect(probe).toMatchObject({ schemaVersion: expect.any(Number), holdsData: false })
    const saved = await first.dispatch('settings.saveDatabase', { kind: 'server', ...parts(), password: 'pa55-word' })
    expect(saved).toMatchObject({ ok: true, value: { active: { engine: 'sqlite' }, saved: { kind: 'server', host: '127.0.0.1', hasPassword: true }, restartNeeded: true } })
    expect(JSON.stringify(saved)).not.toContain('pa55-word')
    // The settings file is the owner's only.
    expect(statSync(join(dir, SETTINGS_FILE)).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).toContain('pa55-word')
    await first.close()
    backends = []

    const second = await start()
    const now = value<{ active: { engine: string; location: string } }>(await second.dispatch('settings.get', {}))
    expect(now).toMatchObject({ active: { engine: 'postgres' }, restartNeeded: false })
    expect(now.active.location).toContain('***@127.0.0.1')
    expect(JSON.stringify(now)).not.toContain('pa55-word')
    expect(await second.dispatch('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi' })).toMatchObject({ ok: true })
    // Saving the same server again with the password left empty keeps the saved one.
    value(await second.dispatch('settings.saveDatabase', { kind: 'server', ...parts(), password: '' }))
    expect(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).toContain('pa55-word')
  })

  it('a server that cannot be reached is refused in words and never saved; the password is not in the message', async () => {
    const b = await start()
    const r = await b.dispatch('settings.saveDatabase', { kind: 'server', host: '127.0.0.1', port: 1, database: 'spn', user: 'spn', password: 'hush-hush' })
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', field: 'host', message: expect.stringMatching(/cannot be reached/) } })
    expect(JSON.stringify(r)).not.toContain('hush-hush')
    expect(value(await b.dispatch('settings.get', {}))).toMatchObject({ saved: { kind: 'local' } })
    expect(await b.dispatch('settings.testServer', { host: '127.0.0.1', port: 70000, database: 'spn', user: 'x' })).toMatchObject({ ok: false, error: { field: 'port' } })
    expect(await b.dispatch('settings.testServer', { host: '', port: 5432, database: 'spn', user: 'x' })).toMatchObject({ ok: false, error: { field: 'host' } })
  })

  it('when the saved server is gone at start, the settings still answer and can point the app back at this computer', async () => {
    const b = await start()
    value(await b.dispatch('settings.saveDatabase', { kind: 'server', ...parts(), password: '' }))
    await b.close()
    backends = []
    await server.drop()
    const broken = await start()
    expect(broken.startupError).toMatch(/cannot be reached/)
    expect(await broken.dispatch('persons.search', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(value(await broken.dispatch('settings.get', {}))).toMatchObject({ saved: { kind: 'server' } })
    value(await broken.dispatch('settings.saveDatabase', { kind: 'local' }))
    await broken.close()
    backends = []
    const back = await start()
    expect(back.startupError).toBeNull()
    expect(value(await back.dispatch('settings.get', {}))).toMatchObject({ active: { engine: 'sqlite' }, saved: { kind: 'local' } })
    server = await freshPostgres()
  })

  it('a board member may look but not change it', async () => {
    const b = await startBackend({ dataDir: dir, session: { role: 'board' }, log: () => undefined })
    backends.push(b)
    expect((await b.dispatch('settings.get', {})).ok).toBe(true)
    expect(await b.dispatch('settings.saveDatabase', { kind: 'local' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
