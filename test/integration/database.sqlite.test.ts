import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DatabaseOpenError, DB_FILE, openDatabase, rawConnection } from '../../src/main/db/open'
import { SCHEMA_VERSION } from '../../src/main/db/migrations'
import { startBackend } from '../../src/main/backend'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'spn-db-'))
  dirs.push(d)
  return d
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('opening the database', () => {
  it('creates the schema with WAL and foreign keys on', async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    const raw = rawConnection(db.dataSource)
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.schemaVersion).toBe(SCHEMA_VERSION)
    expect(db.backupPath).toBeNull()
    const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name)
    expect(tables).toEqual(expect.arrayContaining(['branch', 'person', 'household', 'organisation', 'membership', 'membership_event', 'audit_entry', 'migrations']))
    await db.close()
  })

  it('copies the file to a backup before running migrations on an existing database, and at the first start of a day', async () => {
    const dataDir = tempDir()
    const first = await openDatabase({ dataDir, now: () => new Date('2026-01-01T03:00:00Z') })
    rawConnection(first.dataSource).prepare(`INSERT INTO branch (code, name_mn, name_en, area_code, is_project_branch, created_at, updated_at) VALUES ('X', 'Х', 'X', 'tuv', 0, 'n', 'n')`).run()
    await first.dataSource.undoLastMigration({ transaction: 'all' })
    await first.close()
    const second = await openDatabase({ dataDir, now: () => new Date('2026-01-01T03:04:05Z') })
    expect(second.backupPath).toMatch(new RegExp(`spn-20260101-030405-schema${SCHEMA_VERSION - 1}-migration\.sqlite$`))
    const copy = new Database(second.backupPath!, { readonly: true })
    expect((copy.prepare('SELECT count(*) AS n FROM branch').get() as { n: number }).n).toBe(1)
    copy.close()
    await second.close()
    const third = await openDatabase({ dataDir, now: () => new Date('2026-01-02T03:04:05Z') })
    expect(third.backupPath).toMatch(new RegExp(`spn-20260102-030405-schema${SCHEMA_VERSION}-daily\.sqlite$`))
    await third.close()
  })

  it('refuses a database written by a newer app and leaves it unchanged', async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    rawConnection(db.dataSource).prepare(`INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureThing1999999999999')`).run()
    await db.close()
    const before = readFileSync(join(dataDir, DB_FILE))
    await expect(openDatabase({ dataDir })).rejects.toMatchObject({ kind: 'newer' })
    expect(readFileSync(join(dataDir, DB_FILE)).equals(before)).toBe(true)
    expect(existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')) : []).toEqual([])
  })

  it('refuses a file that is not a database and never overwrites it', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, DB_FILE), 'these are the minutes of the 2009 assembly, not a database')
    const err = await openDatabase({ dataDir }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseOpenError)
    expect((err as DatabaseOpenError).kind).toBe('unreadable')
    expect(readFileSync(join(dataDir, DB_FILE), 'utf8')).toContain('minutes of the 2009 assembly')
  })

  it('gives the backend an error state instead of crashing, and every operation says why', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, DB_FILE), 'garbage')
    const backend = await startBackend({ dataDir, log: () => undefined })
    expect(backend.startupError).toMatch(/cannot be opened/)
    const r = await backend.dispatch('branches.list', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })
})
