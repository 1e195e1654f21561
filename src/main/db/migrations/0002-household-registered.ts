import type { MigrationInterface, QueryRunner } from 'typeorm'
import { schema } from '../ddl'

/**
 * The date a household joined the project (its large self-help group was formed),
 * so reports for a period count the households registered by its end.
 * Existing households get the date they were entered.
 */
export class HouseholdRegistered1764000000002 implements MigrationInterface {
  name = 'HouseholdRegistered1764000000002'

  async up(q: QueryRunner): Promise<void> {
    await schema(q, `ALTER TABLE household ADD COLUMN registered_on TEXT`)
    await q.query(`UPDATE household SET registered_on = substr(created_at, 1, 10)`)
    await q.query(`CREATE INDEX household_registered ON household(registered_on)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX household_registered`)
    await q.query(`ALTER TABLE household DROP COLUMN registered_on`)
  }
}
