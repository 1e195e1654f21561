import type { MigrationInterface, QueryRunner } from 'typeorm'
import { engineOf, schema } from '../ddl'

/**
 * The project's name and donor in Mongolian, for the pages and the Mongolian
 * reports (funding sources and budget lines had both languages from the start).
 * Empty where not known: the English name is shown until someone gives one.
 * The secretariat's DANIDA project, known by its code and English name, gets
 * its Mongolian name and donor here.
 */
export class ProjectNamesMn1764000000007 implements MigrationInterface {
  name = 'ProjectNamesMn1764000000007'

  async up(q: QueryRunner): Promise<void> {
    await schema(q, `ALTER TABLE project ADD COLUMN name_mn TEXT`)
    await schema(q, `ALTER TABLE project ADD COLUMN donor_mn TEXT`)
    const [p1, p2, p3, p4] = engineOf(q) === 'sqlite' ? ['?', '?', '?', '?'] : ['$1', '$2', '$3', '$4']
    await q.query(`UPDATE project SET name_mn = ${p1}, donor_mn = ${p2} WHERE code = ${p3} AND name = ${p4}`, [SPN_2007.nameMn, SPN_2007.donorMn, 'SPN-2007', SPN_2007.name])
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project DROP COLUMN donor_mn`)
    await q.query(`ALTER TABLE project DROP COLUMN name_mn`)
  }
}

/** The DANIDA project's names in both languages (also used by the demo). */
export const SPN_2007 = {
  name: 'Strengthening of Social Partnership Network',
  nameMn: 'Нийгмийн түншлэлийн сүлжээг бэхжүүлэх төсөл',
  donor: 'DANIDA (through the Danish Mongolian Society)',
  donorMn: 'ДАНИДА (Дани-Монголын нийгэмлэгээр дамжуулан)',
}
