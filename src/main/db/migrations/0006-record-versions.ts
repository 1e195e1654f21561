import type { MigrationInterface, QueryRunner } from 'typeorm'
import { schema } from '../ddl'

const EDITABLE = ['branch', 'person', 'household', 'assembly']

/**
 * A version number on every record that is edited in place, so that saving a
 * record someone else changed since you opened it is refused ("changed by X
 * at T — reload"), never a silent overwrite: an update names the version it
 * started from and moves it on by one.
 */
export class RecordVersions1764000000006 implements MigrationInterface {
  name = 'RecordVersions1764000000006'

  async up(q: QueryRunner): Promise<void> {
    for (const t of EDITABLE) await schema(q, `ALTER TABLE ${t} ADD COLUMN version INTEGER NOT NULL DEFAULT 1`)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of EDITABLE) await q.query(`ALTER TABLE ${t} DROP COLUMN version`)
  }
}
