import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, refuse, schema } from '../ddl'

/**
 * The regulations of a large group and the rules of a small group, as
 * versions: each adopted at a recorded meeting of the group (a small group's
 * rules by all its members), with its clauses; a small group's rules also set
 * the weekly compulsory saving. Versions are kept as adopted: appended only.
 */
export class GroupDocuments1764000000014 implements MigrationInterface {
  name = 'GroupDocuments1764000000014'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE group_document (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        group_type TEXT NOT NULL CHECK (group_type IN ('ssg', 'lsg')),
        group_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES group_meeting(id),
        clauses TEXT NOT NULL,
        weekly_savings_minor INTEGER,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (group_type, group_id, version))`,
    )
    await refuse(q, 'group_document_no_update', 'UPDATE', 'group_document', 'regulations and rules are kept as adopted')
    await refuse(q, 'group_document_no_delete', 'DELETE', 'group_document', 'regulations and rules are kept as adopted')
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTrigger(q, 'group_document_no_update', 'group_document')
    await dropTrigger(q, 'group_document_no_delete', 'group_document')
    await dropTables(q, 'group_document')
  }
}
