import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hostname } from 'node:os'
import Database from 'better-sqlite3'
import { DB_FILE, openDatabase, rawConnection, type OpenDatabase } from '../../src/main/db/open'
import { LOCK_FILE } from '../../src/main/db/lock'
import { startBackend } from '../../src/main/backend'
import { main } from '../../src/main/cli'
import { DORNOGOVI, personAt } from '../helpers/backend'
import { DomainError } from '../../src/shared/domain/result'
import { translate, type MessageKey } from '../../src/shared/i18n'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'spn-durable-'))
  dirs.push(d)
  return d
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** Reads the file as a fresh process would after a restart. */
function onDisk(dataDir: string, sql: string): unknown[] {
  const raw = new Database(join(dataDir, DB_FILE), { readonly: true })
  try {
    return raw.prepare(sql).all()
  } finally {
    raw.close()
  }
}

const insertBranch = (m: import('typeorm').EntityManager, code: string) =>
  m.query(`INSERT INTO branch (code, name_mn, name_en, area_code, is_project_branch, created_at, updated_at) VALUES (?, 'Х', 'X', 'tuv', 0, 'n', 'n')`, [code])

describe('nothing acknowledged is lost', () => {
  it('on a full disk: every write that returned ok survives a restart, every failed one left nothing, and writes work again once there is room', async () => {
    const dataDir = tempDir()
    // The limit lives on the connection, so it is set again on every connection the app opens.
    let limit = 0
    const backend = await startBackend({
      dataDir,
      session: { actor: 'tester' },
      log: () => undefined,
      onConnection: (raw) => void (limit && raw.pragma(`max_page_count = ${limit}`)),
    })
    const branch = await backend.dispatch('branches.create', DORNOGOVI)
    if (!branch.ok) throw new Error(branch.error.message)
    const branchId = (branch.value as { id: number }).id
    const raw = rawConnection(backend.db!.dataSource)
    limit = (raw.pragma('page_count', { simple: true }) as number) + 4
    raw.pragma(`max_page_count = ${limit}`)

    const saved: string[] = []
    const refused: string[] = []
    for (let i = 0; i < 80; i++) {
      const phone = String(90000000 + i)
      // Households and persons alternate, so both single inserts and inserts with several statements hit the limit.
      const r =
        i % 3 === 0
          ? await backend.dispatch('households.create', { branchId, areaCode: 'dornogovi', childrenCount: 2, addressLine: `H${phone} ${'х'.repeat(200)}` })
          : await backend.dispatch('persons.create', personAt(branchId, { registerNumber: null, phone, givenName: `Батбаяр${'а'.repeat(i % 7)}` }))
      if (r.ok) saved.push(i % 3 === 0 ? `h:H${phone}` : `p:${phone}`)
      else {
        expect(r.error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/disk is full; nothing was saved/) })
        refused.push(i % 3 === 0 ? `h:H${phone}` : `p:${phone}`)
      }
    }
    expect(refused.length).toBeGreaterThan(10)
    expect(saved.length).toBeGreaterThan(5)

    // Room again: the next writes succeed.
    limit = 1_000_000
    rawConnection(backend.db!.dataSource).pragma(`max_page_count = ${limit}`)
    for (const phone of ['80000001', '80000002']) {
      const r = await backend.dispatch('persons.create', personAt(branchId, { registerNumber: null, phone }))
      expect(r.ok).toBe(true)
      saved.push(`p:${phone}`)
    }
    await backend.close()

    const persons = (onDisk(dataDir, 'SELECT phone FROM person') as Array<{ phone: string }>).map((p) => `p:${p.phone}`)
    const households = (onDisk(dataDir, 'SELECT address_line AS a FROM household') as Array<{ a: string }>).map((h) => `h:${h.a.split(' ')[0]}`)
    const stored = new Set([...persons, ...households])
    expect(saved.filter((s) => !stored.has(s))).toEqual([])
    expect(refused.filter((s) => stored.has(s))).toEqual([])
    // Every stored record has its audit entry, and nothing else was written.
    const audited = onDisk(dataDir, `SELECT count(*) AS n FROM audit_entry WHERE entity_type IN ('person', 'household')`) as Array<{ n: number }>
    expect(audited[0].n).toBe(saved.length)
  })

  it('after the engine dropped a transaction under the app, the connection is reset and later writes are committed', async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    await db.write((m) => insertBranch(m, 'A'))
    // As SQLite does on some I/O errors: the whole transaction is rolled back by the engine, then the statement fails.
    const dropped = db.write(async (m) => {
      await insertBranch(m, 'B')
      rawConnection(db.dataSource).exec('ROLLBACK')
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' })
    })
    await expect(dropped).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/nothing was saved/) })
    // A refused write next (rolled back as usual), then good ones: with the ORM out of step with the engine,
    // that rollback would leave a transaction open and every later write inside it, never committed.
    await expect(db.write(async (m) => {
      await insertBranch(m, 'R')
      throw new DomainError('validation', 'refused', 'code')
    })).rejects.toThrow('refused')
    await db.write((m) => insertBranch(m, 'C'))
    await db.write((m) => insertBranch(m, 'D'))
    expect(rawConnection(db.dataSource).inTransaction).toBe(false)
    await db.close()
    expect(onDisk(dataDir, 'SELECT code FROM branch ORDER BY code')).toEqual([{ code: 'A' }, { code: 'C' }, { code: 'D' }])
  })

  it('a commit that fails leaves nothing, and the next write commits', async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    await db.write((m) => insertBranch(m, 'A'))
    // A deferred foreign key is checked at COMMIT, so the commit itself fails with the transaction still open.
    const failing = db.write(async (m) => {
      await insertBranch(m, 'B')
      await m.query(`INSERT INTO household (branch_id, head_person_id, area_code, created_at, updated_at) VALUES (1, 999999, 'tuv', 'n', 'n')`)
    })
    await expect(failing).rejects.toThrow(/FOREIGN KEY/)
    await db.write((m) => insertBranch(m, 'C'))
    await db.close()
    expect(onDisk(dataDir, 'SELECT code FROM branch ORDER BY code')).toEqual([{ code: 'A' }, { code: 'C' }])
    expect(onDisk(dataDir, 'SELECT count(*) AS n FROM household')).toEqual([{ n: 0 }])
  })

  it('the desktop file is written with synchronous=FULL', async () => {
    const db = await openDatabase({ dataDir: tempDir() })
    expect(rawConnection(db.dataSource).pragma('synchronous', { simple: true })).toBe(2)
    await db.close()
  })
})

