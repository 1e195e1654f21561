import { ActivityAreaEntity, ActivityEntity, ActivityExpenseEntity, ActivityParticipantEntity, ActivityPartnerEntity } from '../db/entities'
import { insertMany } from '../db/bulk'
import { addDays, addYears } from '../../shared/domain/dates'
import type { ActivityType } from '../../shared/api/activitiesTypes'
import { FEMALE_NAMES, MALE_NAMES } from './nameLists'
import { Random } from './random'
import { flush, Rows, type LoadTarget } from './rows'
import type { TrainingSession } from './training'

interface Period { ssg: number; person: number; joined: string; left: string | null }

export interface ActivityContext {
  sessions: TrainingSession[]
  periods: readonly Period[]
  lsgOfSsg: ReadonlyMap<number, number>
  branchOfLsg: ReadonlyMap<number, number>
  end: string
}

interface Planned {
  type: ActivityType
  title: string
  startsOn: string
  endsOn: string
  areas: number[]
  line: string | null
  persons: number[]
  outsiders: number
  partners: number[]
  vouchers: number
  issue?: string
  copies?: [number, number]
}

/*
 * The demo's activities over the four project years in the five areas: the
 * micro-credit education sessions that trained the members (the loan checks
 * read them), and per area and year civic education, a workshop, campaigns
 * and advocacy; for the whole project the magazine every quarter, the yearly
 * conference, the website, a booklet and the partnership meetings with DMS.
 * Participants are the groups' members of the area on the day (and some
 * people from outside); costs are the area's vouchers of the activity's
 * sub-line around its dates, each voucher paying for one activity.
 */
