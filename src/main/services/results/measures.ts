import { MEASURE_KINDS, type Measure, type MeasureFigure } from '../../../shared/api/resultsTypes'
import { expectedWeeklyCount, meetingPeriodKey } from '../../../shared/domain/meetings'
import type { ServiceContext } from '../context'
import { ACTIVE_ON } from '../groups/structure'
import { groupMeasure } from './groupProgress'
import { activityOutputs } from './activityOutputs'
import { familiesBreakdown, loansBreakdown, personsBreakdown } from './breakdown'
import { portfolioQuality } from '../loans/portfolio'
import { STANDING as SURVEY_STANDING } from './survey'

/*
 * The results framework's figures the app computes from its records, each
 * written once here as a numerator over a denominator (where it is a rate)
 * with the figures it comes from. A stock (families, groups, savings) is
 * counted on the period's last day; a flow (events, loans, projects) over the
 * period; a rate over the period. DOMAIN.md's "Results framework" defines them.
 */

export type Period = { from: string; to: string }

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null)
const figure = (value: number | null, parts: MeasureFigure['parts'], extra: Partial<MeasureFigure> = {}): MeasureFigure => ({ value, numerator: null, denominator: null, parts, ...extra })

/** Small groups with members on the date, with their rules adopted, a representative in office, and three in four of their weeks met over the period. */
async function properlyRun(ctx: ServiceContext, p: Period): Promise<MeasureFigure> {
  const ssgs = await ctx.sql.all<{ id: number; formedOn: string; weekday: number; rules: number }>(
    `SELECT s.id, s.formed_on AS "formedOn", s.meeting_weekday AS weekday,
       (SELECT count(*) FROM group_document d JOIN group_meeting m ON m.id = d.meeting_id WHERE d.group_type = 'ssg' AND d.group_id = s.id AND m.held_on <= :on) AS rules
     FROM ssg s WHERE EXISTS (SELECT 1 FROM group_member gm WHERE gm.ssg_id = s.id AND ${ACTIVE_ON}) ORDER BY s.id`,
    { on: p.to },
  )
  const held = await ctx.sql.all<{ ssgId: number; heldOn: string }>(
    `SELECT group_id AS "ssgId", held_on AS "heldOn" FROM group_meeting WHERE group_type = 'ssg' AND held_on BETWEEN :from AND :to`,
    p,
  )
  // The representative last elected by the day, still a member of the group on it: the elections and the members
  // on the day are read once and matched here (a correlated subquery per election took half a second at 10x).
  const elections = await ctx.sql.all<{ ssgId: number; personId: number; heldOn: string }>(
    `SELECT m.group_id AS "ssgId", o.person_id AS "personId", m.held_on AS "heldOn" FROM group_office o JOIN group_meeting m ON m.id = o.meeting_id
     WHERE m.group_type = 'ssg' AND o.office = 'representative' AND m.held_on <= :on`,
    { on: p.to },
  )
  const membersOn = new Set(
    (await ctx.sql.all<{ ssgId: number; personId: number }>(`SELECT gm.ssg_id AS "ssgId", gm.person_id AS "personId" FROM group_member gm WHERE ${ACTIVE_ON}`, { on: p.to }))
      .map((m) => `${m.ssgId}:${m.personId}`),
  )
  const latest = new Map<number, { heldOn: string; persons: number[] }>()
  for (const e of elections) {
    const l = latest.get(e.ssgId)
    if (!l || e.heldOn > l.heldOn) latest.set(e.ssgId, { heldOn: e.heldOn, persons: [e.personId] })
    else if (e.heldOn === l.heldOn) l.persons.push(e.personId)
  }
  const represented = new Set([...latest].filter(([ssgId, l]) => l.persons.some((personId) => membersOn.has(`${ssgId}:${personId}`))).map(([ssgId]) => ssgId))
  const weekOf = new Map<string, string>()
  const weeksMet = new Map<number, Set<string>>()
  for (const h of held) {
    let week = weekOf.get(h.heldOn)
    if (week === undefined) weekOf.set(h.heldOn, (week = meetingPeriodKey('ssg', h.heldOn)))
    weeksMet.set(h.ssgId, (weeksMet.get(h.ssgId) ?? new Set()).add(week))
  }
  let withRules = 0
  let withRepresentative = 0
  let meeting = 0
  let run = 0
  for (const s of ssgs) {
    const expected = expectedWeeklyCount(s.formedOn, s.weekday, p.from, p.to)
    const met = weeksMet.get(s.id)?.size ?? 0
    const rules = Number(s.rules) > 0
    const rep = represented.has(s.id)
    const meets = expected === 0 || met >= 0.75 * expected
    if (rules) withRules++
    if (rep) withRepresentative++
    if (meets) meeting++
    if (rules && rep && meets) run++
  }
  return figure(run, [
    { key: 'res.part.ssgsWithMembers', value: ssgs.length, type: 'int' },
    { key: 'res.part.withRules', value: withRules, type: 'int' },
    { key: 'res.part.withRepresentative', value: withRepresentative, type: 'int' },
    { key: 'res.part.meetingWeeks', value: meeting, type: 'int' },
  ], { numerator: run, denominator: ssgs.length })
}

