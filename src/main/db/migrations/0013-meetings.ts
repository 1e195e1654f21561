import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, refuse, schema } from '../ddl'

/**
 * The life of the self-help groups: meetings (small groups weekly, large
 * groups monthly) with every member's attendance, corrections of a meeting
 * after a later one locked it (appended only), and office holders elected at
 * a meeting (LSG chairman and treasurer, SSG representative).
 */
export class Meetings1764000000013 implements MigrationInterface {
  name = 'Meetings1764000000013'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE group_meeting (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        group_type TEXT NOT NULL CHECK (group_type IN ('ssg', 'lsg')),
        group_id INTEGER NOT NULL,
        held_on TEXT NOT NULL,
        minutes TEXT,
        decisions TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (group_type, group_id, held_on))`,
      `CREATE TABLE meeting_attendance (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
        person_id INTEGER NOT NULL REFERENCES person(id),
        status TEXT NOT NULL CHECK (status IN ('present', 'late', 'represented', 'excused', 'absent')),
        UNIQUE (meeting_id, person_id))`,
      `CREATE INDEX meeting_attendance_person ON meeting_attendance (person_id)`,
      `CREATE TABLE meeting_correction (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        reason TEXT NOT NULL,
        corrected_at TEXT NOT NULL,
        corrected_by TEXT NOT NULL)`,
      `CREATE INDEX meeting_correction_meeting ON meeting_correction (meeting_id)`,
      `CREATE TABLE group_office (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
        office TEXT NOT NULL CHECK (office IN ('chair', 'treasurer', 'representative')),
        person_id INTEGER NOT NULL REFERENCES person(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (meeting_id, office))`,
      `CREATE INDEX group_office_person ON group_office (person_id)`,
    )
    await refuse(q, 'meeting_correction_no_update', 'UPDATE', 'meeting_correction', 'corrections are appended, never rewritten')
    await refuse(q, 'meeting_correction_no_delete', 'DELETE', 'meeting_correction', 'corrections are appended, never rewritten')
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTrigger(q, 'meeting_correction_no_update', 'meeting_correction')
    await dropTrigger(q, 'meeting_correction_no_delete', 'meeting_correction')
    await dropTables(q, 'group_office', 'meeting_correction', 'meeting_attendance', 'group_meeting')
  }
}
