import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, schema } from '../ddl'

/**
 * Self-help groups: per project area its community-based organisation (CBO),
 * its large groups (LSG) and their small groups (SSG), and the members of the
 * small groups as periods (joined; left, why, or moved to which group) —
 * never overwritten. A person is in one small group at a time.
 */
export class Groups1764000000012 implements MigrationInterface {
  name = 'Groups1764000000012'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE cbo (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        branch_id INTEGER NOT NULL UNIQUE REFERENCES branch(id),
        name TEXT NOT NULL,
        founded_on TEXT NOT NULL,
        created_at TEXT NOT NULL)`,
      `CREATE TABLE lsg (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        branch_id INTEGER NOT NULL REFERENCES branch(id),
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        formed_on TEXT NOT NULL,
        project_year INTEGER NOT NULL,
        meeting_week INTEGER NOT NULL CHECK (meeting_week BETWEEN 1 AND 5),
        meeting_weekday INTEGER NOT NULL CHECK (meeting_weekday BETWEEN 1 AND 7),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE INDEX lsg_branch ON lsg (branch_id)`,
      `CREATE TABLE ssg (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lsg_id INTEGER NOT NULL REFERENCES lsg(id),
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        formed_on TEXT NOT NULL,
        meeting_weekday INTEGER NOT NULL CHECK (meeting_weekday BETWEEN 1 AND 7),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE INDEX ssg_lsg ON ssg (lsg_id)`,
      `CREATE TABLE group_member (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ssg_id INTEGER NOT NULL REFERENCES ssg(id),
        person_id INTEGER NOT NULL REFERENCES person(id),
        household_id INTEGER NOT NULL REFERENCES household(id),
        joined_on TEXT NOT NULL,
        left_on TEXT,
        left_reason TEXT,
        moved_to_ssg_id INTEGER REFERENCES ssg(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (left_on IS NULL OR left_on >= joined_on))`,
      `CREATE INDEX group_member_ssg ON group_member (ssg_id)`,
      `CREATE INDEX group_member_person ON group_member (person_id)`,
      `CREATE INDEX group_member_household ON group_member (household_id)`,
      // One small group at a time: a person has at most one open period.
      `CREATE UNIQUE INDEX group_member_open ON group_member (person_id) WHERE left_on IS NULL`,
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, 'group_member', 'ssg', 'lsg', 'cbo')
  }
}
