import { addDays } from '../../shared/domain/dates'
import { pushTo } from '../../shared/domain/lists'
import { Random } from './random'

/** A micro-credit education the demo holds: for a small group once it has met some weeks, or a catch-up of its large group for those who missed it. */
export interface TrainingSession {
  lsgId: number
  /** The small group it was held for; null for a large group's catch-up. */
  ssgId: number | null
  startsOn: string
  endsOn: string
  persons: number[]
}

interface Period { ssg: number; person: number; joined: string; left: string | null }

const activeOn = (p: Period, on: string) => p.joined <= on && (p.left === null || p.left > on)

/**
 * Micro-credit education as the project runs it: each small group is trained
 * together 6-9 weeks after it first met (two days; nearly everyone comes);
 * who missed it or joined later goes to her large group's monthly catch-up
 * on the 20th, 8-16 weeks after joining. Nine in ten members are trained.
 * Completing it is what the loan checks read, so the sessions decide who may borrow.
 */
export function trainingSessions(periods: readonly Period[], lsgOfSsg: ReadonlyMap<number, number>, seed: number, end: string): { sessions: TrainingSession[]; trained: Map<number, string> } {
  const rng = new Random(seed * 7 + 1212)
  const trained = new Map<number, string>()
  const sessions: TrainingSession[] = []
  const bySsg = new Map<number, Period[]>()
  for (const p of periods) pushTo(bySsg, p.ssg, p)
  for (const [ssgId, list] of [...bySsg].sort((a, b) => a[0] - b[0])) {
    const first = list.reduce((d, p) => (p.joined < d ? p.joined : d), list[0]!.joined)
    const startsOn = addDays(first, 7 * rng.int(6, 9))
    const endsOn = addDays(startsOn, 1)
    if (endsOn > end) continue
    const persons = [...new Set(list.filter((p) => activeOn(p, startsOn) && !trained.has(p.person) && rng.chance(0.88)).map((p) => p.person))]
    if (!persons.length) continue
    for (const p of persons) trained.set(p, endsOn)
    sessions.push({ lsgId: lsgOfSsg.get(ssgId)!, ssgId, startsOn, endsOn, persons })
  }
  const catchUps = new Map<string, TrainingSession>()
  for (const p of [...periods].sort((a, b) => a.joined.localeCompare(b.joined) || a.person - b.person)) {
    if (trained.has(p.person) || !rng.chance(0.75)) continue
    const due = addDays(p.joined, 7 * rng.int(8, 16))
    let startsOn = `${due.slice(0, 7)}-20`
    if (startsOn < due) startsOn = `${addDays(`${due.slice(0, 7)}-01`, 31).slice(0, 7)}-20`
    const endsOn = addDays(startsOn, 1)
    if (endsOn > end || !activeOn(p, startsOn)) continue
    const lsgId = lsgOfSsg.get(p.ssg)!
    const key = `${lsgId}:${startsOn}`
    let s = catchUps.get(key)
    if (!s) catchUps.set(key, (s = { lsgId, ssgId: null, startsOn, endsOn, persons: [] }))
    s.persons.push(p.person)
    trained.set(p.person, endsOn)
  }
  sessions.push(...catchUps.values())
  sessions.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.lsgId - b.lsgId || (a.ssgId ?? 0) - (b.ssgId ?? 0))
  return { sessions, trained }
}
