/*
 * When a group is expected to meet: a small group every week on its weekday,
 * a large group every month on its week and weekday (week 5 = the last one).
 * A meeting held on another day of the same week (small group) or month
 * (large group) counts for that week or month.
 */

const DAY = 86_400_000
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** 1 Monday … 7 Sunday. */
export const weekdayOf = (date: string) => ((new Date(utc(date)).getUTCDay() + 6) % 7) + 1

/** The Monday of the date's week, or the month (`YYYY-MM`): what one expected meeting covers. */
export function meetingPeriodKey(type: 'ssg' | 'lsg', date: string): string {
  if (type === 'lsg') return date.slice(0, 7)
  return iso(utc(date) - (weekdayOf(date) - 1) * DAY)
}

/** The `week`-th `weekday` of a month (week 5: the last one). */
export function nthWeekday(year: number, month: number, week: number, weekday: number): string {
  const first = iso(Date.UTC(year, month - 1, 1))
  const offset = (weekday - weekdayOf(first) + 7) % 7
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  let day = 1 + offset + (Math.min(week, 5) - 1) * 7
  if (week >= 5) while (day + 7 <= daysInMonth) day += 7
  while (day > daysInMonth) day -= 7
  return iso(Date.UTC(year, month - 1, day))
}

/** The dates the rule expected from the group's forming to `until`, oldest first. */
export function expectedMeetings(g: { type: 'ssg' | 'lsg'; formedOn: string; weekday: number; week: number | null }, until: string): string[] {
  const out: string[] = []
  if (until < g.formedOn) return out
  if (g.type === 'ssg') {
    let d = utc(g.formedOn) + ((g.weekday - weekdayOf(g.formedOn) + 7) % 7) * DAY
    for (; iso(d) <= until; d += 7 * DAY) out.push(iso(d))
    return out
  }
  let [y, m] = [Number(g.formedOn.slice(0, 4)), Number(g.formedOn.slice(5, 7))]
  for (;;) {
    const d = nthWeekday(y, m, g.week ?? 1, g.weekday)
    if (d > until) break
    if (d >= g.formedOn) out.push(d)
    m += 1
    if (m > 12) [y, m] = [y + 1, 1]
  }
  return out
}

/** How many weekly meetings a small group's rule expected between `from` and `until` (both inclusive): `expectedMeetings` counted without listing them. */
export function expectedWeeklyCount(formedOn: string, weekday: number, from: string, until: string): number {
  const first = utc(formedOn) + ((weekday - weekdayOf(formedOn) + 7) % 7) * DAY
  const start = Math.max(first, first + Math.ceil((utc(from) - first) / (7 * DAY)) * 7 * DAY)
  const end = utc(until)
  return end < start ? 0 : Math.floor((end - start) / (7 * DAY)) + 1
}
