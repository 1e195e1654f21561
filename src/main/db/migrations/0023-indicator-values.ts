import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, refuse, dropTrigger, schema } from '../ddl'

/**
 * What is entered for the results framework, per project year: a manual
 * indicator's value with its source, and the comment on any indicator for
 * the progress report; and the progress report's narrative texts (summary,
 * challenges, lessons learned) — project year 0 is the completion report over
 * the whole project. Appended only: the latest entry counts, the earlier
 * ones stay as its history.
 */
export class IndicatorValues1764000000023 implements MigrationInterface {
  name = 'IndicatorValues1764000000023'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE indicator_value (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        indicator_id INTEGER NOT NULL REFERENCES indicator(id),
        project_year INTEGER NOT NULL CHECK (project_year >= 1),
        value TEXT,
        source TEXT,
        comment TEXT,
        entered_at TEXT NOT NULL,
        entered_by TEXT NOT NULL)`,
      `CREATE INDEX indicator_value_year ON indicator_value (indicator_id, project_year)`,
      `CREATE TABLE project_narrative (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id INTEGER NOT NULL REFERENCES project(id),
        project_year INTEGER NOT NULL CHECK (project_year >= 0),
        section TEXT NOT NULL CHECK (section IN ('summary', 'challenges', 'lessons')),
        text TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        entered_by TEXT NOT NULL)`,
      `CREATE INDEX project_narrative_year ON project_narrative (project_id, project_year, section)`,
    )
    await refuse(q, 'indicator_value_no_update', 'UPDATE', 'indicator_value', 'indicator values are appended, never changed')
    await refuse(q, 'indicator_value_no_delete', 'DELETE', 'indicator_value', 'indicator values are appended, never deleted')
    await refuse(q, 'project_narrative_no_update', 'UPDATE', 'project_narrative', 'narratives are appended, never changed')
    await refuse(q, 'project_narrative_no_delete', 'DELETE', 'project_narrative', 'narratives are appended, never deleted')
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [t, n] of [['indicator_value', 'indicator_value'], ['project_narrative', 'project_narrative']]) {
      await dropTrigger(q, `${n}_no_update`, t)
      await dropTrigger(q, `${n}_no_delete`, t)
    }
    await dropTables(q, 'project_narrative', 'indicator_value')
  }
}
