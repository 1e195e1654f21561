import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, refuse, schema } from '../ddl'

/** Project finance: projects, funding sources, budget lines and versions, transfers, expenses, fund entries, variance notes. */
export class Finance1764000000004 implements MigrationInterface {
  name = 'Finance1764000000004'

  async up(q: QueryRunner): Promise<void> {
    await schema(q, `CREATE TABLE project (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      donor TEXT NOT NULL,
      starts_on TEXT NOT NULL,
      ends_on TEXT NOT NULL,
      currency TEXT NOT NULL DEFAULT 'DKK',
      grant_minor INTEGER NOT NULL CHECK (grant_minor >= 0),
      created_at TEXT NOT NULL,
      CHECK (ends_on > starts_on))`)
    await schema(q, `CREATE TABLE funding_source (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      project_id INTEGER NOT NULL REFERENCES project(id),
      code TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('grant', 'cofunding', 'own', 'interest')),
      name_en TEXT NOT NULL,
      name_mn TEXT NOT NULL,
      committed_minor INTEGER,
      UNIQUE (project_id, code))`)
    await schema(q, `CREATE TABLE budget_line (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      project_id INTEGER NOT NULL REFERENCES project(id),
      main_code TEXT NOT NULL,
      code TEXT NOT NULL,
      name_en TEXT NOT NULL,
      name_mn TEXT NOT NULL,
      UNIQUE (project_id, code))`)
    await schema(q, `CREATE TABLE budget_version (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      project_id INTEGER NOT NULL REFERENCES project(id),
      number INTEGER NOT NULL,
      approved_on TEXT NOT NULL,
      reason TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      UNIQUE (project_id, number))`)
    await schema(q, `CREATE TABLE budget_amount (
      version_id INTEGER NOT NULL REFERENCES budget_version(id),
      line_id INTEGER NOT NULL REFERENCES budget_line(id),
      project_year INTEGER NOT NULL CHECK (project_year >= 1),
      source_id INTEGER NOT NULL REFERENCES funding_source(id),
      amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
      PRIMARY KEY (version_id, line_id, project_year, source_id))`)
    // Budget versions are history: never changed once approved.
    await refuse(q, 'budget_amount_no_update', 'UPDATE', 'budget_amount', 'budget versions are kept as approved')
    await refuse(q, 'budget_amount_no_delete', 'DELETE', 'budget_amount', 'budget versions are kept as approved')
    await schema(q, `CREATE TABLE transfer (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      project_id INTEGER NOT NULL REFERENCES project(id),
      sent_on TEXT NOT NULL,
      dkk_minor INTEGER NOT NULL CHECK (dkk_minor > 0),
      received_on TEXT NOT NULL,
      mnt_minor INTEGER NOT NULL CHECK (mnt_minor > 0),
      reference TEXT,
      note TEXT,
      created_at TEXT NOT NULL,
      CHECK (received_on >= sent_on))`)
    await schema(q, `CREATE TABLE expense (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      project_id INTEGER NOT NULL REFERENCES project(id),
      spent_on TEXT NOT NULL,
      voucher TEXT NOT NULL,
      line_id INTEGER NOT NULL REFERENCES budget_line(id),
      branch_id INTEGER REFERENCES branch(id),
      description TEXT NOT NULL,
      amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
      currency TEXT NOT NULL CHECK (currency IN ('MNT', 'DKK')),
      source_id INTEGER NOT NULL REFERENCES funding_source(id),
      created_at TEXT NOT NULL,
      UNIQUE (project_id, voucher))`)
    await q.query(`CREATE INDEX expense_date ON expense(project_id, spent_on)`)
    await q.query(`CREATE INDEX expense_line ON expense(line_id)`)
    await schema(q, `CREATE TABLE fund_entry (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      project_id INTEGER NOT NULL REFERENCES project(id),
      kind TEXT NOT NULL CHECK (kind IN ('interest', 'exchange')),
      entry_on TEXT NOT NULL,
      mnt_minor INTEGER NOT NULL,
      dkk_minor INTEGER NOT NULL,
      note TEXT,
      created_at TEXT NOT NULL)`)
    await schema(q, `CREATE TABLE variance_note (
      project_id INTEGER NOT NULL REFERENCES project(id),
      line_id INTEGER NOT NULL REFERENCES budget_line(id),
      period TEXT NOT NULL,
      note TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (project_id, line_id, period))`)
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, 'variance_note', 'fund_entry', 'expense', 'transfer', 'budget_amount', 'budget_version', 'budget_line', 'funding_source', 'project')
  }
}
