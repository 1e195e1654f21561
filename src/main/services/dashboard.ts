import { MEMBERSHIP_STATUSES, membershipOn, type BranchEventLike, type MembershipStatus } from '../../shared/domain/membership'
import type { DashboardSummary } from '../../shared/api/types'
import type { ServiceContext } from './context'
import { todayIso } from '../../shared/domain/dates'

const zero = (): Record<MembershipStatus, number> =>
  Object.fromEntries(MEMBERSHIP_STATUSES.map((s) => [s, 0])) as Record<MembershipStatus, number>

/**
 * Counts for the dashboard. Member statuses are derived from the history as
 * of `asOf` (today by default), so past dates give past figures.
 */
export async function dashboardSummary(ctx: ServiceContext, asOf?: string): Promise<DashboardSummary> {
  const date = asOf ?? todayIso(ctx.now)
  const branches = await ctx.sql.all<{ id: number; mn: string; en: string; project: number; persons: number; households: number }>(
    `SELECT b.id, b.name_mn AS mn, b.name_en AS en, b.is_project_branch AS project,
      (SELECT count(*) FROM person p WHERE p.branch_id = b.id) AS persons,
      (SELECT count(*) FROM household h WHERE h.branch_id = b.id) AS households
     FROM branch b ORDER BY b.is_project_branch DESC, b.name_en, b.id`,
  )
  const events = await ctx.sql.all<BranchEventLike & { membershipId: number }>(
    `SELECT e.membership_id AS "membershipId", e.branch_id AS "branchId", e.type, e.effective_date AS "effectiveDate", e.seq
     FROM membership_event e WHERE e.effective_date <= :date`,
    { date },
  )
  const byMembership = new Map<number, typeof events>()
  for (const e of events) {
    const list = byMembership.get(e.membershipId) ?? []
    list.push(e)
    byMembership.set(e.membershipId, list)
  }
  const statusByBranch = new Map<number, Record<MembershipStatus, number>>()
  const totalByStatus = zero()
  for (const list of byMembership.values()) {
    // Counted at the local organisation of the decision in effect on the date.
    const on = membershipOn(list, date)
    if (!on) continue
    const counts = statusByBranch.get(on.branchId) ?? zero()
    counts[on.status] += 1
    totalByStatus[on.status] += 1
    statusByBranch.set(on.branchId, counts)
  }
  const hh = (await ctx.sql.one<{ n: number; swh: number; children: number }>(
    `SELECT count(*) AS n, coalesce(sum(single_woman_headed), 0) AS swh, coalesce(sum(children_count), 0) AS children FROM household`,
  ))!
  const persons = await ctx.sql.value('SELECT count(*) AS n FROM person')
  return {
    asOf: date,
    totals: {
      branches: branches.length,
      projectBranches: branches.filter((b) => b.project === 1).length,
      persons,
      households: hh.n,
      singleWomanHeaded: hh.swh,
      children: hh.children,
    },
    membersByStatus: totalByStatus,
    byBranch: branches.map((b) => ({
      branchId: b.id,
      branchName: { mn: b.mn, en: b.en },
      isProjectBranch: b.project === 1,
      persons: b.persons,
      households: b.households,
      byStatus: statusByBranch.get(b.id) ?? zero(),
    })),
  }
}
