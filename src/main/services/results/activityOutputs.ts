import type { ActivityType, ActivityCost } from '../../../shared/api/activitiesTypes'
import type { LocalName } from '../../../shared/api/types'
import type { ServiceContext } from '../context'
import { costOf, expensesOf } from './activities'
import { conversions } from '../finance/money'
import { groupBy } from '../../../shared/domain/lists'

/*
 * What the activities of a period produced, counted once here for the
 * activities report and the results framework's activity outputs: events
 * (an activity in several areas is one event, and counts in each area's
 * column), participations (each participant of each event), unique
 * participants (a recorded person once however often she came; someone from
 * outside once per event, as nothing identifies her across events), by sex and
 * area, and cost from the linked vouchers (₮ of the MNT ones; DKK of all).
 */

export interface OutputCounts {
  events: number
  participations: number
  unique: { female: number; male: number; total: number }
  cost: ActivityCost
}

export interface ActivityOutputs {
  areas: Array<{ id: number; name: LocalName }>
  total: OutputCounts
  byType: Array<{ type: ActivityType; counts: OutputCounts; eventsByArea: Record<number, number> }>
  /** By the participant's area (her branch; for someone from outside the one given, or the event's only area). `null`: not known. */
  byArea: Array<{ areaId: number | null; events: number; participations: number; unique: OutputCounts['unique'] }>
  activities: Array<{ id: number; type: ActivityType; title: string; startsOn: string; endsOn: string; areaIds: number[]; participants: number; women: number; cost: ActivityCost }>
  /** The transfers (and interest tranches) the linked MNT vouchers were converted from. */
  sources: number[]
}

interface Participant { activityId: number; personId: number | null; sex: 'female' | 'male' | null; areaId: number | null }

class Tally {
  private persons = new Map<number, 'female' | 'male' | null>()
  private outsiders = { female: 0, male: 0, total: 0 }
  events = new Set<number>()
  participations = 0
  add(p: Participant): void {
    this.events.add(p.activityId)
    this.participations++
    if (p.personId !== null) this.persons.set(p.personId, p.sex)
    else {
      this.outsiders.total++
      if (p.sex) this.outsiders[p.sex]++
    }
  }
  unique(): OutputCounts['unique'] {
    const female = [...this.persons.values()].filter((s) => s === 'female').length + this.outsiders.female
    const male = [...this.persons.values()].filter((s) => s === 'male').length + this.outsiders.male
    return { female, male, total: this.persons.size + this.outsiders.total }
  }
}

export async function activityOutputs(ctx: ServiceContext, input: { from: string; to: string; projectId?: number }): Promise<ActivityOutputs> {
  const activities = await ctx.sql.all<{ id: number; type: ActivityType; title: string; startsOn: string; endsOn: string; projectId: number | null }>(
    `SELECT a.id, a.type, a.title, a.starts_on AS "startsOn", a.ends_on AS "endsOn", a.project_id AS "projectId" FROM activity a
     WHERE a.starts_on BETWEEN :from AND :to ${input.projectId === undefined ? '' : 'AND a.project_id = :projectId'} ORDER BY a.starts_on, a.id`,
    input,
  )
  const ids = activities.map((a) => a.id)
  const areaRows = ids.length ? await ctx.sql.all<{ activityId: number; areaId: number }>(`SELECT activity_id AS "activityId", branch_id AS "areaId" FROM activity_area WHERE activity_id IN (:ids)`, { ids }) : []
  const areasOf = new Map<number, number[]>()
  for (const r of areaRows) areasOf.set(r.activityId, [...(areasOf.get(r.activityId) ?? []), r.areaId])
  const participants = ids.length
    ? await ctx.sql.all<Participant>(
        `SELECT x.activity_id AS "activityId", x.person_id AS "personId", coalesce(x.sex, p.gender) AS sex, coalesce(x.branch_id, p.branch_id) AS "areaId"
         FROM activity_participant x LEFT JOIN person p ON p.id = x.person_id WHERE x.activity_id IN (:ids) ORDER BY x.id`,
        { ids },
      )
    : []
  for (const p of participants) {
    const own = areasOf.get(p.activityId) ?? []
    if (p.areaId === null && own.length === 1) p.areaId = own[0]!
  }
  const byActivity = groupBy(participants, (p) => p.activityId)
  const expenses = await expensesOf(ctx, activities)
  const costs = new Map(activities.map((a) => [a.id, costOf(expenses.get(a.id) ?? [])]))
  const sources = new Set<number>()
  for (const projectId of new Set(activities.flatMap((a) => (a.projectId === null ? [] : [a.projectId])))) {
    const { byExpense } = await conversions(ctx, projectId)
    for (const a of activities) if (a.projectId === projectId) for (const e of expenses.get(a.id) ?? []) if (!e.voided) for (const s of byExpense.get(e.id)?.portions ?? []) sources.add(s.sourceId)
  }

  const sumCost = (list: Array<{ id: number }>): ActivityCost =>
    list.reduce((c, a) => {
      const x = costs.get(a.id)!
      return { mntMinor: c.mntMinor + x.mntMinor, dkkMinor: c.dkkMinor + x.dkkMinor, uncoveredMntMinor: c.uncoveredMntMinor + x.uncoveredMntMinor }
    }, { mntMinor: 0, dkkMinor: 0, uncoveredMntMinor: 0 })
  const countsOf = (list: typeof activities): OutputCounts => {
    const tally = new Tally()
    for (const a of list) for (const p of byActivity.get(a.id) ?? []) tally.add(p)
    return { events: list.length, participations: tally.participations, unique: tally.unique(), cost: sumCost(list) }
  }
  const types = [...new Set(activities.map((a) => a.type))]
  const byType = types.map((type) => {
    const list = activities.filter((a) => a.type === type)
    const eventsByArea: Record<number, number> = {}
    for (const a of list) for (const b of areasOf.get(a.id) ?? []) eventsByArea[b] = (eventsByArea[b] ?? 0) + 1
    return { type, counts: countsOf(list), eventsByArea }
  })
  const tallies = new Map<number | null, Tally>()
  for (const p of participants) {
    let t = tallies.get(p.areaId)
    if (!t) tallies.set(p.areaId, (t = new Tally()))
    t.add(p)
  }
  const areaIds = [...new Set([...areaRows.map((r) => r.areaId), ...participants.flatMap((p) => (p.areaId === null ? [] : [p.areaId]))])]
  const names = areaIds.length
    ? await ctx.sql.all<{ id: number; mn: string; en: string }>(`SELECT id, name_mn AS mn, name_en AS en FROM branch WHERE id IN (:areaIds) ORDER BY name_mn`, { areaIds })
    : []
  const order = [...names.map((n) => n.id), null]
  return {
    areas: names.map((n) => ({ id: n.id, name: { mn: n.mn, en: n.en } })),
    total: countsOf(activities),
    byType,
    byArea: order.filter((id) => tallies.has(id)).map((areaId) => {
      const t = tallies.get(areaId)!
      return { areaId, events: t.events.size, participations: t.participations, unique: t.unique() }
    }),
    activities: activities.map((a) => {
      const mine = byActivity.get(a.id) ?? []
      return { id: a.id, type: a.type, title: a.title, startsOn: a.startsOn, endsOn: a.endsOn, areaIds: areasOf.get(a.id) ?? [], participants: mine.length, women: mine.filter((p) => p.sex === 'female').length, cost: costs.get(a.id)! }
    }),
    sources: [...sources].sort((a, b) => a - b),
  }
}
