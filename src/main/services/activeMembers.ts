import type Database from 'better-sqlite3'

/*
 * Who counts on a date, straight from the membership history: a membership is
 * active on a date when its latest decision by then is an acceptance.
 */
const LAST_EVENT = `(SELECT e.type FROM membership_event e WHERE e.membership_id = m.id AND e.effective_date <= ?
  ORDER BY e.effective_date DESC, e.seq DESC LIMIT 1)`

/** Memberships active on a date, of one branch or of the whole SPN. */
export function activeMemberships(raw: Database.Database, date: string, branchId: number | null): number[] {
  const sql = `SELECT m.id FROM membership m WHERE ${branchId === null ? '1' : 'm.branch_id = ?'} AND ${LAST_EVENT} = 'accepted' ORDER BY m.id`
  const params = branchId === null ? [date] : [branchId, date]
  return (raw.prepare(sql).pluck().all(...params) as number[])
}

export function countActive(raw: Database.Database, date: string, branchId: number | null): number {
  return activeMemberships(raw, date, branchId).length
}

/**
 * Memberships liable for the local fee of a year: active at some time during
 * the year (on 1 January, or accepted during the year). The fee is for the
 * whole year, not prorated.
 */
export function liableMemberships(raw: Database.Database, year: number, branchId: number | null): Array<{ id: number; branchId: number }> {
  const sql = `SELECT m.id, m.branch_id AS branchId FROM membership m
    WHERE ${branchId === null ? '1' : 'm.branch_id = ?'}
      AND (${LAST_EVENT} = 'accepted'
        OR EXISTS (SELECT 1 FROM membership_event a WHERE a.membership_id = m.id AND a.type = 'accepted' AND a.effective_date BETWEEN ? AND ?))
    ORDER BY m.id`
  const jan1 = `${year}-01-01`
  const params = [jan1, jan1, `${year}-12-31`]
  return raw.prepare(sql).all(...(branchId === null ? params : [branchId, ...params])) as Array<{ id: number; branchId: number }>
}
