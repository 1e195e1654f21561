import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, refuse, schema } from '../ddl'

/**
 * The group members' savings: each member's compulsory account and her
 * voluntary one, as entries — deposits (+), withdrawals (−) and reversals
 * (the exact negative of the entry they reverse, with the reason). The
 * balance on a date is the sum of the entries up to it. Entries are appended,
 * never changed: a mistake is reversed, then recorded again.
 */
export class Savings1764000000017 implements MigrationInterface {
  name = 'Savings1764000000017'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE savings_entry (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id INTEGER NOT NULL REFERENCES person(id),
        account TEXT NOT NULL CHECK (account IN ('compulsory', 'voluntary')),
        entry_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'reversal')),
        amount_minor INTEGER NOT NULL,
        ssg_id INTEGER NOT NULL REFERENCES ssg(id),
        meeting_id INTEGER REFERENCES group_meeting(id),
        receipt TEXT,
        reverses_id INTEGER UNIQUE REFERENCES savings_entry(id),
        reason TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK ((kind = 'deposit' AND amount_minor > 0 AND reverses_id IS NULL)
          OR (kind = 'withdrawal' AND amount_minor < 0 AND reverses_id IS NULL)
          OR (kind = 'reversal' AND amount_minor <> 0 AND reverses_id IS NOT NULL AND reason IS NOT NULL)))`,
      `CREATE INDEX savings_entry_person ON savings_entry (person_id, account, entry_on)`,
      `CREATE INDEX savings_entry_ssg ON savings_entry (ssg_id, entry_on)`,
      `CREATE INDEX savings_entry_meeting ON savings_entry (meeting_id)`,
    )
    await refuse(q, 'savings_entry_no_update', 'UPDATE', 'savings_entry', 'savings entries are appended, never changed: reverse one instead')
    await refuse(q, 'savings_entry_no_delete', 'DELETE', 'savings_entry', 'savings entries are appended, never changed: reverse one instead')
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTrigger(q, 'savings_entry_no_update', 'savings_entry')
    await dropTrigger(q, 'savings_entry_no_delete', 'savings_entry')
    await dropTables(q, 'savings_entry')
  }
}
