import type { MeasureFigure } from '../../../shared/api/resultsTypes'
import type { LocalName } from '../../../shared/api/types'
import type { ServiceContext } from '../context'
import { MEMBER_HOUSEHOLDS } from './groupProgress'

/*
 * The disaggregation of the figures that count people and families (DOMAIN.md:
 * by sex, area, single-woman-headed household, age band), from the same
 * records as the figure itself, so each breakdown adds up to it.
 */

type Breakdown = NonNullable<MeasureFigure['breakdown']>
type Item = Breakdown['sex'] extends (infer T)[] | undefined ? T : never

/** Age bands at the period's end, the usual ones of donor reporting. */
const AGE_BANDS: Array<[number, number, string]> = [
  [0, 14, 'res.age.0_14'],
  [15, 24, 'res.age.15_24'],
  [25, 49, 'res.age.25_49'],
  [50, 64, 'res.age.50_64'],
  [65, 200, 'res.age.65'],
]

export function ageOn(birth: string, on: string): number {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number]
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number]
  return oy - y - (om < m || (om === m && od < d) ? 1 : 0)
}

/** Counts by a key, in a given order of keys first, the rest after. */
function tally<K>(keys: K[], label: (k: K) => Item['label'], order: K[] = []): Item[] {
  const counts = new Map<K, number>()
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1)
  const ordered = [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k))]
  return ordered.map((k) => ({ label: label(k), value: counts.get(k)! }))
}

const byArea = (rows: Array<{ areaId: number | null; mn: string | null; en: string | null }>): Item[] => {
  const names = new Map<number | null, LocalName | null>(rows.map((r) => [r.areaId, r.mn === null ? null : { mn: r.mn, en: r.en ?? r.mn }]))
  const order = [...names.entries()].sort((a, b) => (a[1]?.mn ?? '\uffff').localeCompare(b[1]?.mn ?? '\uffff')).map(([k]) => k)
  return tally(rows.map((r) => r.areaId), (k) => (names.get(k) ? { name: names.get(k)! } : { key: 'ra.areaUnknown' }), order)
}

const sexLabel = (s: string | null) => ({ key: s === 'female' ? 'res.part.women' : s === 'male' ? 'res.part.men' : 'res.unknown' })
const swhLabel = (v: number) => ({ key: Number(v) === 1 ? 'res.swh.yes' : 'res.swh.no' })

/** Member households on a date, by area and by single-woman-headed. */
export async function familiesBreakdown(ctx: ServiceContext, on: string): Promise<Breakdown> {
  const rows = await ctx.sql.all<{ areaId: number; mn: string; en: string; swh: number }>(
    `SELECT b.id AS "areaId", b.name_mn AS mn, b.name_en AS en, h.single_woman_headed AS swh FROM household h JOIN branch b ON b.id = h.branch_id WHERE h.id IN (${MEMBER_HOUSEHOLDS})`,
    { on },
  )
  return { area: byArea(rows), single_woman_headed: tally(rows.map((r) => Number(r.swh)), swhLabel, [1, 0]) }
}

/** The persons of member households on a date, by sex, area, single-woman-headed household and age band. */
export async function personsBreakdown(ctx: ServiceContext, on: string): Promise<Breakdown> {
  const rows = await ctx.sql.all<{ gender: string; birth: string | null; areaId: number; mn: string; en: string; swh: number }>(
    `SELECT p.gender, p.birth_date AS birth, b.id AS "areaId", b.name_mn AS mn, b.name_en AS en, h.single_woman_headed AS swh
     FROM person p JOIN household h ON h.id = p.household_id JOIN branch b ON b.id = h.branch_id WHERE p.household_id IN (${MEMBER_HOUSEHOLDS})`,
    { on },
  )
  const band = (birth: string | null) => {
    if (!birth) return 'res.unknown'
    const age = ageOn(birth, on)
    return AGE_BANDS.find(([lo, hi]) => age >= lo && age <= hi)?.[2] ?? 'res.unknown'
  }
  return {
    sex: tally(rows.map((r) => r.gender), sexLabel, ['female', 'male']),
    area: byArea(rows),
    single_woman_headed: tally(rows.map((r) => Number(r.swh)), swhLabel, [1, 0]),
    age_band: tally(rows.map((r) => band(r.birth)), (k) => ({ key: k }), [...AGE_BANDS.map((b) => b[2]), 'res.unknown']),
  }
}

/** Loans granted in a period, by the borrower's sex and her area. */
export async function loansBreakdown(ctx: ServiceContext, p: { from: string; to: string }): Promise<Breakdown> {
  const rows = await ctx.sql.all<{ gender: string; areaId: number; mn: string; en: string }>(
    `SELECT pe.gender, b.id AS "areaId", b.name_mn AS mn, b.name_en AS en FROM loan l JOIN person pe ON pe.id = l.person_id JOIN lsg g ON g.id = l.lsg_id JOIN branch b ON b.id = g.branch_id
     WHERE l.disbursed_on BETWEEN :from AND :to`,
    p,
  )
  return { sex: tally(rows.map((r) => r.gender), sexLabel, ['female', 'male']), area: byArea(rows) }
}
