import type { MigrationInterface, QueryRunner } from 'typeorm'
import { engineOf, schema } from '../ddl'

/** The main budget lines of the DANIDA/CISU format, as the first project was set up with them (kept here as they were). */
const CISU_MAIN_LINES: Array<[string, string, string]> = [
  ['1', 'Activities', 'Үйл ажиллагаа'],
  ['2', 'Investments', 'Хөрөнгө оруулалт'],
  ['3', 'Expatriate/Danish support', 'Данийн талын дэмжлэг'],
  ['4', 'Local staff', 'Орон нутгийн ажилтан'],
  ['5', 'Local administration', 'Орон нутгийн захиргаа'],
  ['6', 'Monitoring', 'Хяналт'],
  ['7', 'Evaluation', 'Үнэлгээ'],
  ['8', 'Information in Denmark', 'Дани дахь мэдээлэл'],
  ['9', 'Budget margin', 'Төсвийн нөөц'],
  ['11', 'Audit', 'Аудит'],
  ['13', 'Administration in Denmark', 'Дани дахь захиргаа'],
]

/**
 * A project set up in the app, not only by the demo: its agreement number,
 * its own main budget lines (names in both languages; until now one list in
 * the code), and which main line, if any, is administration held to at most
 * 7% of the rest. Projects that exist get the main lines their sub-lines use,
 * and line 13 as administration where they have it.
 */
export class ProjectSetup1764000000009 implements MigrationInterface {
  name = 'ProjectSetup1764000000009'

  async up(q: QueryRunner): Promise<void> {
    await schema(q, `ALTER TABLE project ADD COLUMN agreement_number TEXT`, `ALTER TABLE project ADD COLUMN admin_main_code TEXT`)
    await schema(q, `CREATE TABLE budget_main_line (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      project_id INTEGER NOT NULL REFERENCES project(id),
      code TEXT NOT NULL,
      name_en TEXT NOT NULL,
      name_mn TEXT NOT NULL,
      UNIQUE (project_id, code))`)
    const p = engineOf(q) === 'sqlite' ? ['?', '?', '?', '?'] : ['$1', '$2', '$3', '$4']
    const projects = (await q.query(`SELECT id FROM project ORDER BY id`)) as Array<{ id: number }>
    for (const { id } of projects) {
      const used = new Set(((await q.query(`SELECT DISTINCT main_code AS m FROM budget_line WHERE project_id = ${p[0]}`, [id])) as Array<{ m: string }>).map((r) => r.m))
      for (const [code, en, mn] of CISU_MAIN_LINES) {
        if (used.has(code)) await q.query(`INSERT INTO budget_main_line (project_id, code, name_en, name_mn) VALUES (${p[0]}, ${p[1]}, ${p[2]}, ${p[3]})`, [id, code, en, mn])
      }
      if (used.has('13')) await q.query(`UPDATE project SET admin_main_code = '13' WHERE id = ${p[0]}`, [id])
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_main_line`)
    await q.query(`ALTER TABLE project DROP COLUMN admin_main_code`)
    await q.query(`ALTER TABLE project DROP COLUMN agreement_number`)
  }
}
