import type { MigrationInterface, QueryRunner } from 'typeorm'
import { engineOf, refuse, schema } from '../ddl'

/**
 * Community-based organisations as groups with a life of their own: their
 * unified meetings (every member of the area's large groups on the sheet),
 * their leaders elected there, their charter as versions adopted there, and
 * the state registration (number, date). Meetings and documents now accept
 * the group type 'cbo'.
 *
 * SQLite cannot change a CHECK constraint in place: the two tables are
 * rebuilt (TypeORM runs migrations with foreign keys off, so the tables that
 * refer to group_meeting keep pointing at the rebuilt one by name).
 */
export class Cbo1764000000015 implements MigrationInterface {
  name = 'Cbo1764000000015'

  async up(q: QueryRunner): Promise<void> {
    await schema(q, `ALTER TABLE cbo ADD COLUMN registration_number TEXT`, `ALTER TABLE cbo ADD COLUMN registered_on TEXT`, `ALTER TABLE cbo ADD COLUMN version INTEGER NOT NULL DEFAULT 1`)
    await groupTypes(q, ['ssg', 'lsg', 'cbo'])
  }

  async down(q: QueryRunner): Promise<void> {
    await groupTypes(q, ['ssg', 'lsg'])
    for (const c of ['version', 'registered_on', 'registration_number']) await q.query(`ALTER TABLE cbo DROP COLUMN ${c}`)
  }
}

const meetingTable = (check: string): string => `CREATE TABLE group_meeting (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_type TEXT NOT NULL CHECK (group_type IN (${check})),
  group_id INTEGER NOT NULL,
  held_on TEXT NOT NULL,
  minutes TEXT,
  decisions TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (group_type, group_id, held_on))`

const documentTable = (check: string): string => `CREATE TABLE group_document (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_type TEXT NOT NULL CHECK (group_type IN (${check})),
  group_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
  clauses TEXT NOT NULL,
  weekly_savings_minor INTEGER,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (group_type, group_id, version))`

/** Sets the group types group_meeting and group_document accept. */
async function groupTypes(q: QueryRunner, types: string[]): Promise<void> {
  const check = types.map((t) => `'${t}'`).join(', ')
  if (engineOf(q) === 'postgres') {
    for (const t of ['group_meeting', 'group_document']) {
      await q.query(`ALTER TABLE ${t} DROP CONSTRAINT ${t}_group_type_check`)
      await q.query(`ALTER TABLE ${t} ADD CONSTRAINT ${t}_group_type_check CHECK (group_type IN (${check}))`)
    }
    return
  }
  await rebuild(q, 'group_meeting', meetingTable(check))
  await rebuild(q, 'group_document', documentTable(check))
  await refuse(q, 'group_document_no_update', 'UPDATE', 'group_document', 'regulations and rules are kept as adopted')
  await refuse(q, 'group_document_no_delete', 'DELETE', 'group_document', 'regulations and rules are kept as adopted')
  const broken = (await q.query('PRAGMA foreign_key_check')) as unknown[]
  if (broken.length) throw new Error(`the rebuilt group tables break ${broken.length} references`)
}

/** SQLite's rebuild of a table under a new definition: same columns, rows and ids. */
async function rebuild(q: QueryRunner, table: string, create: string): Promise<void> {
  await q.query(create.replace(`CREATE TABLE ${table} (`, `CREATE TABLE ${table}_new (`))
  await q.query(`INSERT INTO ${table}_new SELECT * FROM ${table}`)
  await q.query(`DROP TABLE ${table}`)
  await q.query(`ALTER TABLE ${table}_new RENAME TO ${table}`)
}