export async function computeMeasure(ctx: ServiceContext, measure: Measure, p: Period): Promise<MeasureFigure> {
  const on = p.to
  switch (measure) {
    case 'families_in_groups':
      return figure(await groupMeasure(ctx, measure, on), [], { breakdown: await familiesBreakdown(ctx, on) })
    case 'lsgs_constituted':
    case 'ssgs_active':
    case 'cbos_formed':
      return figure(await groupMeasure(ctx, measure, on), [])
    case 'persons_of_member_families': {
      const rows = await ctx.sql.all<{ gender: 'female' | 'male'; n: number }>(
        `SELECT p.gender, count(*) AS n FROM person p WHERE p.household_id IN (SELECT DISTINCT gm.household_id FROM group_member gm WHERE ${ACTIVE_ON}) GROUP BY p.gender ORDER BY p.gender`,
        { on },
      )
      const by = { female: 0, male: 0 }
      for (const r of rows) by[r.gender] = Number(r.n)
      return figure(by.female + by.male, [
        { key: 'res.part.women', value: by.female, type: 'int' },
        { key: 'res.part.men', value: by.male, type: 'int' },
      ], { bySex: by, breakdown: await personsBreakdown(ctx, on) })
    }
    case 'cbos_registered': {
      const n = Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM cbo WHERE registered_on IS NOT NULL AND registered_on <= :on`, { on }))
      const formed = Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM cbo WHERE founded_on <= :on`, { on }))
      return figure(n, [{ key: 'res.part.cbosFormed', value: formed, type: 'int' }], { numerator: n, denominator: formed })
    }
    case 'ssgs_properly_run':
      return properlyRun(ctx, p)
    case 'attendance_rate': {
      const r = await ctx.sql.one<{ there: number; all: number }>(
        `SELECT sum(CASE WHEN a.status IN ('present', 'late', 'represented') THEN 1 ELSE 0 END) AS there, count(*) AS "all"
         FROM meeting_attendance a JOIN group_meeting m ON m.id = a.meeting_id WHERE m.group_type = 'ssg' AND m.held_on BETWEEN :from AND :to`,
        p,
      )
      const [n, d] = [Number(r?.there ?? 0), Number(r?.all ?? 0)]
      return figure(pct(n, d), [
        { key: 'res.part.present', value: n, type: 'int' },
        { key: 'res.part.memberMeetings', value: d, type: 'int' },
      ], { numerator: n, denominator: d })
    }
    case 'retention_rate': {
      // Members in a small group on the period's first day who are still in one on its last.
      const r = await ctx.sql.one<{ kept: number; all: number }>(
        `SELECT count(*) AS "all", sum(CASE WHEN EXISTS (SELECT 1 FROM group_member g2 WHERE g2.person_id = s.person_id AND g2.joined_on <= :to AND (g2.left_on IS NULL OR g2.left_on > :to)) THEN 1 ELSE 0 END) AS kept
         FROM (SELECT DISTINCT gm.person_id FROM group_member gm WHERE gm.joined_on <= :from AND (gm.left_on IS NULL OR gm.left_on > :from)) s`,
        p,
      )
      const [n, d] = [Number(r?.kept ?? 0), Number(r?.all ?? 0)]
      return figure(pct(n, d), [
        { key: 'res.part.membersAtStart', value: d, type: 'int' },
        { key: 'res.part.stillMembers', value: n, type: 'int' },
      ], { numerator: n, denominator: d })
    }
    case 'savings_total':
    case 'savings_per_member': {
      const total = Number(await ctx.sql.value<number>(`SELECT coalesce(sum(amount_minor), 0) AS n FROM savings_entry WHERE entry_on <= :on`, { on }))
      const members = Number(await ctx.sql.value<number>(`SELECT count(DISTINCT gm.person_id) AS n FROM group_member gm WHERE ${ACTIVE_ON}`, { on }))
      const parts: MeasureFigure['parts'] = [
        { key: 'res.part.savings', value: total, type: 'mnt' },
        { key: 'res.part.members', value: members, type: 'int' },
      ]
      if (measure === 'savings_total') return figure(total / 100, parts)
      return figure(members ? Math.round(total / members) / 100 : null, parts, { numerator: total, denominator: members })
    }
    case 'loans_disbursed': {
      const r = await ctx.sql.one<{ n: number; amount: number; women: number }>(
        `SELECT count(*) AS n, coalesce(sum(l.principal_minor), 0) AS amount, sum(CASE WHEN p.gender = 'female' THEN 1 ELSE 0 END) AS women
         FROM loan l JOIN person p ON p.id = l.person_id WHERE l.disbursed_on BETWEEN :from AND :to`,
        p,
      )
      return figure(Number(r?.n ?? 0), [
        { key: 'res.part.principal', value: Number(r?.amount ?? 0), type: 'mnt' },
        { key: 'res.part.women', value: Number(r?.women ?? 0), type: 'int' },
      ], { breakdown: await loansBreakdown(ctx, p) })
    }
    case 'par30': {
      const total = (await portfolioQuality(ctx, { on })).rows.find((r) => r.level === 'total')
      const par = total?.par30
      return figure(par && par.ratio !== null ? Math.round(par.ratio * 1000) / 10 : null, [
        { key: 'res.part.atRisk', value: par?.numeratorMinor ?? 0, type: 'mnt' },
        { key: 'res.part.outstanding', value: par?.denominatorMinor ?? 0, type: 'mnt' },
      ], { numerator: par?.numeratorMinor ?? 0, denominator: par?.denominatorMinor ?? 0 })
    }
    case 'common_interest_projects': {
      const r = await ctx.sql.one<{ n: number; amount: number; households: number }>(
        `SELECT count(*) AS n, coalesce(-sum(amount_minor), 0) AS amount, coalesce(sum(households), 0) AS households FROM group_fund_entry WHERE fund = 'f2' AND kind = 'spending' AND entry_on BETWEEN :from AND :to`,
        p,
      )
      return figure(Number(r?.n ?? 0), [
        { key: 'res.part.spent', value: Number(r?.amount ?? 0), type: 'mnt' },
        { key: 'res.part.households', value: Number(r?.households ?? 0), type: 'int' },
      ])
    }
    case 'events':
    case 'unique_participants':
    case 'cost_per_participant': {
      const o = await outputsOf(ctx, p)
      const t = o.total
      const parts: MeasureFigure['parts'] = [
        { key: 'res.part.events', value: t.events, type: 'int' },
        { key: 'res.part.participations', value: t.participations, type: 'int' },
        { key: 'res.part.women', value: t.unique.female, type: 'int' },
        { key: 'res.part.men', value: t.unique.male, type: 'int' },
        { key: 'res.part.costDkk', value: t.cost.dkkMinor, type: 'dkk' },
      ]
      const areaName = new Map(o.areas.map((a) => [a.id, a.name]))
      const label = (id: number | null) => (id !== null && areaName.has(id) ? { name: areaName.get(id)! } : { key: 'ra.areaUnknown' })
      if (measure === 'events') {
        // An event in several areas counts in each of them.
        const byArea = new Map<number, number>()
        for (const x of o.byType) for (const [a, n] of Object.entries(x.eventsByArea)) byArea.set(Number(a), (byArea.get(Number(a)) ?? 0) + n)
        return figure(t.events, parts, { breakdown: { area: o.areas.filter((a) => byArea.has(a.id)).map((a) => ({ label: { name: a.name }, value: byArea.get(a.id)! })) } })
      }
      if (measure === 'unique_participants')
        return figure(t.unique.total, parts, {
          bySex: { female: t.unique.female, male: t.unique.male },
          breakdown: {
            sex: [
              { label: { key: 'res.part.women' }, value: t.unique.female },
              { label: { key: 'res.part.men' }, value: t.unique.male },
            ],
            area: o.byArea.map((a) => ({ label: label(a.areaId), value: a.unique.total })),
          },
        })
      return figure(t.participations ? Math.round(t.cost.dkkMinor / t.participations) / 100 : null, parts, { numerator: t.cost.dkkMinor, denominator: t.participations })
    }
    case 'median_income': {
      const latest = await latestSurveyed(ctx, p, 'any')
      const m = median([...latest.values()])
      return figure(m === null ? null : Math.round(m / 100), [
        { key: 'res.part.householdsSurveyed', value: latest.size, type: 'int' },
        { key: 'res.part.medianIncome', value: m ?? 0, type: 'mnt' },
      ])
    }
    case 'income_rose_share': {
      // Households with a baseline whose latest follow-up in the period reports more income than it.
      const follow = await latestSurveyed(ctx, p, 'follow_up')
      const baselines = new Map(
        (await ctx.sql.all<{ householdId: number; income: number }>(`SELECT s.household_id AS "householdId", s.income_minor AS income FROM household_survey s WHERE s.round = 'baseline' AND ${SURVEY_STANDING}`)).map((b) => [
          Number(b.householdId),
          Number(b.income),
        ]),
      )
      const compared = [...follow].filter(([h]) => baselines.has(h))
      const rose = compared.filter(([h, income]) => income > baselines.get(h)!).length
      return figure(pct(rose, compared.length), [
        { key: 'res.part.householdsCompared', value: compared.length, type: 'int' },
        { key: 'res.part.incomeRose', value: rose, type: 'int' },
      ], { numerator: rose, denominator: compared.length })
    }
  }
}

