import type { MigrationInterface, QueryRunner } from 'typeorm'
import { schema } from '../ddl'

/**
 * The currency a funding source committed its amount in: the donor's grant in
 * krone, an own contribution perhaps in tögrög. Sources that exist committed
 * in the project's currency, DKK.
 */
export class SourceCurrency1764000000011 implements MigrationInterface {
  name = 'SourceCurrency1764000000011'

  async up(q: QueryRunner): Promise<void> {
    await schema(q, `ALTER TABLE funding_source ADD COLUMN committed_currency TEXT NOT NULL DEFAULT 'DKK' CHECK (committed_currency IN ('DKK', 'MNT'))`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE funding_source DROP COLUMN committed_currency`)
  }
}