export async function loadActivities(target: LoadTarget, seed: number, now: string, actor: string, ctx: ActivityContext): Promise<number> {
  const projectId = await target.sql.value<number | null>(`SELECT id FROM project WHERE code = 'SPN-2007'`)
  if (projectId === null) return 0
  const rng = new Random(seed * 7 + 2323)
  const lines = new Map((await target.sql.all<{ code: string; id: number }>(`SELECT code, id FROM budget_line WHERE project_id = :projectId`, { projectId })).map((l) => [l.code, l.id]))
  const branches = await target.sql.column<number>(`SELECT id FROM branch WHERE is_project_branch = 1 ORDER BY id`)
  const partner = new Map((await target.sql.all<{ id: number; en: string }>(`SELECT id, name_en AS en FROM partner ORDER BY id`)).map((p, i) => [i + 1, p.id]))
  const codes = new Map((await target.sql.all<{ id: number; code: string; kind: string }>(`SELECT id, code, 'lsg' AS kind FROM lsg UNION ALL SELECT id, code, 'ssg' AS kind FROM ssg`)).map((g) => [`${g.kind}${g.id}`, g.code]))
  const facilitator = new Map(branches.map((b) => [b, `${rng.pick(['Д', 'Б', 'Ц', 'Г', 'Н'])}. ${rng.pick(FEMALE_NAMES)}`]))
  const branchOfSsg = (ssg: number) => ctx.branchOfLsg.get(ctx.lsgOfSsg.get(ssg)!)!
  const membersOn = (branch: number | null, on: string) => [...new Set(ctx.periods.filter((p) => (branch === null || branchOfSsg(p.ssg) === branch) && p.joined <= on && (p.left === null || p.left > on)).map((p) => p.person))]
  const some = (list: number[], n: number) => {
    const copy = [...list]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = rng.int(0, i)
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy.slice(0, n).sort((a, b) => a - b)
  }

  const planned: Planned[] = ctx.sessions.map((s) => ({
    type: 'micro_credit_education',
    title: s.ssgId === null ? `Бичил зээлийн сургалт (нөхөх): ${codes.get(`lsg${s.lsgId}`)}` : `Бичил зээлийн сургалт: ${codes.get(`ssg${s.ssgId}`)}`,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    areas: [ctx.branchOfLsg.get(s.lsgId)!],
    line: '1.2',
    persons: s.persons,
    outsiders: 0,
    partners: [],
    vouchers: s.ssgId === null ? 0 : 1,
  }))
  for (let y = 0; y < 4; y++) {
    const from = addYears('2007-04-01', y)
    const to = y === 3 ? '2011-02-20' : addYears('2008-02-20', y)
    const day = () => rng.date(from, to)
    for (const b of branches) {
      const area = (type: ActivityType, title: string, line: string, people: [number, number], outsiders: number, partners: number[], days = 1) => {
        const startsOn = day()
        const members = membersOn(b, startsOn)
        planned.push({ type, title, startsOn, endsOn: addDays(startsOn, days - 1), areas: [b], line, persons: some(members, rng.int(...people)), outsiders, partners, vouchers: rng.int(1, 2) })
      }
      area('civic_education', 'Иргэний боловсрол: хүний эрх, иргэний оролцоо', '1.3', [15, 30], 0, [])
      area('civic_education', 'Иргэний боловсрол: эрүүл мэнд, гэр бүл', '1.3', [15, 30], rng.int(0, 3), [7])
      area('workshop', 'Бүлгийн удирдлага, санхүүгийн тайлангийн семинар', '1.5', [10, 20], 0, [5], 2)
      if (y > 0) area('campaign', 'Хүүхдийн эрхийг хамгаалах аян', '1.3', [20, 40], rng.int(3, 8), [7, 11])
      if (y > 1) area('advocacy', 'Орон нутгийн засаг захиргаатай нөлөөллийн уулзалт', '1.3', [4, 8], rng.int(2, 4), [12])
      if (y > 0) area('lecture_seminar', 'Лекц: нийгмийн ажил, бүлгийн хөгжил', '1.1', [15, 25], 0, [9])
    }
    const national = (p: Omit<Planned, 'areas' | 'endsOn'> & { days?: number }) => planned.push({ ...p, areas: branches, endsOn: addDays(p.startsOn, (p.days ?? 1) - 1) })
    for (let q = 0; q < 4; q++) {
      const n = y * 4 + q + 1
      const printed = rng.int(5, 6) * 100
      national({ type: 'magazine', title: `«Ярилцъя» сэтгүүл, №${n}`, startsOn: addDays(addYears('2007-05-10', y), 91 * q), line: '1.4', persons: [], outsiders: 0, partners: [11], vouchers: 1, issue: `№${n}`, copies: [printed, printed - rng.int(0, 60)] })
    }
    if (y > 0) {
      const startsOn = addYears('2007-10-15', y)
      national({ type: 'conference', title: `ННС-ийн ${2007 + y} оны бага хурал`, startsOn, days: 2, line: '1.5', persons: branches.flatMap((b) => some(membersOn(b, startsOn), rng.int(4, 6))), outsiders: rng.int(4, 6), partners: [1, 3, 2], vouchers: 3 })
    }
    national({ type: 'partnership', title: 'Дани-Монголын нийгэмлэгтэй хамтын ажиллагааны уулзалт', startsOn: addYears('2007-09-05', y), line: null, persons: [], outsiders: 2, partners: [1, 2], vouchers: 0 })
  }
  planned.push({ type: 'website', title: 'ННС-ийн цахим хуудас нээсэн', startsOn: '2007-11-01', endsOn: '2007-11-01', areas: branches, line: '1.4', persons: [], outsiders: 0, partners: [], vouchers: 2 })
  planned.push({ type: 'publication', title: 'Өөртөө туслах бүлгийн гарын авлага', startsOn: '2008-09-15', endsOn: '2008-09-15', areas: branches, line: '1.4', persons: [], outsiders: 0, partners: [4], vouchers: 2, copies: [1000, 940] })
  planned.sort((a, b) => a.startsOn.localeCompare(b.startsOn))

  // Vouchers per sub-line and area, oldest first; a voucher pays for one activity (loan capital for none).
  const vouchers = await target.sql.all<{ id: number; line: string; branch: number; on: string }>(
    `SELECT e.id, l.code AS line, e.branch_id AS branch, e.spent_on AS "on" FROM expense e JOIN budget_line l ON l.id = e.line_id
     WHERE e.project_id = :projectId AND e.currency = 'MNT' AND e.voided_at IS NULL AND e.branch_id IS NOT NULL AND l.code LIKE '1.%'
       AND NOT EXISTS (SELECT 1 FROM group_fund_entry f WHERE f.expense_id = e.id AND f.kind = 'capital' AND f.amount_minor > 0)
     ORDER BY e.spent_on, e.id`,
    { projectId },
  )
  const used = new Set<number>()

  const activities = await new Rows<ActivityEntity>('activity', ActivityEntity).start(target)
  const participants = await new Rows<ActivityParticipantEntity>('activity_participant', ActivityParticipantEntity).start(target)
  const areas: ActivityAreaEntity[] = []
  const partners: ActivityPartnerEntity[] = []
  const expenses: ActivityExpenseEntity[] = []
  for (const p of planned) {
    if (p.endsOn > ctx.end) continue
    const id = activities.add({
      projectId,
      type: p.type,
      title: p.title,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      facilitator: p.areas.length === 1 ? facilitator.get(p.areas[0]!)! : 'ДаМоСТ',
      budgetLineId: p.line === null ? null : lines.get(p.line)!,
      notes: null,
      issue: p.issue ?? null,
      copiesPrinted: p.copies?.[0] ?? null,
      copiesDistributed: p.copies?.[1] ?? null,
      createdAt: now,
      createdBy: actor,
    })
    for (const b of p.areas) areas.push({ activityId: id, branchId: b })
    for (const n of new Set(p.partners)) partners.push({ activityId: id, partnerId: partner.get(n)! })
    for (const personId of p.persons) participants.add({ activityId: id, personId, name: null, sex: null, branchId: null })
    for (let i = 0; i < p.outsiders; i++) {
      const female = rng.chance(0.65)
      participants.add({ activityId: id, personId: null, name: `${rng.pick(['Б', 'Д', 'Ц', 'Г', 'С', 'Т'])}. ${rng.pick(female ? FEMALE_NAMES : MALE_NAMES)}`, sex: female ? 'female' : 'male', branchId: p.areas.length === 1 ? p.areas[0]! : null })
    }
    if (p.line === null || p.vouchers === 0) continue
    const near = vouchers.filter((v) => !used.has(v.id) && v.line === p.line && p.areas.includes(v.branch) && v.on >= addDays(p.startsOn, -20) && v.on <= addDays(p.endsOn, 45))
    for (const v of near.slice(0, p.vouchers)) {
      used.add(v.id)
      expenses.push({ activityId: id, expenseId: v.id })
    }
  }
  const count = activities.rows.length
  await flush(target, activities, participants)
  await insertMany(target.tx, ActivityAreaEntity, areas)
  await insertMany(target.tx, ActivityPartnerEntity, partners)
  await insertMany(target.tx, ActivityExpenseEntity, expenses)
  return count
}
