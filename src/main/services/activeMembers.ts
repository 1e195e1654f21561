import type { Sql } from '../db/sql'

/*
 * Who counts on a date, straight from the membership history: a membership is
 * active on a date when its latest decision by then is an acceptance, and it
 * counts at the local organisation of that decision (a later move to another
 * local organisation never changes a past date). The TypeScript form of the
 * same rule is membershipOn in shared/domain/membership; a test holds the two
 * equal on every demo member and many dates.
 */
/**
 * A column of the membership's decision in effect on a date: one index lookup
 * per membership (membership_event_date), the same text on both engines.
 */
export const IN_EFFECT = (column: 'type' | 'branch_id', date: string) => `(SELECT e.${column} FROM membership_event e
  WHERE e.membership_id = m.id AND e.effective_date <= :${date} ORDER BY e.effective_date DESC, e.seq DESC LIMIT 1)`

/** Memberships active on a date, of one branch or of the whole SPN. */
export function activeMemberships(sql: Sql, date: string, branchId: number | null): Promise<number[]> {
  return sql.column<number>(
    `SELECT m.id FROM membership m WHERE ${IN_EFFECT('type', 'date')} = 'accepted'
     ${branchId === null ? '' : `AND ${IN_EFFECT('branch_id', 'date')} = :branchId`} ORDER BY m.id`,
    { date, branchId },
  )
}

export async function countActive(sql: Sql, date: string, branchId: number | null): Promise<number> {
  return (await activeMemberships(sql, date, branchId)).length
}

/**
 * Memberships liable for the local fee of a year, with the local organisation
 * they owe it to: active at some time during the year (on 1 January, or
 * accepted during the year). The fee is for the whole year, not prorated. A
 * member who moved during the year owes both local organisations.
 */
export function liableMemberships(sql: Sql, year: number, branchId: number | null): Promise<Array<{ id: number; branchId: number }>> {
  return sql.all(
    `SELECT liable.id, liable."branchId" FROM (
        SELECT m.id, ${IN_EFFECT('branch_id', 'jan1')} AS "branchId" FROM membership m WHERE ${IN_EFFECT('type', 'jan1')} = 'accepted'
        UNION
        SELECT a.membership_id AS id, a.branch_id AS "branchId" FROM membership_event a WHERE a.type = 'accepted' AND a.effective_date BETWEEN :jan1 AND :dec31
      ) liable ${branchId === null ? '' : 'WHERE liable."branchId" = :branchId'} ORDER BY liable.id, liable."branchId"`,
    { jan1: `${year}-01-01`, dec31: `${year}-12-31`, branchId },
  )
}