describe('one writing process per SQLite file', () => {
  let open: OpenDatabase[] = []
  afterEach(async () => {
    for (const db of open) await db.close()
    open = []
  })

  it('refuses a second writer, naming what holds the data; readers may share; the lock goes with the holder', async () => {
    const dataDir = tempDir()
    open.push(await openDatabase({ dataDir, program: 'the desktop app' }))
    const second = await openDatabase({ dataDir, program: 'browser mode' }).catch((e: unknown) => e)
    expect(second).toMatchObject({ kind: 'locked', message: expect.stringMatching(/in use by the desktop app \(process \d+/) })
    const reader = await openDatabase({ dataDir, readOnly: true })
    expect(reader.readOnly).toBe(true)
    await reader.close()
    await open.pop()!.close()
    open.push(await openDatabase({ dataDir, program: 'browser mode' }))
  })

  it('says in the user\'s language, on the error screen, what holds the data', async () => {
    const dataDir = tempDir()
    open.push(await openDatabase({ dataDir, program: 'the desktop app' }))
    const second = await startBackend({ dataDir, program: 'browser mode', log: () => undefined })
    const r = await second.dispatch('persons.search', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', key: 'r.locked' } })
    if (!r.ok) expect(translate('mn', r.error.key as MessageKey, r.error.vars)).toMatch(new RegExp(`^${dataDir.replace(/[/.-]/g, '\\$&')} дахь мэдээллийг өөр програм \\(the desktop app, процесс \\d+, `))
    await second.close()
  })

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = tempDir()
    const first = await openDatabase({ dataDir })
    await first.close()
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), program: 'a crashed app', since: '2026-01-01' }))
    open.push(await openDatabase({ dataDir, program: 'the desktop app' }))
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, program: 'the desktop app' })
  })

  it('the CLI: a writing command is refused while the app holds the data, a report runs and writes nothing', async () => {
    const dataDir = tempDir()
    const app = await startBackend({ dataDir, program: 'the desktop app', log: () => undefined })
    await app.dispatch('branches.create', DORNOGOVI)
    const errors: string[] = []
    const log = console.error
    const out = console.log
    console.error = (...a: unknown[]) => void errors.push(a.join(' '))
    console.log = () => undefined
    try {
      expect(await main(['migrate', '--data', dataDir])).toBe(1)
      expect(errors.join('\n')).toMatch(/in use by the desktop app/)
      const report = join(dataDir, 'm.xlsx')
      expect(await main(['report', 'membership', '--data', dataDir, '--year', '2026', '--out', report])).toBe(0)
      expect(existsSync(join(dataDir, 'backups'))).toBe(false)
    } finally {
      console.error = log
      console.log = out
      await app.close()
    }
  })

  it('a read-only backend refuses writes in words', async () => {
    const dataDir = tempDir()
    await (await openDatabase({ dataDir })).close()
    const reader = await startBackend({ dataDir, readOnly: true, log: () => undefined })
    expect(await reader.dispatch('branches.create', DORNOGOVI)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/read-only/) } })
    await reader.close()
  })
})
