import { describe, expect, it } from 'vitest'
import { expectedMeetings, meetingPeriodKey, nthWeekday, weekdayOf } from './meetings'

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
})
