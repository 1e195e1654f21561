import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import type { DemoCounts } from '../../src/main/demo/load'

/* The demo's self-help groups at full scale: the project's 30 large groups of about 40 families, small groups of 5-8, meetings to March 2011. On both engines. */
let t: TestBackend
let counts: DemoCounts
beforeAll(async () => {
  t = await testBackend()
  const started = Date.now()
  counts = await t.loadDemo()
  console.log(`demo with groups loaded in ${Date.now() - started} ms`, JSON.stringify(counts))
}, 120_000)
afterAll(() => t.close())

describe('the demo groups', () => {
  it('has 6 large groups per project area, 2 per project year, about 40 families each, small groups of 5-8, a CBO per area', async () => {
    expect(counts).toMatchObject({ cbos: 5, lsgs: 30 })
    // Every large group's regulations and every small group's rules, adopted at a meeting.
    expect(counts.documents).toBe(30 + counts.ssgs)
    const tree = await t.must('groups.tree', { on: '2010-03-01' })
    expect(tree.map((a) => a.lsgs.length)).toEqual([6, 6, 6, 6, 6])
    for (const a of tree) expect(a.lsgs.map((l) => l.projectYear).sort()).toEqual([1, 1, 2, 2, 3, 3])
    const families = tree.flatMap((a) => a.lsgs.map((l) => l.families))
    expect(Math.min(...families)).toBeGreaterThanOrEqual(35)
    expect(Math.max(...families)).toBeLessThanOrEqual(45)
    expect(tree.reduce((s, a) => s + a.families, 0)).toBeGreaterThan(1150)
    const sizes = await t.read((sql) => sql.all<{ n: number }>(`SELECT count(*) AS n FROM group_member gm WHERE gm.joined_on <= '2010-03-01' AND (gm.left_on IS NULL OR gm.left_on > '2010-03-01') GROUP BY gm.ssg_id`))
    expect(sizes.every((s) => Number(s.n) >= 4 && Number(s.n) <= 9)).toBe(true)
    expect(counts.ssgs).toBeGreaterThan(170)
  })

  it('records meetings only of members of the group on the day, and yearly elections', async () => {
    expect(counts.meetings).toBeGreaterThan(20000)
    const strangers = await t.read((sql) =>
      sql.value<number>(`SELECT count(*) AS n FROM meeting_attendance a JOIN group_meeting m ON m.id = a.meeting_id
        WHERE m.group_type = 'ssg' AND NOT EXISTS (SELECT 1 FROM group_member gm WHERE gm.ssg_id = m.group_id AND gm.person_id = a.person_id AND gm.joined_on <= m.held_on AND (gm.left_on IS NULL OR gm.left_on > m.held_on))`),
    )
    expect(Number(strangers)).toBe(0)
    const ssg = (await t.read((sql) => sql.value<number>(`SELECT min(id) AS id FROM ssg`)))!
    const m = await t.must('meetings.list', { groupType: 'ssg', groupId: Number(ssg) })
    expect(m.attendance.rate).toBeGreaterThan(0.85)
    expect(m.held / m.expected).toBeGreaterThan(0.85)
    const o = await t.must('offices.ofGroup', { groupType: 'ssg', groupId: Number(ssg) })
    expect(o.history.length).toBeGreaterThanOrEqual(2)
  })
})
