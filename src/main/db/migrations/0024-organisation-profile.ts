import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTables, dropTrigger, refuse, schema } from '../ddl'

/**
 * The organisation's own particulars that the yearly report of the NGO law
 * asks for (name, state registration, address, telephone, executive
 * director), in force from a date. Appended: a change is a new entry from its
 * date, so a past year's report keeps what held then.
 */
export class OrganisationProfile1764000000024 implements MigrationInterface {
  name = 'OrganisationProfile1764000000024'

  async up(q: QueryRunner): Promise<void> {
    await schema(
      q,
      `CREATE TABLE organisation_profile (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        effective_on TEXT NOT NULL,
        name_mn TEXT NOT NULL,
        name_en TEXT NOT NULL,
        registration_number TEXT,
        address TEXT NOT NULL,
        phone TEXT,
        executive_director TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        entered_by TEXT NOT NULL)`,
      `CREATE INDEX organisation_profile_on ON organisation_profile (effective_on)`,
    )
    await refuse(q, 'organisation_profile_no_update', 'UPDATE', 'organisation_profile', 'the profile is appended, never changed')
    await refuse(q, 'organisation_profile_no_delete', 'DELETE', 'organisation_profile', 'the profile is appended, never deleted')
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTrigger(q, 'organisation_profile_no_update', 'organisation_profile')
    await dropTrigger(q, 'organisation_profile_no_delete', 'organisation_profile')
    await dropTables(q, 'organisation_profile')
  }
}
