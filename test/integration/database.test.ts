import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DatabaseOpenError, DB_FILE, openDatabase, rawConnection } from '../../src/main/db/open'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/db/migrations'
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

  it('copies the file to a backup before running migrations on an existing database', async () => {
    const dataDir = tempDir()
    const first = await openDatabase({ dataDir })
    rawConnection(first.dataSource).prepare(`INSERT INTO branch (code, name_mn, name_en, area_code, is_project_branch, created_at, updated_at) VALUES ('X', 'Х', 'X', 'tuv', 0, 'n', 'n')`).run()
    await first.close()
    const second = await openDatabase({ dataDir, now: () => new Date('2026-01-02T03:04:05Z') })
    expect(second.backupPath).toMatch(new RegExp(`spn-20260102-030405-schema${SCHEMA_VERSION}\.sqlite$`))
    const copy = new Database(second.backupPath!, { readonly: true })
    expect((copy.prepare('SELECT count(*) AS n FROM branch').get() as { n: number }).n).toBe(1)
    copy.close()
    await second.close()
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

/** Reverts migrations until `n` remain applied. */
async function migrateDownTo(ds: import('typeorm').DataSource, n: number) {
  const applied = () => (rawConnection(ds).prepare('SELECT count(*) AS n FROM migrations').get() as { n: number }).n
  while (applied() > n) await ds.undoLastMigration({ transaction: 'all' })
}

describe('migrations', () => {
  it('0001 creates the register and can be reverted', async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    const raw = rawConnection(db.dataSource)
    // The membership history is append-only.
    raw.prepare(`INSERT INTO branch (id, code, name_mn, name_en, area_code, is_project_branch, created_at, updated_at) VALUES (1, 'X', 'Х', 'X', 'tuv', 0, 'n', 'n')`).run()
    raw.prepare(`INSERT INTO organisation (id, name_mn, kind, area_code, created_at, updated_at) VALUES (1, 'Бүлэг', 'group', 'tuv', 'n', 'n')`).run()
    raw.prepare(`INSERT INTO membership (id, member_type, organisation_id, branch_id, current_status, created_at) VALUES (1, 'organisation', 1, 1, 'applicant', 'n')`).run()
    raw.prepare(`INSERT INTO membership_event (membership_id, seq, type, effective_date, branch_id, recorded_at, recorded_by) VALUES (1, 1, 'applied', '2005-01-01', 1, 'n', 't')`).run()
    expect(() => raw.prepare(`UPDATE membership_event SET type = 'accepted'`).run()).toThrow(/append-only/)
    expect(() => raw.prepare(`DELETE FROM membership_event`).run()).toThrow(/append-only/)
    expect(() => raw.prepare(`INSERT INTO membership (member_type, person_id, branch_id, current_status, created_at) VALUES ('organisation', NULL, 1, 'x', 'n')`).run()).toThrow(/CHECK/)
    for (let i = 0; i < SCHEMA_VERSION; i++) await db.dataSource.undoLastMigration({ transaction: 'all' })
    expect(raw.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='person'`).get()).toBeUndefined()
    await db.close()
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION)
  })

  it('0002 adds the date a household joined the project, filled for existing households', async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    const raw = rawConnection(db.dataSource)
    await migrateDownTo(db.dataSource, 1)
    raw.prepare(`INSERT INTO branch (id, code, name_mn, name_en, area_code, is_project_branch, created_at, updated_at) VALUES (1, 'X', 'Х', 'X', 'tuv', 0, 'n', 'n')`).run()
    raw.prepare(`INSERT INTO household (branch_id, children_count, area_code, created_at, updated_at) VALUES (1, 2, 'tuv', '2008-04-05T10:00:00.000Z', 'n')`).run()
    await db.dataSource.runMigrations({ transaction: 'all' })
    expect(raw.prepare('SELECT registered_on AS r FROM household').get()).toEqual({ r: '2008-04-05' })
    await migrateDownTo(db.dataSource, 1)
    expect((raw.prepare(`SELECT count(*) AS n FROM pragma_table_info('household') WHERE name = 'registered_on'`).get() as { n: number }).n).toBe(0)
    await db.close()
  })

  it('0003 adds assemblies, fee decisions, payments and elections with their uniqueness rules', async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    const raw = rawConnection(db.dataSource)
    raw.prepare(`INSERT INTO branch (id, code, name_mn, name_en, area_code, is_project_branch, created_at, updated_at) VALUES (1, 'X', 'Х', 'X', 'tuv', 0, 'n', 'n')`).run()
    raw.prepare(`INSERT INTO assembly (id, kind, branch_id, year, held_on, members_present, created_at, updated_at) VALUES (1, 'local', 1, 2009, '2009-03-01', 5, 'n', 'n')`).run()
    raw.prepare(`INSERT INTO assembly (id, kind, branch_id, year, held_on, members_present, created_at, updated_at) VALUES (2, 'general', NULL, 2009, '2009-04-01', 5, 'n', 'n')`).run()
    expect(() => raw.prepare(`INSERT INTO assembly (kind, branch_id, year, held_on, members_present, created_at, updated_at) VALUES ('general', 1, 2009, '2009-04-01', 5, 'n', 'n')`).run()).toThrow(/CHECK/)
    const fee = raw.prepare(`INSERT INTO fee_decision (assembly_id, kind, branch_id, year, amount_minor, created_at) VALUES (?, ?, ?, 2009, 100, 'n')`)
    fee.run(1, 'local', 1)
    fee.run(2, 'central', null)
    expect(() => fee.run(1, 'local', 1)).toThrow(/UNIQUE/)
    expect(() => fee.run(2, 'central', null)).toThrow(/UNIQUE/)
    raw.prepare(`INSERT INTO fee_payment (kind, year, branch_id, paid_on, amount_minor, receipt_number, created_at) VALUES ('branch', 2009, 1, '2009-05-01', 100, 'C-1', 'n')`).run()
    expect(() => raw.prepare(`INSERT INTO fee_payment (kind, year, branch_id, paid_on, amount_minor, receipt_number, created_at) VALUES ('branch', 2009, 1, '2009-05-02', 100, 'C-1', 'n')`).run()).toThrow(/UNIQUE/)
    await migrateDownTo(db.dataSource, 2)
    expect(raw.prepare(`SELECT name FROM sqlite_master WHERE name IN ('assembly', 'fee_decision', 'fee_payment', 'election', 'candidate', 'membership_event_date')`).all()).toEqual([])
    await db.dataSource.runMigrations({ transaction: 'all' })
    expect(raw.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('assembly', 'fee_decision', 'fee_payment', 'election', 'candidate')`).get()).toEqual({ n: 5 })
    await db.close()
  })

  it('0004 adds project finance; budget versions cannot be changed', async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    const raw = rawConnection(db.dataSource)
    raw.prepare(`INSERT INTO project (id, code, name, donor, starts_on, ends_on, grant_minor, created_at) VALUES (1, 'P', 'P', 'D', '2007-03-01', '2011-02-28', 100, 'n')`).run()
    raw.prepare(`INSERT INTO funding_source (id, project_id, code, kind, name_en, name_mn) VALUES (1, 1, 'G', 'grant', 'G', 'G')`).run()
    raw.prepare(`INSERT INTO budget_line (id, project_id, main_code, code, name_en, name_mn) VALUES (1, 1, '1', '1.1', 'A', 'A')`).run()
    raw.prepare(`INSERT INTO budget_version (id, project_id, number, approved_on, reason, created_at, created_by) VALUES (1, 1, 0, '2007-02-01', 'r', 'n', 't')`).run()
    raw.prepare(`INSERT INTO budget_amount VALUES (1, 1, 1, 1, 100)`).run()
    expect(() => raw.prepare(`UPDATE budget_amount SET amount_minor = 5`).run()).toThrow(/kept as approved/)
    const expense = raw.prepare(`INSERT INTO expense (project_id, spent_on, voucher, line_id, description, amount_minor, currency, source_id, created_at) VALUES (1, '2008-01-01', ?, 1, 'd', 10, ?, 1, 'n')`)
    expense.run('V1', 'MNT')
    expect(() => expense.run('V1', 'MNT')).toThrow(/UNIQUE/)
    expect(() => expense.run('V2', 'USD')).toThrow(/CHECK/)
    await migrateDownTo(db.dataSource, 3)
    expect(raw.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('project', 'expense', 'transfer', 'budget_amount')`).get()).toEqual({ n: 0 })
    await db.close()
  })
})
