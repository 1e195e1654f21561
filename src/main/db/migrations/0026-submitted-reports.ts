import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, engineOf, refuse, schema } from '../ddl'

const expenseTable = (amountCheck: string, corrects: boolean) => `CREATE TABLE expense (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES project(id),
  spent_on TEXT NOT NULL,
  voucher TEXT NOT NULL,
  line_id INTEGER NOT NULL REFERENCES budget_line(id),
  branch_id INTEGER REFERENCES branch(id),
  description TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (${amountCheck}),
  currency TEXT NOT NULL CHECK (currency IN ('MNT', 'DKK')),
  source_id INTEGER NOT NULL REFERENCES funding_source(id),
  created_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT,
  void_reason TEXT${corrects ? ',\n  corrects_id INTEGER REFERENCES expense(id)' : ''})`

const COLUMNS = 'id, project_id, spent_on, voucher, line_id, branch_id, description, amount_minor, currency, source_id, created_at, voided_at, voided_by, void_reason'

/**
 * SQLite keeps a CHECK in the table's definition: the expense table is
 * rebuilt (same rows and ids) to change it. Other tables refer to expenses
 * (activity costs, loan capital): the old table is renamed away without
 * rewriting those references (legacy_alter_table), so they point at the new
 * table by name, and dropping the old one deletes no row they need.
 */
async function rebuildExpense(q: QueryRunner, amountCheck: string, corrects: boolean): Promise<void> {
  await q.query(`PRAGMA legacy_alter_table = ON`)
  try {
    await q.query(`ALTER TABLE expense RENAME TO expense_old`)
    await q.query(expenseTable(amountCheck, corrects))
    await q.query(`INSERT INTO expense (${COLUMNS}) SELECT ${COLUMNS} FROM expense_old`)
    await q.query(`DROP TABLE expense_old`)
  } finally {
    await q.query(`PRAGMA legacy_alter_table = OFF`)
  }
  await q.query(`CREATE INDEX expense_date ON expense(project_id, spent_on)`)
  await q.query(`CREATE INDEX expense_line ON expense(line_id)`)
  await q.query(`CREATE UNIQUE INDEX expense_voucher ON expense(project_id, voucher) WHERE voided_at IS NULL`)
  const broken = (await q.query('PRAGMA foreign_key_check')) as unknown[]
  if (broken.length) throw new Error(`the rebuilt expense table breaks ${broken.length} references`)
}

/**
 * Reports submitted to the donor, kept as submitted: the file itself (base64,
 * so both engines keep it the same way), its SHA-256, who submitted it and
 * when, and the period it covers. Appended, never changed. A submitted period
 * is locked: entries dated in it are refused, and a mistake found later is
 * corrected by a voucher in the open period that names the one it corrects
 * (`expense.corrects_id`; its amount may then be negative). A budget version
 * can record the donor's approval (a line moved by more than 10% is then
 * approved, not a warning). A project has the variance (per cent of the
 * revised budget) above which a line must be explained.
 */
export class SubmittedReports1764000000026 implements MigrationInterface {
  name = 'SubmittedReports1764000000026'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE submitted_report (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id INTEGER NOT NULL REFERENCES project(id),
        report TEXT NOT NULL,
        project_year INTEGER,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        lang TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('xlsx', 'pdf')),
        file_name TEXT NOT NULL,
        content TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        byte_length INTEGER NOT NULL,
        note TEXT,
        submitted_at TEXT NOT NULL,
        submitted_by TEXT NOT NULL)`,
      `CREATE INDEX submitted_report_project ON submitted_report (project_id, period_to)`,
      `ALTER TABLE budget_version ADD COLUMN donor_approval TEXT`,
      `ALTER TABLE project ADD COLUMN variance_threshold_percent INTEGER NOT NULL DEFAULT 10`,
    )
    await refuse(q, 'submitted_report_no_update', 'UPDATE', 'submitted_report', 'a submitted report is kept as submitted')
    await refuse(q, 'submitted_report_no_delete', 'DELETE', 'submitted_report', 'a submitted report is kept as submitted')
    if (engineOf(q) === 'postgres') {
      await q.query(`ALTER TABLE expense DROP CONSTRAINT expense_amount_minor_check`)
      await q.query(`ALTER TABLE expense ADD CONSTRAINT expense_amount_minor_check CHECK (amount_minor <> 0)`)
      await q.query(`ALTER TABLE expense ADD COLUMN corrects_id INTEGER REFERENCES expense(id)`)
    } else {
      await rebuildExpense(q, 'amount_minor <> 0', true)
    }
    await q.query(`CREATE INDEX expense_corrects ON expense(corrects_id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX expense_corrects`)
    if (engineOf(q) === 'postgres') {
      await q.query(`ALTER TABLE expense DROP COLUMN corrects_id`)
      await q.query(`ALTER TABLE expense DROP CONSTRAINT expense_amount_minor_check`)
      await q.query(`ALTER TABLE expense ADD CONSTRAINT expense_amount_minor_check CHECK (amount_minor > 0)`)
    } else {
      await rebuildExpense(q, 'amount_minor > 0', false)
    }
    await q.query(`ALTER TABLE project DROP COLUMN variance_threshold_percent`)
    await q.query(`ALTER TABLE budget_version DROP COLUMN donor_approval`)
    await dropTrigger(q, 'submitted_report_no_update', 'submitted_report')
    await dropTrigger(q, 'submitted_report_no_delete', 'submitted_report')
    await dropTables(q, 'submitted_report')
  }
}
