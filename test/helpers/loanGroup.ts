import { addDays } from '../../src/shared/domain/dates'
import { DORNOGOVI } from './backend'
import { NEXT_PROJECT } from './projects'

/* A small group ready to borrow, as both the service and the end-to-end loan tests set it up. */

type Call = (op: string, input: unknown) => Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any

const mnt = (tg: number) => tg * 100

/**
 * The project with 500,000 ₮ of loan capital for DOR-1; small group DOR-1-A
 * (Wednesdays) of Сарангэрэл and Оюунчимэг, joined 2011-03-14; twelve weekly
 * meetings from 2011-03-16 with everyone there paying 1,000 ₮; the rules and
 * the representative (Оюунчимэг) at the first; Сарангэрэл trained 2011-04-01;
 * the large group's meeting of 2011-06-07 to approve loans.
 */
export async function loanGroup(call: Call): Promise<{ branch: number; lsg: number; ssg: number; p: number[]; approval: number }> {
  const project = await call('projects.create', NEXT_PROJECT)
  const dor = (await call('branches.create', DORNOGOVI)).id
  const lsg = (await call('lsgs.create', { branchId: dor, code: 'DOR-1', name: 'Сайншанд-1', formedOn: '2011-03-10', projectYear: 1, meetingWeek: 1, meetingWeekday: 2 })).id
  const ssg = (await call('ssgs.create', { lsgId: lsg, code: 'DOR-1-A', name: 'Нарлаг', formedOn: '2011-03-10', meetingWeekday: 3 })).id
  const p: number[] = []
  for (const name of ['Сарангэрэл', 'Оюунчимэг']) {
    const h = await call('households.create', { branchId: dor, singleWomanHeaded: true, childrenCount: 2, areaCode: 'dornogovi', registeredOn: '2011-03-01' })
    p.push((await call('persons.create', { patronymic: 'Бат', givenName: name, gender: 'female', branchId: dor, householdId: h.id })).id)
    await call('roster.join', { ssgId: ssg, personId: p.at(-1)!, joinedOn: '2011-03-14' })
  }
  for (let w = 0; w < 12; w++) {
    const heldOn = addDays('2011-03-16', 7 * w)
    const m = await call('meetings.record', { groupType: 'ssg', groupId: ssg, heldOn, attendance: p.map((personId) => ({ personId, status: 'present' })) })
    if (w === 0) {
      await call('documents.adopt', { meetingId: m.id, clauses: { meetings: 'a', savings: 'b', loans: 'c', mutualHelp: 'd', sanctions: 'e' }, weeklySavingsMinor: mnt(1_000) })
      await call('offices.elect', { meetingId: m.id, office: 'representative', personId: p[1]! })
    }
    for (const personId of p) await call('savings.record', { personId, account: 'compulsory', kind: 'deposit', entryOn: heldOn, amountMinor: mnt(1_000) })
  }
  await call('training.record', { personId: p[0]!, completedOn: '2011-04-01' })
  const approval = (await call('meetings.record', { groupType: 'lsg', groupId: lsg, heldOn: '2011-06-07', attendance: p.map((personId) => ({ personId, status: 'present' })) })).id
  const line = project.lines.find((l: { code: string }) => l.code === '1.2')
  const expense = await call('expenses.create', { projectId: project.id, spentOn: '2011-04-01', voucher: 'ЗС-1', lineId: line.id, branchId: dor, description: 'Зээлийн сан DOR-1', amountMinor: mnt(500_000), currency: 'MNT', sourceId: project.sources[0].id })
  await call('groupfunds.capital', { lsgId: lsg, expenseId: expense.id })
  return { branch: dor, lsg, ssg, p, approval }
}

/** Сарангэрэл's first loan: 30,000 ₮ over 10 weekly instalments at 1.5% a month flat, paid out on 2011-06-08 (first due 2011-06-15). */
export function firstLoan(g: { p: number[]; approval: number }) {
  return { personId: g.p[0]!, approvedMeetingId: g.approval, disbursedOn: '2011-06-08', principalMinor: mnt(30_000), instalments: 10, method: 'flat' as const, monthlyRateMicro: 15_000 }
}
