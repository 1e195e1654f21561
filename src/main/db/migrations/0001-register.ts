import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, engineOf, refuse, schema } from '../ddl'

/** The member register: branches, households, persons, organisations, memberships, audit. */
export class Register1764000000001 implements MigrationInterface {
  name = 'Register1764000000001'

  async up(q: QueryRunner): Promise<void> {
    const sqlite = engineOf(q) === 'sqlite'
    await schema(q, `CREATE TABLE branch (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      code TEXT NOT NULL UNIQUE,
      name_mn TEXT NOT NULL,
      name_en TEXT NOT NULL,
      area_code TEXT NOT NULL,
      is_project_branch INTEGER NOT NULL DEFAULT 0 CHECK (is_project_branch IN (0, 1)),
      established_on TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL)`)
    // A household and its head refer to each other: PostgreSQL gets the head's key once person exists.
    await schema(q, `CREATE TABLE household (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      branch_id INTEGER NOT NULL REFERENCES branch(id),
      head_person_id INTEGER${sqlite ? ' REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED' : ''},
      single_woman_headed INTEGER NOT NULL DEFAULT 0 CHECK (single_woman_headed IN (0, 1)),
      children_count INTEGER NOT NULL DEFAULT 0 CHECK (children_count >= 0),
      area_code TEXT NOT NULL,
      soum TEXT,
      bag TEXT,
      address_line TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL)`)
    await schema(q, `CREATE TABLE person (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      clan_name TEXT,
      patronymic TEXT NOT NULL,
      given_name TEXT NOT NULL,
      latin_name TEXT,
      register_number TEXT UNIQUE,
      gender TEXT NOT NULL CHECK (gender IN ('female', 'male')),
      birth_date TEXT,
      phone TEXT,
      branch_id INTEGER NOT NULL REFERENCES branch(id),
      household_id INTEGER REFERENCES household(id),
      search_text TEXT NOT NULL,
      sort_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL)`)
    if (!sqlite) {
      await q.query(`ALTER TABLE household ADD CONSTRAINT household_head FOREIGN KEY (head_person_id) REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED`)
    }
    await q.query(`CREATE INDEX person_branch ON person(branch_id)`)
    await q.query(`CREATE INDEX person_household ON person(household_id)`)
    await q.query(`CREATE INDEX person_sort_key ON person(sort_key)`)
    await q.query(`CREATE INDEX household_branch ON household(branch_id)`)
    await schema(q, `CREATE TABLE organisation (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name_mn TEXT NOT NULL,
      name_en TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('network', 'group')),
      area_code TEXT NOT NULL,
      contact_name TEXT,
      phone TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL)`)
    await schema(q, `CREATE TABLE membership (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      member_type TEXT NOT NULL CHECK (member_type IN ('person', 'organisation')),
      person_id INTEGER UNIQUE REFERENCES person(id),
      organisation_id INTEGER UNIQUE REFERENCES organisation(id),
      branch_id INTEGER NOT NULL REFERENCES branch(id),
      current_status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK ((member_type = 'person' AND person_id IS NOT NULL AND organisation_id IS NULL)
          OR (member_type = 'organisation' AND organisation_id IS NOT NULL AND person_id IS NULL)))`)
    await q.query(`CREATE INDEX membership_branch ON membership(branch_id)`)
    await schema(q, `CREATE TABLE membership_event (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      membership_id INTEGER NOT NULL REFERENCES membership(id),
      seq INTEGER NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('applied', 'accepted', 'rejected', 'excluded', 'resigned', 'died')),
      effective_date TEXT NOT NULL,
      reason TEXT,
      reference TEXT,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      UNIQUE (membership_id, seq))`)
    await schema(q, `CREATE TABLE audit_entry (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      operation TEXT NOT NULL,
      entity_type TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      before_json TEXT,
      after_json TEXT)`)
    await q.query(`CREATE INDEX audit_entity ON audit_entry(entity_type, entity_id)`)
    // History is appended, never rewritten.
    await refuse(q, 'membership_event_no_update', 'UPDATE', 'membership_event', 'membership history is append-only')
    await refuse(q, 'membership_event_no_delete', 'DELETE', 'membership_event', 'membership history is append-only')
    await refuse(q, 'audit_no_update', 'UPDATE', 'audit_entry', 'the audit trail is append-only')
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, 'audit_entry', 'membership_event', 'membership', 'organisation', 'person', 'household', 'branch')
  }
}
