import { describe, expect, it } from 'vitest'
import { expectedMeetings, expectedWeeklyCount, meetingPeriodKey, nthWeekday, weekdayOf } from './meetings'

describe('expected meetings', () => {
  it('knows the weekday, the week and the month', () => {
    expect(weekdayOf('2007-06-17')).toBe(7) // a Sunday
    expect(meetingPeriodKey('ssg', '2007-06-17')).toBe('2007-06-11')
    expect(meetingPeriodKey('ssg', '2007-06-11')).toBe('2007-06-11')
    expect(meetingPeriodKey('lsg', '2007-06-17')).toBe('2007-06')
    expect(nthWeekday(2007, 6, 1, 2)).toBe('2007-06-05') // first Tuesday of June 2007
    expect(nthWeekday(2007, 6, 5, 5)).toBe('2007-06-29') // last Friday
    expect(nthWeekday(2007, 7, 5, 2)).toBe('2007-07-31') // last Tuesday, a fifth one
  })
  it('expects a small group weekly and a large group monthly from its forming', () => {
    expect(expectedMeetings({ type: 'ssg', formedOn: '2007-06-17', weekday: 3, week: null }, '2007-07-11')).toEqual(['2007-06-20', '2007-06-27', '2007-07-04', '2007-07-11'])
    // Formed after June's first Tuesday: July is the first month expected.
    expect(expectedMeetings({ type: 'lsg', formedOn: '2007-06-10', weekday: 2, week: 1 }, '2007-09-30')).toEqual(['2007-07-03', '2007-08-07', '2007-09-04'])
    expect(expectedMeetings({ type: 'ssg', formedOn: '2007-06-17', weekday: 3, week: null }, '2007-06-01')).toEqual([])
  })
  it('counts a small group\'s expected weeks in a period as the list does', () => {
    expect(expectedWeeklyCount('2007-06-17', 3, '2007-06-01', '2007-07-11')).toBe(4)
    expect(expectedWeeklyCount('2007-06-17', 3, '2007-06-21', '2007-07-11')).toBe(3) // from the day after a meeting
    expect(expectedWeeklyCount('2007-06-17', 3, '2007-07-04', '2007-07-04')).toBe(1)
    expect(expectedWeeklyCount('2007-06-17', 3, '2007-07-05', '2007-07-10')).toBe(0)
    expect(expectedWeeklyCount('2007-06-17', 3, '2007-01-01', '2007-06-01')).toBe(0)
    const days = (n: number) => new Date(Date.UTC(2007, 0, 1 + n)).toISOString().slice(0, 10)
    for (let i = 0; i < 400; i++) {
      const formedOn = days((i * 37) % 500)
      const weekday = (i % 7) + 1
      const from = days((i * 53) % 700)
      const until = days((i * 71) % 900)
      const listed = expectedMeetings({ type: 'ssg', formedOn, weekday, week: null }, until).filter((d) => d >= from).length
      expect(expectedWeeklyCount(formedOn, weekday, from, until), `${formedOn} ${weekday} ${from} ${until}`).toBe(listed)
    }
  })
})
