import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, schema } from '../ddl'

/** Assemblies, fee decisions, fee payments, and board elections. */
export class Governance1764000000003 implements MigrationInterface {
  name = 'Governance1764000000003'

  async up(q: QueryRunner): Promise<void> {
    await schema(q, `CREATE TABLE assembly (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('local', 'general')),
      branch_id INTEGER REFERENCES branch(id),
      year INTEGER NOT NULL,
      held_on TEXT NOT NULL,
      place TEXT,
      members_present INTEGER NOT NULL CHECK (members_present >= 0),
      quorum_percent INTEGER NOT NULL DEFAULT 50 CHECK (quorum_percent BETWEEN 1 AND 100),
      quorum_strict INTEGER NOT NULL DEFAULT 1 CHECK (quorum_strict IN (0, 1)),
      decisions TEXT,
      minutes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((kind = 'local' AND branch_id IS NOT NULL) OR (kind = 'general' AND branch_id IS NULL)))`)
    await q.query(`CREATE INDEX assembly_year ON assembly(year)`)
    await schema(q, `CREATE TABLE fee_decision (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      assembly_id INTEGER NOT NULL REFERENCES assembly(id),
      kind TEXT NOT NULL CHECK (kind IN ('local', 'central')),
      branch_id INTEGER REFERENCES branch(id),
      year INTEGER NOT NULL,
      amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
      currency TEXT NOT NULL DEFAULT 'MNT',
      minimum_minor INTEGER CHECK (minimum_minor >= 0),
      reference_date TEXT,
      created_at TEXT NOT NULL)`)
    await q.query(`CREATE UNIQUE INDEX fee_decision_local ON fee_decision(branch_id, year) WHERE kind = 'local'`)
    await q.query(`CREATE UNIQUE INDEX fee_decision_central ON fee_decision(year) WHERE kind = 'central'`)
    await schema(q, `CREATE TABLE fee_payment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('member', 'branch')),
      year INTEGER NOT NULL,
      branch_id INTEGER NOT NULL REFERENCES branch(id),
      membership_id INTEGER REFERENCES membership(id),
      paid_on TEXT NOT NULL,
      amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
      currency TEXT NOT NULL DEFAULT 'MNT',
      receipt_number TEXT NOT NULL,
      payer TEXT,
      note TEXT,
      created_at TEXT NOT NULL,
      CHECK ((kind = 'member' AND membership_id IS NOT NULL) OR (kind = 'branch' AND membership_id IS NULL)))`)
    // A receipt number is unique per branch (members' receipts), and among the central level's receipts.
    await q.query(`CREATE UNIQUE INDEX fee_payment_receipt_branch ON fee_payment(branch_id, receipt_number) WHERE kind = 'member'`)
    await q.query(`CREATE UNIQUE INDEX fee_payment_receipt_central ON fee_payment(receipt_number) WHERE kind = 'branch'`)
    await q.query(`CREATE INDEX fee_payment_year ON fee_payment(year, branch_id)`)
    await schema(q, `CREATE TABLE election (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      assembly_id INTEGER NOT NULL UNIQUE REFERENCES assembly(id),
      seats INTEGER NOT NULL CHECK (seats > 0),
      tie_resolution TEXT,
      created_at TEXT NOT NULL)`)
    await schema(q, `CREATE TABLE candidate (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      election_id INTEGER NOT NULL REFERENCES election(id),
      membership_id INTEGER NOT NULL REFERENCES membership(id),
      votes INTEGER NOT NULL CHECK (votes >= 0),
      elected INTEGER NOT NULL DEFAULT 0 CHECK (elected IN (0, 1)),
      role TEXT CHECK (role IN ('chair', 'vice_chair', 'treasurer', 'secretary', 'member')),
      UNIQUE (election_id, membership_id))`)
    // Status-on-a-date lookups (eligible members, liable members) read the latest event per membership.
    await q.query(`CREATE INDEX membership_event_date ON membership_event(membership_id, effective_date, seq)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX membership_event_date`)
    await dropTables(q, 'candidate', 'election', 'fee_payment', 'fee_decision', 'assembly')
  }
}
