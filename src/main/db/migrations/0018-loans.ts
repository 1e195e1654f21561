import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, refuse, schema } from '../ddl'

const APPENDED = ['loan', 'loan_instalment', 'loan_reschedule', 'loan_repayment', 'loan_allocation', 'loan_fine', 'loan_write_off', 'group_fund_entry', 'training_completion'] as const

/**
 * Micro loans and the group funds. A loan (granted at a meeting of the
 * large group, with the eligibility checks as they stood) and its schedule
 * (a rescheduling appends a new one); a write-off by the large group's decision;
 * repayments and how each was allocated to the instalments (reversals are
 * exact negatives); fines; the fund entries of the large groups — (1) new
 * loans and (2) common interest — and of the area's CBO (3): allocations of
 * every repayment, loan capital from the project, disbursements, spending.
 * A member's completed micro-credit training, which the loan checks read.
 * All appended only.
 */
export class Loans1764000000018 implements MigrationInterface {
  name = 'Loans1764000000018'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE training_completion (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id INTEGER NOT NULL REFERENCES person(id),
        course TEXT NOT NULL CHECK (course IN ('micro_credit')),
        completed_on TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (person_id, course))`,
      `CREATE TABLE loan (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id INTEGER NOT NULL REFERENCES person(id),
        ssg_id INTEGER NOT NULL REFERENCES ssg(id),
        lsg_id INTEGER NOT NULL REFERENCES lsg(id),
        cycle INTEGER NOT NULL CHECK (cycle >= 1),
        principal_minor INTEGER NOT NULL CHECK (principal_minor > 0),
        instalments INTEGER NOT NULL CHECK (instalments BETWEEN 1 AND 104),
        method TEXT NOT NULL CHECK (method IN ('flat', 'declining')),
        monthly_rate_micro INTEGER NOT NULL CHECK (monthly_rate_micro >= 0),
        approved_meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
        disbursed_on TEXT NOT NULL,
        eligibility TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL)`,
      `CREATE INDEX loan_person ON loan (person_id)`,
      `CREATE INDEX loan_ssg ON loan (ssg_id)`,
      `CREATE INDEX loan_lsg ON loan (lsg_id)`,
      `CREATE TABLE loan_instalment (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        loan_id INTEGER NOT NULL REFERENCES loan(id),
        schedule_no INTEGER NOT NULL DEFAULT 1,
        n INTEGER NOT NULL,
        due_on TEXT NOT NULL,
        principal_minor INTEGER NOT NULL CHECK (principal_minor >= 0),
        interest_minor INTEGER NOT NULL CHECK (interest_minor >= 0),
        UNIQUE (loan_id, schedule_no, n))`,
      `CREATE TABLE loan_reschedule (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        loan_id INTEGER NOT NULL REFERENCES loan(id),
        schedule_no INTEGER NOT NULL CHECK (schedule_no >= 2),
        rescheduled_on TEXT NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (loan_id, schedule_no))`,
      `CREATE TABLE loan_repayment (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        loan_id INTEGER NOT NULL REFERENCES loan(id),
        paid_on TEXT NOT NULL,
        meeting_id INTEGER REFERENCES group_meeting(id),
        amount_minor INTEGER NOT NULL,
        fines_minor INTEGER NOT NULL,
        interest_minor INTEGER NOT NULL,
        principal_minor INTEGER NOT NULL,
        reverses_id INTEGER UNIQUE REFERENCES loan_repayment(id),
        reason TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (amount_minor = fines_minor + interest_minor + principal_minor),
        CHECK ((reverses_id IS NULL AND amount_minor > 0) OR (reverses_id IS NOT NULL AND amount_minor < 0 AND reason IS NOT NULL)))`,
      `CREATE INDEX loan_repayment_loan ON loan_repayment (loan_id, paid_on)`,
      `CREATE TABLE loan_allocation (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        repayment_id INTEGER NOT NULL REFERENCES loan_repayment(id),
        instalment_id INTEGER NOT NULL REFERENCES loan_instalment(id),
        interest_minor INTEGER NOT NULL,
        principal_minor INTEGER NOT NULL)`,
      `CREATE INDEX loan_allocation_repayment ON loan_allocation (repayment_id)`,
      `CREATE INDEX loan_allocation_instalment ON loan_allocation (instalment_id)`,
      `CREATE TABLE loan_fine (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        loan_id INTEGER NOT NULL REFERENCES loan(id),
        imposed_on TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        reason TEXT NOT NULL,
        meeting_id INTEGER REFERENCES group_meeting(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL)`,
      `CREATE INDEX loan_fine_loan ON loan_fine (loan_id)`,
      `CREATE TABLE loan_write_off (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        loan_id INTEGER NOT NULL UNIQUE REFERENCES loan(id),
        written_off_on TEXT NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
        principal_minor INTEGER NOT NULL,
        interest_minor INTEGER NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL)`,
      `CREATE TABLE group_fund_entry (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        branch_id INTEGER NOT NULL REFERENCES branch(id),
        lsg_id INTEGER REFERENCES lsg(id),
        fund TEXT NOT NULL CHECK (fund IN ('f1', 'f2', 'f3')),
        entry_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('allocation', 'capital', 'disbursement', 'spending')),
        amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
        repayment_id INTEGER REFERENCES loan_repayment(id),
        loan_id INTEGER REFERENCES loan(id),
        expense_id INTEGER REFERENCES expense(id),
        purpose TEXT,
        households INTEGER,
        reverses_id INTEGER UNIQUE REFERENCES group_fund_entry(id),
        reason TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (fund = 'f3' OR lsg_id IS NOT NULL))`,
      `CREATE INDEX group_fund_entry_lsg ON group_fund_entry (lsg_id, fund, entry_on)`,
      `CREATE INDEX group_fund_entry_branch ON group_fund_entry (branch_id, fund, entry_on)`,
      `CREATE UNIQUE INDEX group_fund_entry_capital ON group_fund_entry (expense_id) WHERE kind = 'capital' AND amount_minor > 0`,
    )
    for (const t of APPENDED) {
      await refuse(q, `${t}_no_update`, 'UPDATE', t, 'loan records are appended, never changed: reverse instead')
      await refuse(q, `${t}_no_delete`, 'DELETE', t, 'loan records are appended, never changed: reverse instead')
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of APPENDED) {
      await dropTrigger(q, `${t}_no_update`, t)
      await dropTrigger(q, `${t}_no_delete`, t)
    }
    await dropTables(q, 'group_fund_entry', 'loan_write_off', 'loan_fine', 'loan_allocation', 'loan_repayment', 'loan_reschedule', 'loan_instalment', 'loan', 'training_completion')
  }
}
