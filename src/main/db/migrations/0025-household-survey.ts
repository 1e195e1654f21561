import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, refuse, schema } from '../ddl'

/**
 * The household survey (DOMAIN.md: income and living conditions): a baseline
 * per member household and a yearly follow-up — monthly income, housing,
 * electricity, children of school age and in school. Appended: a correction
 * is a new entry that replaces an earlier one, which stays.
 */
export class HouseholdSurvey1764000000025 implements MigrationInterface {
  name = 'HouseholdSurvey1764000000025'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE household_survey (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        household_id INTEGER NOT NULL REFERENCES household(id),
        round TEXT NOT NULL CHECK (round IN ('baseline', 'follow_up')),
        surveyed_on TEXT NOT NULL,
        income_minor INTEGER NOT NULL CHECK (income_minor >= 0),
        housing TEXT NOT NULL CHECK (housing IN ('ger', 'house', 'apartment', 'other')),
        electricity INTEGER NOT NULL CHECK (electricity IN (0, 1)),
        children_school_age INTEGER NOT NULL CHECK (children_school_age >= 0),
        children_in_school INTEGER NOT NULL CHECK (children_in_school >= 0 AND children_in_school <= children_school_age),
        notes TEXT,
        replaces_id INTEGER UNIQUE REFERENCES household_survey(id),
        entered_at TEXT NOT NULL,
        entered_by TEXT NOT NULL)`,
      `CREATE INDEX household_survey_household ON household_survey (household_id, round, surveyed_on)`,
      `CREATE INDEX household_survey_on ON household_survey (surveyed_on)`,
    )
    await refuse(q, 'household_survey_no_update', 'UPDATE', 'household_survey', 'survey entries are appended, never changed')
    await refuse(q, 'household_survey_no_delete', 'DELETE', 'household_survey', 'survey entries are appended, never deleted')
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTrigger(q, 'household_survey_no_update', 'household_survey')
    await dropTrigger(q, 'household_survey_no_delete', 'household_survey')
    await dropTables(q, 'household_survey')
  }
}
