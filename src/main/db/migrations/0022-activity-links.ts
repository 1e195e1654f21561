import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, engineOf, schema } from '../ddl'

/** The cooperating parties of the project description, shipped as the starting list of partners. */
export const SOURCE_PARTNERS: Array<[en: string, mn: string]> = [
  ['The Danish Mongolian Society, Copenhagen, Denmark', 'Дани-Монголын нийгэмлэг, Копенгаген, Дани'],
  ['The Danish Professional Supporting Team', 'Данийн мэргэжлийн дэмжлэгийн баг'],
  ['The Mongolian Danish Society, Ulaanbaatar, Mongolia', 'Монгол-Данийн нийгэмлэг, Улаанбаатар'],
  ['Mongolian Association for Primary and Secondary School Development, Ulaanbaatar, Mongolia', 'Бага, дунд сургуулийн хөгжлийн Монголын холбоо, Улаанбаатар'],
  ['Gender Centre for Sustainable Development, Ulaanbaatar, Mongolia', 'Тогтвортой хөгжлийн төлөө жендэрийн төв, Улаанбаатар'],
  ['Family Welfare Organisation, Ulaanbaatar, Mongolia', 'Гэр бүлийн сайн сайхны төлөө байгууллага, Улаанбаатар'],
  ["Women's organisations at local levels", 'Орон нутгийн эмэгтэйчүүдийн байгууллагууд'],
  ['Organisations for older people at local levels', 'Орон нутгийн ахмадын байгууллагууд'],
  ['Universities in Mongolia', 'Монголын их, дээд сургуулиуд'],
  ['Khaan bank and Khas bank', 'Хаан банк, Хас банк'],
  ['Mass media', 'Хэвлэл мэдээллийн хэрэгсэл'],
  ['Mongolian governmental organisations', 'Монголын төрийн байгууллагууд'],
  ['Danish Federation of Social Educators (Northern Jutland)', 'Данийн нийгмийн сурган хүмүүжүүлэгчдийн холбоо (Хойд Ютланд)'],
]

/**
 * What issue 14 adds to an activity: its partner organisations (a list that
 * starts with the cooperating parties of the source), its cost as the
 * expenses it is linked to (an expense pays for at most one activity, so no
 * cost counts twice), and for the magazine and publications the issue and the
 * copies printed and distributed.
 */
export class ActivityLinks1764000000022 implements MigrationInterface {
  name = 'ActivityLinks1764000000022'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE partner (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name_en TEXT NOT NULL,
        name_mn TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL)`,
      `CREATE TABLE activity_partner (
        activity_id INTEGER NOT NULL REFERENCES activity(id),
        partner_id INTEGER NOT NULL REFERENCES partner(id),
        PRIMARY KEY (activity_id, partner_id))`,
      `CREATE TABLE activity_expense (
        activity_id INTEGER NOT NULL REFERENCES activity(id),
        expense_id INTEGER NOT NULL UNIQUE REFERENCES expense(id),
        PRIMARY KEY (activity_id, expense_id))`,
      `ALTER TABLE activity ADD COLUMN issue TEXT`,
      `ALTER TABLE activity ADD COLUMN copies_printed INTEGER CHECK (copies_printed >= 0)`,
      `ALTER TABLE activity ADD COLUMN copies_distributed INTEGER CHECK (copies_distributed >= 0)`,
    )
    const now = new Date().toISOString()
    const p = engineOf(q) === 'sqlite' ? ['?', '?', '?'] : ['$1', '$2', '$3']
    for (const [en, mn] of SOURCE_PARTNERS) await q.query(`INSERT INTO partner (name_en, name_mn, created_at) VALUES (${p[0]}, ${p[1]}, ${p[2]})`, [en, mn, now])
  }

  async down(q: QueryRunner): Promise<void> {
    await schema(q, `ALTER TABLE activity DROP COLUMN copies_distributed`, `ALTER TABLE activity DROP COLUMN copies_printed`, `ALTER TABLE activity DROP COLUMN issue`)
    await dropTables(q, 'activity_expense', 'activity_partner', 'partner')
  }
}
