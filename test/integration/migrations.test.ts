import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/db/migrations'
import { TEST_ENGINE } from '../helpers/backend'
import { testDatabase, type TestDatabase } from '../helpers/db'

/*
 * The same migrations create and update either engine; each is tested on
 * both (this file runs in the SQLite and in the PostgreSQL test project).
 */
let d: TestDatabase
beforeEach(async () => {
  d = await testDatabase()
})
afterEach(() => d.close())

const tablesNamed = async (names: string[]) =>
  (
    await d.all<{ name: string }>(
      TEST_ENGINE === 'sqlite'
        ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (:names) ORDER BY name`
        : `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN (:names) ORDER BY table_name`,
      { names },
    )
  ).map((r) => r.name)

const columnsOf = async (table: string) =>
  (
    await d.all<{ name: string }>(
      TEST_ENGINE === 'sqlite'
        ? `SELECT name FROM pragma_table_info(:table)`
        : `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = :table`,
      { table },
    )
  ).map((r) => r.name)

const branch = (id: number) => d.exec(`INSERT INTO branch (id, code, name_mn, name_en, area_code, is_project_branch, created_at, updated_at) VALUES (:id, :code, 'Х', 'X', 'tuv', 0, 'n', 'n')`, { id, code: `B${id}` })

describe(`migrations on ${TEST_ENGINE}`, () => {
  it('all of them go down and up again, leaving the schema as it was', async () => {
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION)
    const before = await columnsOf('membership_event')
    await d.migrateDownTo(0)
    expect(await tablesNamed(['branch', 'person', 'assembly', 'expense'])).toEqual([])
    await d.db.dataSource.runMigrations({ transaction: 'all' })
    expect((await columnsOf('membership_event')).sort()).toEqual(before.sort())
    expect(await tablesNamed(['branch', 'person', 'assembly', 'expense'])).toEqual(['assembly', 'branch', 'expense', 'person'])
  })

  it('0001 creates the register; its history and audit trail are append-only', async () => {
    await branch(1)
    await d.exec(`INSERT INTO organisation (id, name_mn, kind, area_code, created_at, updated_at) VALUES (1, 'Бүлэг', 'group', 'tuv', 'n', 'n')`)
    await d.exec(`INSERT INTO membership (id, member_type, organisation_id, branch_id, current_status, created_at) VALUES (1, 'organisation', 1, 1, 'applicant', 'n')`)
    await d.exec(`INSERT INTO membership_event (membership_id, seq, type, effective_date, branch_id, recorded_at, recorded_by) VALUES (1, 1, 'applied', '2005-01-01', 1, 'n', 't')`)
    await expect(d.exec(`UPDATE membership_event SET type = 'accepted'`)).rejects.toThrow(/append-only/)
    await expect(d.exec(`DELETE FROM membership_event`)).rejects.toThrow(/append-only/)
    await d.exec(`INSERT INTO audit_entry (at, actor, operation, entity_type, entity_id) VALUES ('n', 't', 'x', 'branch', 1)`)
    await expect(d.exec(`UPDATE audit_entry SET actor = 'someone else'`)).rejects.toThrow(/append-only/)
    await expect(d.exec(`INSERT INTO membership (member_type, person_id, branch_id, current_status, created_at) VALUES ('organisation', NULL, 1, 'x', 'n')`)).rejects.toThrow(/check/i)
    // A household and its head refer to each other; the head is checked at commit.
    await d.exec(`INSERT INTO household (id, branch_id, area_code, created_at, updated_at) VALUES (1, 1, 'tuv', 'n', 'n')`)
    await expect(d.exec(`UPDATE household SET head_person_id = 999 WHERE id = 1`)).rejects.toThrow(/foreign key/i)
  })

  it('0002 adds the date a household joined the project, filled for existing households', async () => {
    await d.migrateDownTo(1)
    await branch(1)
    await d.exec(`INSERT INTO household (branch_id, children_count, area_code, created_at, updated_at) VALUES (1, 2, 'tuv', '2008-04-05T10:00:00.000Z', 'n')`)
    await d.db.dataSource.runMigrations({ transaction: 'all' })
    expect(await d.all('SELECT registered_on AS r FROM household')).toEqual([{ r: '2008-04-05' }])
    await d.migrateDownTo(1)
    expect(await columnsOf('household')).not.toContain('registered_on')
  })

  it('0003 adds assemblies, fee decisions, payments and elections with their uniqueness rules', async () => {
    await branch(1)
    await d.exec(`INSERT INTO assembly (id, kind, branch_id, year, held_on, members_present, created_at, updated_at) VALUES (1, 'local', 1, 2009, '2009-03-01', 5, 'n', 'n')`)
    await d.exec(`INSERT INTO assembly (id, kind, branch_id, year, held_on, members_present, created_at, updated_at) VALUES (2, 'general', NULL, 2009, '2009-04-01', 5, 'n', 'n')`)
    await expect(d.exec(`INSERT INTO assembly (kind, branch_id, year, held_on, members_present, created_at, updated_at) VALUES ('general', 1, 2009, '2009-04-01', 5, 'n', 'n')`)).rejects.toThrow(/check/i)
    const fee = (assemblyId: number, kind: string, branchId: number | null) =>
      d.exec(`INSERT INTO fee_decision (assembly_id, kind, branch_id, year, amount_minor, created_at) VALUES (:assemblyId, :kind, :branchId, 2009, 100, 'n')`, { assemblyId, kind, branchId })
    await fee(1, 'local', 1)
    await fee(2, 'central', null)
    await expect(fee(1, 'local', 1)).rejects.toThrow(/unique/i)
    await expect(fee(2, 'central', null)).rejects.toThrow(/unique/i)
    const pay = (receipt: string) =>
      d.exec(`INSERT INTO fee_payment (kind, year, branch_id, paid_on, amount_minor, receipt_number, created_at) VALUES ('branch', 2009, 1, '2009-05-01', 100, :receipt, 'n')`, { receipt })
    await pay('C-1')
    await expect(pay('C-1')).rejects.toThrow(/unique/i)
    await d.migrateDownTo(2)
    expect(await tablesNamed(['assembly', 'fee_decision', 'fee_payment', 'election', 'candidate'])).toEqual([])
  })

  it('0004 adds project finance; budget versions cannot be changed; money takes more than 32 bits', async () => {
    await d.exec(`INSERT INTO project (id, code, name, donor, starts_on, ends_on, grant_minor, created_at) VALUES (1, 'P', 'P', 'D', '2007-03-01', '2011-02-28', 490000000, 'n')`)
    await d.exec(`INSERT INTO funding_source (id, project_id, code, kind, name_en, name_mn) VALUES (1, 1, 'G', 'grant', 'G', 'G')`)
    await d.exec(`INSERT INTO budget_line (id, project_id, main_code, code, name_en, name_mn) VALUES (1, 1, '1', '1.1', 'A', 'A')`)
    await d.exec(`INSERT INTO budget_version (id, project_id, number, approved_on, reason, created_at, created_by) VALUES (1, 1, 0, '2007-02-01', 'r', 'n', 't')`)
    await d.exec(`INSERT INTO budget_amount (version_id, line_id, project_year, source_id, amount_minor) VALUES (1, 1, 1, 1, 100)`)
    await expect(d.exec(`UPDATE budget_amount SET amount_minor = 5`)).rejects.toThrow(/kept as approved/)
    await expect(d.exec(`DELETE FROM budget_amount`)).rejects.toThrow(/kept as approved/)
    const expense = (voucher: string, currency: string, amount: number) =>
      d.exec(`INSERT INTO expense (project_id, spent_on, voucher, line_id, description, amount_minor, currency, source_id, created_at) VALUES (1, '2008-01-01', :voucher, 1, 'd', :amount, :currency, 1, 'n')`, { voucher, currency, amount })
    // 120 billion minor units: a year's MNT spending of the project in möngö.
    await expense('V1', 'MNT', 120_000_000_000)
    expect(await d.all(`SELECT amount_minor AS a FROM expense`)).toEqual([{ a: 120_000_000_000 }])
    await expect(expense('V1', 'MNT', 1)).rejects.toThrow(/unique/i)
    await expect(expense('V2', 'USD', 1)).rejects.toThrow(/check/i)
    await d.migrateDownTo(3)
    expect(await tablesNamed(['project', 'expense', 'transfer', 'budget_amount'])).toEqual([])
  })

  it('0005 gives every earlier membership decision its local organisation back from the audit trail', async () => {
    await d.migrateDownTo(4)
    await branch(1)
    await branch(2)
    await d.exec(`INSERT INTO organisation (id, name_mn, kind, area_code, created_at, updated_at) VALUES (1, 'Бүлэг', 'group', 'tuv', 'n', 'n'), (2, 'Сүлжээ', 'network', 'tuv', 'n', 'n')`)
    // Membership 1 moved from branch 1 to 2 (the row was overwritten); membership 2 was loaded without audit.
    await d.exec(`INSERT INTO membership (id, member_type, organisation_id, branch_id, current_status, created_at) VALUES (1, 'organisation', 1, 2, 'active', 'n'), (2, 'organisation', 2, 1, 'active', 'n')`)
    const ev = (id: number, m: number, seq: number, type: string, date: string) =>
      d.exec(`INSERT INTO membership_event (id, membership_id, seq, type, effective_date, recorded_at, recorded_by) VALUES (:id, :m, :seq, :type, :date, 'n', 't')`, { id, m, seq, type, date })
    await ev(1, 1, 1, 'applied', '2005-01-01')
    await ev(2, 1, 2, 'accepted', '2005-02-01')
    await ev(3, 1, 3, 'resigned', '2008-01-01')
    await ev(4, 1, 4, 'applied', '2009-01-01')
    await ev(5, 1, 5, 'accepted', '2009-02-01')
    await ev(6, 2, 1, 'applied', '2005-01-01')
    const audit = (branchId: number, ids: number[]) =>
      d.exec(`INSERT INTO audit_entry (at, actor, operation, entity_type, entity_id, before_json, after_json) VALUES ('n', 't', 'members.decide', 'membership', 1, NULL, :after)`, {
        after: JSON.stringify({ branchId, events: ids.map((id) => ({ id })) }),
      })
    await audit(1, [1])
    await audit(1, [1, 2])
    await audit(1, [1, 2, 3])
    await audit(2, [1, 2, 3, 4])
    await audit(2, [1, 2, 3, 4, 5])
    await d.db.dataSource.runMigrations({ transaction: 'all' })
    expect(await d.all('SELECT id, branch_id AS b FROM membership_event ORDER BY id')).toEqual([
      { id: 1, b: 1 },
      { id: 2, b: 1 },
      { id: 3, b: 1 },
      { id: 4, b: 2 },
      { id: 5, b: 2 },
      { id: 6, b: 1 },
    ])
    await expect(d.exec(`UPDATE membership_event SET branch_id = 2`)).rejects.toThrow(/append-only/)
    await expect(d.exec(`INSERT INTO membership_event (membership_id, seq, type, effective_date, recorded_at, recorded_by) VALUES (2, 2, 'accepted', '2005-02-01', 'n', 't')`)).rejects.toThrow(
      /local organisation|null value/,
    )
    await d.migrateDownTo(4)
    expect(await columnsOf('membership_event')).not.toContain('branch_id')
  })

  it('0007 gives the DANIDA project its Mongolian name and donor; another project keeps none until given', async () => {
    await d.migrateDownTo(6)
    const project = (id: number, code: string, name: string) =>
      d.exec(`INSERT INTO project (id, code, name, donor, starts_on, ends_on, grant_minor, created_at) VALUES (:id, :code, :name, 'D', '2007-03-01', '2011-02-28', 1, 'n')`, { id, code, name })
    await project(1, 'SPN-2007', 'Strengthening of Social Partnership Network')
    await project(2, 'OTHER', 'Another project')
    await d.db.dataSource.runMigrations({ transaction: 'all' })
    expect(await d.all('SELECT id, name_mn AS n, donor_mn AS d FROM project ORDER BY id')).toEqual([
      { id: 1, n: 'Нийгмийн түншлэлийн сүлжээг бэхжүүлэх төсөл', d: 'ДАНИДА (Дани-Монголын нийгэмлэгээр дамжуулан)' },
      { id: 2, n: null, d: null },
    ])
    await d.migrateDownTo(6)
    expect(await columnsOf('project')).not.toContain('name_mn')
  })
  it('0015 lets CBOs meet and adopt a charter, keeping every meeting, attendance and document of the rebuilt tables', async () => {
    await d.migrateDownTo(14)
    await d.exec(`INSERT INTO branch (id, code, name_mn, name_en, area_code, is_project_branch, created_at, updated_at) VALUES (1, 'B1', 'Х', 'X', 'tuv', 1, 'n', 'n')`)
    await d.exec(`INSERT INTO person (id, patronymic, given_name, gender, branch_id, search_text, sort_key, created_at, updated_at) VALUES (1, 'Бат', 'Сараа', 'female', 1, 's', 's', 'n', 'n')`)
    await d.exec(`INSERT INTO cbo (id, branch_id, name, founded_on, created_at) VALUES (1, 1, 'ОНБ', '2008-01-01', 'n')`)
    await d.exec(`INSERT INTO group_meeting (id, group_type, group_id, held_on, created_at, created_by) VALUES (7, 'lsg', 1, '2008-02-01', 'n', 't')`)
    await expect(d.exec(`INSERT INTO group_meeting (group_type, group_id, held_on, created_at, created_by) VALUES ('cbo', 1, '2008-02-01', 'n', 't')`)).rejects.toThrow(/check/i)
    await d.exec(`INSERT INTO meeting_attendance (meeting_id, person_id, status) VALUES (7, 1, 'late')`)
    await d.exec(`INSERT INTO group_document (group_type, group_id, version, meeting_id, clauses, created_at, created_by) VALUES ('lsg', 1, 1, 7, '{}', 'n', 't')`)
    await d.db.dataSource.runMigrations({ transaction: 'all' })
    expect(await d.all(`SELECT m.id, m.held_on AS h, a.status AS s, d.version AS v FROM group_meeting m JOIN meeting_attendance a ON a.meeting_id = m.id JOIN group_document d ON d.meeting_id = m.id`)).toEqual([
      { id: 7, h: '2008-02-01', s: 'late', v: 1 },
    ])
    await d.exec(`INSERT INTO group_meeting (id, group_type, group_id, held_on, created_at, created_by) VALUES (8, 'cbo', 1, '2008-02-01', 'n', 't')`)
    await d.exec(`INSERT INTO group_document (group_type, group_id, version, meeting_id, clauses, created_at, created_by) VALUES ('cbo', 1, 1, 8, '{}', 'n', 't')`)
    await expect(d.exec(`INSERT INTO group_meeting (group_type, group_id, held_on, created_at, created_by) VALUES ('club', 1, '2008-03-01', 'n', 't')`)).rejects.toThrow(/check/i)
    // The references to the rebuilt meeting table still hold, and the documents stay as adopted.
    await expect(d.exec(`INSERT INTO meeting_attendance (meeting_id, person_id, status) VALUES (99, 1, 'present')`)).rejects.toThrow(/foreign key/i)
    await expect(d.exec(`UPDATE group_document SET clauses = '[]'`)).rejects.toThrow(/kept as adopted/)
    await d.exec(`UPDATE cbo SET registration_number = '9011223344', registered_on = '2009-05-01' WHERE id = 1`)
  })
})
