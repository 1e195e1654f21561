import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readXlsx, num, rowLabelled } from '../helpers/files'
import { demoBackend, type TestBackend } from '../helpers/backend'
import type { DemoCounts } from '../../src/main/demo/load'

/* The demo's self-help groups at full scale: the project's 30 large groups of about 40 families, small groups of 5-8, meetings to March 2011. On both engines. */
let t: TestBackend
let counts: DemoCounts
beforeAll(async () => {
  t = await demoBackend()
  // What the demo loaded, as its audit entry says.
  counts = JSON.parse((await t.read((sql) => sql.value<string>(`SELECT after_json AS j FROM audit_entry WHERE operation = 'demo.load'`)))!) as DemoCounts
}, 120_000)
afterAll(() => t.close())

describe('the demo groups', () => {
  it('has 6 large groups per project area, 2 per project year, about 40 families each, small groups of 5-8, a CBO per area', async () => {
    expect(counts).toMatchObject({ cbos: 5, lsgs: 30 })
    // Every large group's regulations, every small group's rules and every CBO's charter, adopted at a meeting.
    expect(counts.documents).toBe(30 + counts.ssgs + 5)
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

  it('has a CBO per area with its founding unified meeting of every member of the area, its leaders and charter; three registered', async () => {
    const tree = await t.must('groups.tree', {})
    expect(tree.filter((a) => a.cbo?.registeredOn).length).toBe(3)
    for (const a of tree) {
      const d = await t.must('cbos.get', { id: a.cbo!.id })
      expect(d.foundingMeeting?.heldOn).toBe(a.cbo!.foundedOn)
      const founding = await t.must('meetings.get', { id: d.foundingMeeting!.id })
      const sheet = await t.must('meetings.sheet', { groupType: 'cbo', groupId: a.cbo!.id, heldOn: a.cbo!.foundedOn })
      expect(founding.attendance.length).toBe(sheet.length)
      expect(sheet.length).toBeGreaterThan(200)
      expect(founding.elected.map((e) => e.office)).toEqual(['chair', 'treasurer'])
      expect((await t.must('documents.ofGroup', { groupType: 'cbo', groupId: a.cbo!.id }))[0]?.version).toBe(1)
    }
  })

  it('gives the project’s figures at the end of each project year against the targets of its results framework, agreeing with the groups page', async () => {
    const g = await t.must('results.groupProgress', {})
    expect(g.project?.code).toBe('SPN-2007')
    expect(g.columns.map((c) => [c.projectYear, c.asOf, c.running])).toEqual([
      [1, '2008-02-29', false],
      [2, '2009-02-28', false],
      [3, '2010-02-28', false],
      [4, '2011-02-28', false],
    ])
    const row = (m: string) => g.rows.find((r) => r.measure === m)!
    expect(row('families_in_groups').target).toEqual([400, 800, 1200, 1200])
    expect(row('families_in_groups').indicator?.code).toBe('O1.1')
    expect(row('ssgs_active').indicator).toBeNull()
    expect(row('cbos_formed').actual).toEqual([0, 0, 5, 5])
    // The results framework reads the same figures; the entered ones come with their source.
    const f = await t.must('results.framework', {})
    const ind = (code: string) => f.indicators.find((i) => i.code === code)!
    expect(ind('O1.1').years.map((y) => y.actual)).toEqual(row('families_in_groups').actual)
    expect(ind('O3.1').years.map((y) => y.actual)).toEqual([0, 0, 5, 5])
    expect(ind('O4.1').years.map((y) => [y.actual, y.entered?.source])).toEqual([0, 0, 1, 3].map((v) => [v, 'Хоршооны үүсгэн байгуулах хурлын протокол']))
    expect(f.indicators.filter((i) => i.level === 'outcome')).toHaveLength(7)
    // Income from the household survey: a plausible rise.
    expect(ind('O2.1').years.every((y) => y.actual !== null && y.actual > 50 && y.actual < 90)).toBe(true)
    const medians = ind('O2.2').years.map((y) => y.actual!)
    expect(medians[3]).toBeGreaterThan(medians[0]!)
    for (const [i, c] of g.columns.entries()) {
      const tree = await t.must('groups.tree', { on: c.asOf })
      expect(row('families_in_groups').actual[i]).toBe(tree.reduce((s, a) => s + a.families, 0))
      expect(row('persons_of_member_families').actual[i]).toBe(tree.reduce((s, a) => s + a.persons, 0))
    }
    // Two large groups per area a year; constituted once regulations are adopted and both officers elected.
    expect(row('lsgs_constituted').actual[2]).toBeGreaterThanOrEqual(28)
    expect(row('lsgs_constituted').actual[2]).toBeLessThanOrEqual(30)
    expect(row('families_in_groups').actual[2]).toBeGreaterThan(1150)
  })

  it('has the members’ savings: most weeks paid, never below zero, taken out by those who left', async () => {
    expect(counts.savingsEntries).toBeGreaterThan(100_000)
    const negative = await t.read((sql) =>
      sql.value<number>(`SELECT count(*) AS n FROM (SELECT person_id, account FROM savings_entry GROUP BY person_id, account HAVING sum(amount_minor) < 0) x`),
    )
    expect(Number(negative)).toBe(0)
    const leaver = await t.read((sql) => sql.one<{ personId: number }>(`SELECT person_id AS "personId" FROM group_member WHERE left_on IS NOT NULL AND moved_to_ssg_id IS NULL ORDER BY id LIMIT 1`))
    const gone = await t.must('savings.ofPerson', { personId: leaver!.personId })
    expect(gone.balances).toEqual({ compulsory: 0, voluntary: 0 })
    expect(gone.entries.filter((e) => e.kind === 'withdrawal').length).toBeGreaterThan(0)
    const ssg = (await t.read((sql) => sql.value<number>(`SELECT min(id) AS id FROM ssg`)))!
    const group = await t.must('savings.ofSsg', { ssgId: Number(ssg), on: '2011-03-31' })
    const paid = group.totals.dueMinor - group.totals.arrearsMinor
    expect(paid / group.totals.dueMinor).toBeGreaterThan(0.85)
    expect(group.totals.compulsoryMinor).toBeGreaterThan(0)
  })

  it('has the activities of four years in the five areas; every borrower went to a micro-credit education that ended before her first loan', async () => {
    expect(counts.activities).toBeGreaterThan(300)
    const types = await t.read((sql) => sql.column<string>(`SELECT DISTINCT type FROM activity ORDER BY type`))
    expect(types).toEqual(['advocacy', 'campaign', 'civic_education', 'conference', 'lecture_seminar', 'magazine', 'micro_credit_education', 'partnership', 'publication', 'website', 'workshop'])
    const untrained = await t.read((sql) =>
      sql.value<number>(
        `SELECT count(*) AS n FROM loan l WHERE NOT EXISTS (SELECT 1 FROM activity a JOIN activity_participant x ON x.activity_id = a.id
           WHERE a.type = 'micro_credit_education' AND x.person_id = l.person_id AND a.ends_on <= l.disbursed_on)`,
      ),
    )
    expect(Number(untrained)).toBe(0)
    // Each small group had its own session; an expense pays for one activity at most, and never loan capital.
    const ssgsWithout = await t.read((sql) => sql.value<number>(`SELECT count(*) AS n FROM ssg s WHERE NOT EXISTS (SELECT 1 FROM activity a WHERE a.type = 'micro_credit_education' AND a.title LIKE '%: ' || s.code)`))
    expect(Number(ssgsWithout)).toBe(0)
    const capital = await t.read((sql) => sql.value<number>(`SELECT count(*) AS n FROM activity_expense x JOIN group_fund_entry f ON f.expense_id = x.expense_id`))
    expect(Number(capital)).toBe(0)
    const list = await t.must('activities.list', { from: '2009-03-01', to: '2010-02-28', type: 'magazine' })
    expect(list.map((a) => a.title)).toEqual(['«Ярилцъя» сэтгүүл, №12', '«Ярилцъя» сэтгүүл, №11', '«Ярилцъя» сэтгүүл, №10', '«Ярилцъя» сэтгүүл, №9'])
    for (const a of list) expect(a.cost.mntMinor).toBeGreaterThan(0)
  })

  it('has loans from project year 2 that passed every check, repaid mostly on time, a few written off, funds never below zero', async () => {
    expect(counts.loans).toBeGreaterThan(300)
    expect(counts.repayments).toBeGreaterThan(5_000)
    const failed = await t.read((sql) => sql.value<number>(`SELECT count(*) AS n FROM loan WHERE eligibility LIKE '%"pass":false%'`))
    expect(Number(failed)).toBe(0)
    const first = await t.read((sql) => sql.value<string>(`SELECT min(disbursed_on) AS d FROM loan`))
    expect(first! >= '2008-03-01').toBe(true)
    const q = await t.must('portfolio.quality', { on: '2010-06-30' })
    const total = q.rows[0]!
    console.log('demo portfolio 2010-06-30', JSON.stringify({ loans: total.activeLoans, outstanding: total.outstandingMinor, par30: total.par30.ratio, par1: total.par1.ratio, onTime: total.onTime.ratio, writtenOff: total.writtenOffMinor }))
    // PAR30 month by month from mid-2009 to October 2010 (the last loans granted; the book then winds down): between 3% and 8% on average.
    const series = await t.must('portfolio.parSeries', { from: '2009-07-01', to: '2010-10-31' })
    const mean = series.reduce((s, p) => s + (p.par30 ?? 0), 0) / series.length
    console.log('demo PAR30 by month', series.map((p) => Math.round((p.par30 ?? 0) * 1000) / 10).join(' '))
    expect(mean).toBeGreaterThan(0.03)
    expect(mean).toBeLessThan(0.08)
    expect(total.writtenOffMinor).toBeGreaterThan(0)
    const rescheduled = await t.read((sql) => sql.value<number>(`SELECT count(*) AS n FROM loan_reschedule`))
    expect(Number(rescheduled)).toBeGreaterThan(5)
    // Fund (1) of every large group never went below zero on any day it moved.
    const negative = await t.read((sql) =>
      sql.value<number>(`SELECT count(*) AS n FROM group_fund_entry e WHERE e.fund = 'f1' AND (SELECT sum(x.amount_minor) FROM group_fund_entry x WHERE x.fund = 'f1' AND x.lsg_id = e.lsg_id AND x.entry_on <= e.entry_on) < 0`),
    )
    expect(Number(negative)).toBe(0)
    // Funds (2) and (3) are spent now and then, with a purpose, and never below zero either.
    const spending = await t.read((sql) => sql.all<{ fund: string; n: number; purposes: number }>(`SELECT fund, count(*) AS n, count(DISTINCT purpose) AS purposes FROM group_fund_entry WHERE kind = 'spending' GROUP BY fund ORDER BY fund`))
    expect(spending.map((s) => s.fund)).toEqual(['f2', 'f3'])
    for (const s of spending) expect(Number(s.purposes)).toBeGreaterThan(2)
    const below = await t.read((sql) =>
      sql.value<number>(
        `SELECT count(*) AS n FROM group_fund_entry e WHERE e.kind = 'spending' AND (SELECT sum(x.amount_minor) FROM group_fund_entry x WHERE x.fund = e.fund
           AND (CASE WHEN e.fund = 'f3' THEN x.branch_id = e.branch_id ELSE x.lsg_id = e.lsg_id END) AND x.entry_on <= e.entry_on) < 0`,
      ),
    )
    expect(Number(below)).toBe(0)
    // The loan capital in the funds is the project's loan-fund expenses marked as capital, to the tögrög: the finance reports and the fund ledgers agree.
    const capital = await t.read((sql) =>
      sql.one<{ funds: number; expenses: number; lines: string }>(
        `SELECT (SELECT sum(amount_minor) FROM group_fund_entry WHERE kind = 'capital') AS funds,
           (SELECT sum(e.amount_minor) FROM expense e WHERE e.id IN (SELECT expense_id FROM group_fund_entry WHERE kind = 'capital')) AS expenses,
           (SELECT min(l.code) || '/' || max(l.code) || '/' || min(e.currency) || '/' || max(e.currency) FROM expense e JOIN budget_line l ON l.id = e.line_id WHERE e.id IN (SELECT expense_id FROM group_fund_entry WHERE kind = 'capital')) AS lines`,
      ),
    )
    expect(Number(capital!.funds)).toBe(Number(capital!.expenses))
    expect(capital!.lines).toBe('1.2/1.2/MNT/MNT')
    // Every area's group money adds up to the tögrög, at the end of the project.
    for (const c of await t.must('groupfunds.check', { on: '2011-03-31' })) expect(c.differenceMinor).toBe(0)
    // A loan as the app reads it agrees with the demo's own bookkeeping: fully repaid loans are closed.
    const closed = await t.read((sql) => sql.value<number>(`SELECT l.id FROM loan l WHERE (SELECT sum(principal_minor) FROM loan_repayment r WHERE r.loan_id = l.id) = l.principal_minor ORDER BY l.id LIMIT 1`))
    expect((await t.must('loans.get', { id: Number(closed) })).loan.status).toBe('closed')
  })

  it("writes the progress report with the financial report's own budget figures, the entered texts and every indicator; and the NGO law's yearly report", async () => {
    const projectId = (await t.must('finance.projects', {}))[0]!.id
    await t.must('narratives.set', { projectId, projectYear: 2, texts: { summary: 'Хоёр дахь жилд 20 том бүлэг байгуулагдав.', lessons: 'Бүлгүүд эрт сургалтад хамрагдах хэрэгтэй.' } })
    const file = async (input: Record<string, unknown>) => readXlsx(Buffer.from((await t.must('reports.generate', input as never)).base64, 'base64'))
    const progress = await file({ report: 'progress', projectYear: 2, lang: 'en', format: 'xlsx' })
    const financial = await file({ report: 'financial', projectYear: 2, lang: 'en', format: 'xlsx' })
    // Budget against actual by main line: the same lines and the same figures as the financial report.
    const lines = (ws: NonNullable<ReturnType<typeof progress.getWorksheet>>) => {
      const out: Array<[string, number, number]> = []
      ws.eachRow((row) => {
        const label = row.getCell(1).value
        if (typeof label === 'string' && /^\d+ /.test(label)) out.push([label, num(row.getCell(3)), num(row.getCell(5))])
      })
      return out
    }
    const ours = lines(progress.getWorksheet('Budget')!)
    expect(ours.length).toBeGreaterThan(5)
    expect(ours).toEqual(lines(financial.getWorksheet('Main lines')!))
    for (const code of ['DANIDA', 'DMS']) expect(lines(progress.getWorksheet(code)!)).toEqual(lines(financial.getWorksheet(code)!))
    const narrative = progress.getWorksheet('Narrative')!
    expect(rowLabelled(narrative, 'Summary').getCell(2).value).toBe('Хоёр дахь жилд 20 том бүлэг байгуулагдав.')
    expect(rowLabelled(narrative, 'Challenges').getCell(2).value).toBe('Not written yet: enter it on the Results framework page.')
    const results = progress.getWorksheet('Results')!
    const f = await t.must('results.framework', { projectId })
    for (const i of f.indicators) expect(num(rowLabelled(results, i.code).getCell(8))).toBe(i.years[1]!.cumulative)
    // The NGO law's report of 2009: the particulars and the director in force then, the central board, the donor's money received.
    const ngo = await file({ report: 'ngo-annual', year: 2009, lang: 'en', format: 'xlsx' })
    const governance = ngo.getWorksheet('Governance')!
    expect(rowLabelled(governance, 'Executive director').getCell(2).value).toBe('Б. Энхтуяа')
    expect(rowLabelled(governance, 'Chair').getCell(2).value).toEqual(expect.any(String))
    const received = await t.read((sql) => sql.value<number>(`SELECT sum(mnt_minor) AS n FROM transfer WHERE received_on BETWEEN '2009-01-01' AND '2009-12-31'`))
    const donors: number[] = []
    ngo.getWorksheet('Donors')!.eachRow((row) => {
      if (typeof row.getCell(2).value === 'number') donors.push(num(row.getCell(2)))
    })
    expect(donors.map((n) => Math.round(n * 100))).toEqual([Number(received)])
  })
})
