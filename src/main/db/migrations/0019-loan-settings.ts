import type { MigrationInterface, QueryRunner } from 'typeorm'
import { schema } from '../ddl'

/**
 * A large group's regulations may set its loan settings (DOMAIN.md: the
 * thresholds of the loan checks and the share of fund (2)): kept with the
 * version that set them, as JSON; a version without them leaves the ones in
 * force (the defaults until a version sets some). Also an index of the
 * funds' entries by repayment (a sheet's fund shares, a reversal's).
 */
export class LoanSettings1764000000019 implements MigrationInterface {
  name = 'LoanSettings1764000000019'

  async up(q: QueryRunner): Promise<void> {
    await schema(q, `ALTER TABLE group_document ADD COLUMN loan_settings TEXT`, `CREATE INDEX group_fund_entry_repayment ON group_fund_entry (repayment_id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await schema(q, `DROP INDEX group_fund_entry_repayment`, `ALTER TABLE group_document DROP COLUMN loan_settings`)
  }
}
