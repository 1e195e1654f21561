import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, schema } from '../ddl'

/**
 * The results framework of a project: its indicators (code, level, name and
 * definition in both languages, unit, cumulative or not, the figure computed
 * from the records where the app holds the data, baseline, means of
 * verification, disaggregation) and their targets per project year. Values
 * are exact decimals kept as text, as typed.
 */
export class Indicators1764000000016 implements MigrationInterface {
  name = 'Indicators1764000000016'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE indicator (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id INTEGER NOT NULL REFERENCES project(id),
        code TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('outcome', 'output')),
        name_en TEXT NOT NULL,
        name_mn TEXT NOT NULL,
        definition_en TEXT,
        definition_mn TEXT,
        unit TEXT NOT NULL CHECK (unit IN ('number', 'percent')),
        cumulative INTEGER NOT NULL DEFAULT 1,
        measure TEXT,
        baseline_value TEXT,
        baseline_on TEXT,
        means_of_verification TEXT,
        disaggregation TEXT NOT NULL DEFAULT '[]',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (project_id, code))`,
      `CREATE TABLE indicator_target (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        indicator_id INTEGER NOT NULL REFERENCES indicator(id),
        project_year INTEGER NOT NULL CHECK (project_year >= 1),
        target TEXT NOT NULL,
        UNIQUE (indicator_id, project_year))`,
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, 'indicator_target', 'indicator')
  }
}
