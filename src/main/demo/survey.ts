import { HouseholdSurveyEntity } from '../db/entities'
import { addDays } from '../../shared/domain/dates'
import { Random } from './random'
import { flush, Rows, type LoadTarget } from './rows'

interface Period { household: number; joined: string }

/*
 * The demo's household survey: a baseline for every member household within
 * two weeks of its first joining a group, and a follow-up each February
 * after it until the project's end. Monthly incomes start around 80 000 -
 * 300 000 ₮ and rise by about 7% a year on average, unevenly (some
 * households lose income in a year); a few children start school.
 */
export async function loadSurvey(target: LoadTarget, seed: number, now: string, periods: readonly Period[], end: string): Promise<number> {
  const rng = new Random(seed * 7 + 2525)
  const children = new Map((await target.sql.all<{ id: number; n: number }>(`SELECT id, children_count AS n FROM household`)).map((h) => [Number(h.id), Number(h.n)]))
  const joined = new Map<number, string>()
  for (const p of periods) if (!joined.has(p.household) || p.joined < joined.get(p.household)!) joined.set(p.household, p.joined)
  const rows = await new Rows<HouseholdSurveyEntity>('household_survey', HouseholdSurveyEntity).start(target)
  const stamp = { notes: null, replacesId: null, enteredAt: now, enteredBy: 'demo' }
  for (const [householdId, first] of [...joined].sort((a, b) => a[0] - b[0])) {
    const baselineOn = addDays(first, rng.int(0, 14))
    if (baselineOn > end) continue
    let income = Math.round((80_000 + rng.next() * rng.next() * 220_000) / 1000) * 1000
    const housing = rng.chance(0.7) ? 'ger' : rng.chance(0.85) ? 'house' : 'apartment'
    let electricity = rng.chance(0.8)
    const schoolAge = Math.min(children.get(householdId) ?? 0, rng.int(0, 4))
    let inSchool = Math.max(0, schoolAge - (rng.chance(0.3) ? 1 : 0))
    rows.add({ householdId, round: 'baseline', surveyedOn: baselineOn, incomeMinor: income * 100, housing, electricity: electricity ? 1 : 0, childrenSchoolAge: schoolAge, childrenInSchool: inSchool, ...stamp })
    for (let y = Number(baselineOn.slice(0, 4)) + 1; ; y++) {
      const on = `${y}-02-${String(rng.int(10, 25)).padStart(2, '0')}`
      if (on > end) break
      // About +7% a year, between -18% and +32%.
      income = Math.max(30_000, Math.round((income * (0.82 + rng.next() * 0.5)) / 1000) * 1000)
      electricity ||= rng.chance(0.3)
      inSchool = Math.min(schoolAge, inSchool + (rng.chance(0.3) ? 1 : 0))
      rows.add({ householdId, round: 'follow_up', surveyedOn: on, incomeMinor: income * 100, housing, electricity: electricity ? 1 : 0, childrenSchoolAge: schoolAge, childrenInSchool: inSchool, ...stamp })
    }
  }
  const n = rows.rows.length
  await flush(target, rows)
  return n
}
