import type { MigrationInterface, QueryRunner } from 'typeorm'
import { engineOf, schema } from '../ddl'

/** The entries money depends on: never edited or deleted, voided with a reason. */
export const VOIDABLE = ['transfer', 'expense', 'fund_entry', 'fee_payment'] as const

/**
 * Voids. A mistaken transfer, expense, bank interest or exchange entry, or fee
 * payment is not edited or deleted: it is voided — when (UTC), by whom and
 * why are written on it once — and the right one recorded. Every total, FIFO
 * value and report leaves voided entries out. A voided entry frees its
 * voucher or receipt number, so the corrected entry can carry the number on
 * the paper: the unique indexes now hold among entries that stand. On SQLite
 * the expense table is rebuilt for that (its uniqueness was a table
 * constraint); nothing refers to it.
 */
export class Voids1764000000008 implements MigrationInterface {
  name = 'Voids1764000000008'

  async up(q: QueryRunner): Promise<void> {
    const engine = engineOf(q)
    for (const t of VOIDABLE) {
      if (t === 'expense' && engine === 'sqlite') continue
      await schema(q, `ALTER TABLE ${t} ADD COLUMN voided_at TEXT`, `ALTER TABLE ${t} ADD COLUMN voided_by TEXT`, `ALTER TABLE ${t} ADD COLUMN void_reason TEXT`)
    }
    if (engine === 'sqlite') {
      await q.query(`CREATE TABLE expense_rebuilt (
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
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT)`)
      await q.query(`INSERT INTO expense_rebuilt (id, project_id, spent_on, voucher, line_id, branch_id, description, amount_minor, currency, source_id, created_at)
        SELECT id, project_id, spent_on, voucher, line_id, branch_id, description, amount_minor, currency, source_id, created_at FROM expense`)
      await q.query(`DROP TABLE expense`)
      await q.query(`ALTER TABLE expense_rebuilt RENAME TO expense`)
      await q.query(`CREATE INDEX expense_date ON expense(project_id, spent_on)`)
      await q.query(`CREATE INDEX expense_line ON expense(line_id)`)
    } else {
      await q.query(`ALTER TABLE expense DROP CONSTRAINT IF EXISTS expense_project_id_voucher_key`)
    }
    await q.query(`CREATE UNIQUE INDEX expense_voucher ON expense(project_id, voucher) WHERE voided_at IS NULL`)
    await q.query(`DROP INDEX fee_payment_receipt_branch`)
    await q.query(`DROP INDEX fee_payment_receipt_central`)
    await q.query(`CREATE UNIQUE INDEX fee_payment_receipt_branch ON fee_payment(branch_id, receipt_number) WHERE kind = 'member' AND voided_at IS NULL`)
    await q.query(`CREATE UNIQUE INDEX fee_payment_receipt_central ON fee_payment(receipt_number) WHERE kind = 'branch' AND voided_at IS NULL`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fee_payment_receipt_branch`)
    await q.query(`DROP INDEX fee_payment_receipt_central`)
    await q.query(`CREATE UNIQUE INDEX fee_payment_receipt_branch ON fee_payment(branch_id, receipt_number) WHERE kind = 'member'`)
    await q.query(`CREATE UNIQUE INDEX fee_payment_receipt_central ON fee_payment(receipt_number) WHERE kind = 'branch'`)
    await q.query(`DROP INDEX expense_voucher`)
    for (const t of VOIDABLE) for (const c of ['void_reason', 'voided_by', 'voided_at']) await q.query(`ALTER TABLE ${t} DROP COLUMN ${c}`)
  }
}
