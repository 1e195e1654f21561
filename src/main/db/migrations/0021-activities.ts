import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, schema } from '../ddl'

/**
 * The activities the project runs (DOMAIN.md "Activities"): type, title,
 * dates, the areas it took place in, facilitator, budget sub-line, and its
 * participants — recorded persons (each counted once however often she
 * comes) or outside people by name, sex and area.
 */
export class Activities1764000000021 implements MigrationInterface {
  name = 'Activities1764000000021'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE activity (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id INTEGER REFERENCES project(id),
        type TEXT NOT NULL CHECK (type IN ('training', 'workshop', 'civic_education', 'micro_credit_education', 'lecture_seminar', 'magazine', 'website', 'publication', 'meeting', 'campaign', 'conference', 'advocacy', 'partnership')),
        title TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        facilitator TEXT,
        budget_line_id INTEGER REFERENCES budget_line(id),
        notes TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (ends_on >= starts_on))`,
      `CREATE INDEX activity_dates ON activity (starts_on)`,
      `CREATE TABLE activity_area (
        activity_id INTEGER NOT NULL REFERENCES activity(id),
        branch_id INTEGER NOT NULL REFERENCES branch(id),
        PRIMARY KEY (activity_id, branch_id))`,
      `CREATE TABLE activity_participant (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        activity_id INTEGER NOT NULL REFERENCES activity(id),
        person_id INTEGER REFERENCES person(id),
        name TEXT,
        sex TEXT CHECK (sex IN ('female', 'male')),
        branch_id INTEGER REFERENCES branch(id),
        UNIQUE (activity_id, person_id),
        CHECK ((person_id IS NOT NULL AND name IS NULL AND sex IS NULL) OR (person_id IS NULL AND name IS NOT NULL AND sex IS NOT NULL)))`,
      `CREATE INDEX activity_participant_activity ON activity_participant (activity_id)`,
      `CREATE INDEX activity_participant_person ON activity_participant (person_id)`,
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, 'activity_participant', 'activity_area', 'activity')
  }
}
