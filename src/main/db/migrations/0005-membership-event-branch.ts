import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dropTrigger, engineOf, refuse } from '../ddl'

/**
 * The local organisation belongs to each decision of a membership, not to the
 * membership: a member who leaves Dornogovi and later joins Orkhon stays
 * counted in Dornogovi on every date before. Until now the membership row's
 * branch was overwritten on such a move; the earlier branch is recovered from
 * the audit trail (each audited membership write records the branch at that
 * moment), and decisions without an audit entry (loaded data) keep the
 * membership's branch.
 */
export class MembershipEventBranch1764000000005 implements MigrationInterface {
  name = 'MembershipEventBranch1764000000005'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership_event ADD COLUMN branch_id INTEGER REFERENCES branch(id)`)
    await dropTrigger(q, 'membership_event_no_update', 'membership_event')
    await q.query(`UPDATE membership_event SET branch_id = (SELECT m.branch_id FROM membership m WHERE m.id = membership_event.membership_id)`)
    const audited = (await q.query(
      `SELECT entity_id AS "membershipId", after_json AS "after" FROM audit_entry WHERE entity_type = 'membership' AND after_json IS NOT NULL ORDER BY id`,
    )) as Array<{ membershipId: number; after: string }>
    const branchOfEvent = new Map<number, number>()
    for (const a of audited) {
      const after = JSON.parse(a.after) as { branchId?: number; events?: Array<{ id: number }> }
      if (typeof after.branchId !== 'number') continue
      // The events that first appear in this entry were recorded by that write, at that branch.
      for (const e of after.events ?? []) if (!branchOfEvent.has(e.id)) branchOfEvent.set(e.id, after.branchId)
    }
    for (const [eventId, branchId] of branchOfEvent) {
      const [p1, p2] = engineOf(q) === 'sqlite' ? ['?', '?'] : ['$1', '$2']
      await q.query(`UPDATE membership_event SET branch_id = ${p1} WHERE id = ${p2}`, [branchId, eventId])
    }
    await refuse(q, 'membership_event_no_update', 'UPDATE', 'membership_event', 'membership history is append-only')
    // Every new decision names its local organisation (SQLite cannot add NOT NULL to an existing column).
    if (engineOf(q) === 'sqlite') {
      await q.query(`CREATE TRIGGER membership_event_branch_required BEFORE INSERT ON membership_event WHEN NEW.branch_id IS NULL
        BEGIN SELECT RAISE(ABORT, 'a membership decision needs its local organisation'); END`)
    } else {
      await q.query(`ALTER TABLE membership_event ALTER COLUMN branch_id SET NOT NULL`)
    }
    await q.query(`CREATE INDEX membership_event_branch ON membership_event(branch_id, effective_date)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX membership_event_branch`)
    if (engineOf(q) === 'sqlite') await q.query(`DROP TRIGGER membership_event_branch_required`)
    await q.query(`ALTER TABLE membership_event DROP COLUMN branch_id`)
  }
}
