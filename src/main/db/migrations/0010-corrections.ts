import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, refuse, schema } from '../ddl'

/**
 * Corrections with a trail, and who attended an assembly.
 * - `assembly_attendance`: the members (memberships) ticked present on the
 *   assembly's list of eligible members; `assembly.attendance_listed` says the
 *   count comes from that list (older assemblies keep their typed count).
 * - `correction`: a recorded correction of an assembly record or a fee
 *   decision: the field, old and new value, why, who and when. Appended only.
 * - `person_merge`: a person entered twice merged into the other: who was
 *   kept, who was merged (her name and register number as they were), why,
 *   who and when. Appended only; the audit trail of the merged person is
 *   shown with the kept one's through it.
 */
export class Corrections1764000000010 implements MigrationInterface {
  name = 'Corrections1764000000010'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `ALTER TABLE assembly ADD COLUMN attendance_listed INTEGER NOT NULL DEFAULT 0`,
      `CREATE TABLE assembly_attendance (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        assembly_id INTEGER NOT NULL REFERENCES assembly(id),
        membership_id INTEGER NOT NULL REFERENCES membership(id),
        UNIQUE (assembly_id, membership_id))`,
      `CREATE INDEX assembly_attendance_membership ON assembly_attendance (membership_id)`,
      `CREATE TABLE correction (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entity_type TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        assembly_id INTEGER NOT NULL REFERENCES assembly(id),
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        reason TEXT NOT NULL,
        corrected_at TEXT NOT NULL,
        corrected_by TEXT NOT NULL)`,
      `CREATE INDEX correction_assembly ON correction (assembly_id)`,
      `CREATE TABLE person_merge (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kept_person_id INTEGER NOT NULL REFERENCES person(id),
        merged_person_id INTEGER NOT NULL,
        merged_name TEXT NOT NULL,
        merged_register_number TEXT,
        reason TEXT NOT NULL,
        merged_at TEXT NOT NULL,
        merged_by TEXT NOT NULL)`,
      `CREATE INDEX person_merge_kept ON person_merge (kept_person_id)`,
    )
    for (const t of ['correction', 'person_merge']) {
      await refuse(q, `${t}_no_update`, 'UPDATE', t, 'corrections are appended, never rewritten')
      await refuse(q, `${t}_no_delete`, 'DELETE', t, 'corrections are appended, never rewritten')
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['correction', 'person_merge']) {
      await dropTrigger(q, `${t}_no_update`, t)
      await dropTrigger(q, `${t}_no_delete`, t)
    }
    await dropTables(q, 'person_merge', 'correction', 'assembly_attendance')
    await q.query(`ALTER TABLE assembly DROP COLUMN attendance_listed`)
  }
}
