import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, refuse, schema } from '../ddl'

/**
 * DOMAIN.md: "a moved meeting moves the due date". When a small group meets
 * on another day of the week an instalment falls due, that instalment is due
 * on the meeting's day: kept here, beside the schedule as it was set (which
 * is never changed), appended only. Readers take the moved day where there is one.
 */
export class DueMoves1764000000020 implements MigrationInterface {
  name = 'DueMoves1764000000020'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE instalment_due_move (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instalment_id INTEGER NOT NULL UNIQUE REFERENCES loan_instalment(id),
        due_on TEXT NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
        created_at TEXT NOT NULL)`,
    )
    await refuse(q, 'instalment_due_move_no_update', 'UPDATE', 'instalment_due_move', 'a moved due date is kept as it was recorded')
    await refuse(q, 'instalment_due_move_no_delete', 'DELETE', 'instalment_due_move', 'a moved due date is kept as it was recorded')
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTrigger(q, 'instalment_due_move_no_update', 'instalment_due_move')
    await dropTrigger(q, 'instalment_due_move_no_delete', 'instalment_due_move')
    await dropTables(q, 'instalment_due_move')
  }
}