/** The households' standing survey entries in a period, the latest of each (a follow-up after its baseline). */
async function latestSurveyed(ctx: ServiceContext, p: Period, round: 'any' | 'follow_up'): Promise<Map<number, number>> {
  const rows = await ctx.sql.all<{ householdId: number; income: number }>(
    `SELECT s.household_id AS "householdId", s.income_minor AS income FROM household_survey s
     WHERE ${SURVEY_STANDING} AND s.surveyed_on BETWEEN :from AND :to ${round === 'follow_up' ? "AND s.round = 'follow_up'" : ''}
     ORDER BY s.household_id, s.surveyed_on, s.id`,
    p,
  )
  const out = new Map<number, number>()
  for (const r of rows) out.set(Number(r.householdId), Number(r.income))
  return out
}

const median = (values: number[]): number | null => {
  if (!values.length) return null
  const v = [...values].sort((a, b) => a - b)
  const m = Math.floor(v.length / 2)
  return v.length % 2 ? v[m]! : Math.round((v[m - 1]! + v[m]!) / 2)
}

/** The activity outputs of a period, computed once per call (three figures read them). */
const outputsCache = new WeakMap<ServiceContext, Map<string, ReturnType<typeof activityOutputs>>>()
function outputsOf(ctx: ServiceContext, p: Period): ReturnType<typeof activityOutputs> {
  const mine = outputsCache.get(ctx) ?? new Map<string, ReturnType<typeof activityOutputs>>()
  outputsCache.set(ctx, mine)
  const key = `${p.from}/${p.to}`
  let o = mine.get(key)
  if (!o) mine.set(key, (o = activityOutputs(ctx, p)))
  return o
}

/** Whether a measure is counted on the period's last day (the same for a year and cumulatively). */
export const isStock = (m: Measure) => MEASURE_KINDS[m] === 'stock'
