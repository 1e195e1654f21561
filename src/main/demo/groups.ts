import { CboEntity, GroupDocumentEntity, GroupMeetingEntity, GroupMemberEntity, GroupOfficeEntity, LsgEntity, MeetingAttendanceEntity, SsgEntity } from '../db/entities'
import { flush, Rows, type LoadTarget } from './rows'
import { DemoSavings } from './savings'
import { loadActivities } from './activities'
import { loadSurvey } from './survey'
import { DemoLoans, LAST_MEETING } from './loans'
import { pushTo } from '../../shared/domain/lists'
import { addDays, Random } from './random'
import { expectedMeetings } from '../../shared/domain/meetings'
import type { AttendanceStatus } from '../../shared/api/groupsTypes'

/*
 * The project's self-help groups in the demo: per project area, large groups
 * formed as its households joined the project (about 40 families each; two
 * per area in each of project years 1-3 at full scale), small groups of 5-8
 * inside them, one member per household (its mother where there is one),
 * a few members leaving or moving, a CBO per area, and — unless left out —
 * the weekly and monthly meetings to March 2011 with attendance and the
 * yearly elections. Drawn from its own random stream, so the rest of the demo
 * stays exactly as it was.
 */

export interface GroupCounts {
  cbos: number
  lsgs: number
  ssgs: number
  groupMembers: number
  meetings: number
  attendance: number
  offices: number
  documents: number
  savingsEntries: number
  loans: number
  repayments: number
  /** Activities recorded (micro-credit education sessions and the rest); absent without the groups' meetings. */
  activities?: number
  /** Household survey entries (baselines and follow-ups). */
  surveys?: number
}

const LSG_TEXT = {
  election: 'Дарга, нярвыг жил бүр бүх гишүүдийн хурлаар олонхийн саналаар сонгоно.',
  meetingTime: 'Сар бүр тогтсон өдөр нэгдсэн хурал хийнэ.',
  participation: 'Өрх бүрээс нэг төлөөлөгч заавал оролцоно.',
  discipline: 'Хурлаас хоцрох, тасалбал шалтгаанаа урьдчилан мэдэгдэнэ.',
  sanctions: 'Шалтгаангүй тасалбал 500 ₮-ийн торгууль төлнө.',
  monitoring: 'Жижиг бүлгүүдийн ажлыг сар бүр хянана.',
  evaluation: 'Жилийн эцэст үр дүнгээ үнэлнэ.',
  accounts: 'Сангийн орлого, зарлагыг улирал бүр тайлагнана.',
}
const SSG_TEXT = {
  meetings: 'Долоо хоног бүр тогтсон гарагт хуралдана.',
  savings: 'Гишүүн бүр долоо хоног бүр тогтсон хэмжээгээр хадгална.',
  loans: 'Зээлийг бүлгийн шийдвэрээр, хадгаламж, сургалтад үндэслэн олгоно.',
  mutualHelp: 'Бие биедээ тусалж, хүндрэлтэй үед дэмжинэ.',
  sanctions: 'Хадгаламж хоцоровол 200 ₮-ийн торгууль төлнө.',
}

const CBO_TEXT = {
  goals: 'Гишүүн өрхүүдийн амьжиргааг дээшлүүлэх, хамтын ашиг сонирхлыг хамгаалах.',
  membership: 'Бүсийн том бүлгүүдийн гишүүн бүр холбооны гишүүн байна.',
  governance: 'Дарга, нярвыг жил бүр нэгдсэн хурлаар сонгоно.',
  funds: 'Зээлийн эргэн төлөлтийн хагасаар байгууллагын хөгжлийн санг бүрдүүлнэ.',
  reporting: 'Жил бүр нэгдсэн хуралд үйл ажиллагаа, санхүүгийн тайлан тавина.',
}

const SSG_NAMES = ['Нарлаг', 'Цэцэг', 'Ирээдүй', 'Итгэл', 'Найдвар', 'Хөгжил', 'Эв нэгдэл', 'Тэмүүлэл', 'Оч', 'Өргөө', 'Саран', 'Гэрэл']
const LEAVE_REASONS = ['Өөр аймаг руу нүүсэн', 'Ажилд орсон, цаг гаргах боломжгүй', 'Гэр бүлийн шалтгаанаар', 'Хотод шилжсэн']
const END = LAST_MEETING
const FAMILIES_PER_LSG = 40

function status(rng: Random, weights: [number, number, number, number]): AttendanceStatus {
  const r = rng.next()
  if (r < weights[0]) return 'present'
  if (r < weights[0] + weights[1]) return 'late'
  if (r < weights[0] + weights[1] + weights[2]) return 'represented'
  if (r < weights[0] + weights[1] + weights[2] + weights[3]) return 'excused'
  return 'absent'
}

/** Splits n into k sizes as equal as possible, larger first. */
const sizes = (n: number, k: number) => Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0))

export async function loadGroups(target: LoadTarget, seed: number, now: string, actor: string, meetings = true): Promise<GroupCounts> {
  const rng = new Random(seed * 7 + 1212)
  const counts: GroupCounts = { cbos: 0, lsgs: 0, ssgs: 0, groupMembers: 0, meetings: 0, attendance: 0, offices: 0, documents: 0, savingsEntries: 0, loans: 0, repayments: 0 }
  const cboRows = await new Rows<CboEntity>('cbo', CboEntity).start(target)
  const lsgRows = await new Rows<LsgEntity>('lsg', LsgEntity).start(target)
  const ssgRows = await new Rows<SsgEntity>('ssg', SsgEntity).start(target)
  const memberRows = await new Rows<GroupMemberEntity>('group_member', GroupMemberEntity).start(target)
  const meetingRows = await new Rows<GroupMeetingEntity>('group_meeting', GroupMeetingEntity).start(target)
  const attendanceRows = await new Rows<MeetingAttendanceEntity>('meeting_attendance', MeetingAttendanceEntity).start(target)
  const officeRows = await new Rows<GroupOfficeEntity>('group_office', GroupOfficeEntity).start(target)
  const documentRows = await new Rows<GroupDocumentEntity>('group_document', GroupDocumentEntity).start(target)

  const branches = await target.sql.all<{ id: number; code: string; mn: string }>(`SELECT id, code, name_mn AS mn FROM branch WHERE is_project_branch = 1 ORDER BY id`)
  const households = await target.sql.all<{ id: number; branchId: number; registeredOn: string }>(
    `SELECT id, branch_id AS "branchId", registered_on AS "registeredOn" FROM household WHERE registered_on IS NOT NULL ORDER BY registered_on, id`,
  )
  // The household's member: its mother (a woman born before 1992) where there is one, else its head.
  const people = await target.sql.all<{ id: number; householdId: number; gender: string; birthDate: string | null }>(
    `SELECT id, household_id AS "householdId", gender, birth_date AS "birthDate" FROM person WHERE household_id IS NOT NULL ORDER BY id`,
  )
  const memberOf = new Map<number, number>()
  const motherFound = new Set<number>()
  for (const p of people) {
    const mother = p.gender === 'female' && (p.birthDate ?? '') < '1992-01-01'
    if (motherFound.has(p.householdId)) continue
    if (mother) {
      memberOf.set(p.householdId, p.id)
      motherFound.add(p.householdId)
    } else if (!memberOf.has(p.householdId)) memberOf.set(p.householdId, p.id)
  }

  interface Period { ssg: number; person: number; household: number; joined: string; left: string | null }
  const periods: Period[] = []
  const ssgsOf = new Map<number, Array<{ id: number; formedOn: string; weekday: number }>>()
  const lsgInfo: Array<{ id: number; formedOn: string; week: number; weekday: number }> = []
  const cbos: Array<{ branchId: number; name: string; foundedOn: string }> = []
  const lsgBranch = new Map<number, number>()

  for (const b of branches) {
    const mine = households.filter((h) => h.branchId === b.id)
    let lsgNo = 0
    for (let y = 0; y < 3; y++) {
      const yearHouseholds = mine.filter((h) => h.registeredOn >= `${2007 + y}-03-01` && h.registeredOn <= `${2008 + y}-02-29`)
      if (yearHouseholds.length === 0) continue
      const k = Math.max(1, Math.round(yearHouseholds.length / FAMILIES_PER_LSG))
      let at = 0
      for (const lsgSize of sizes(yearHouseholds.length, k)) {
        const chunk = yearHouseholds.slice(at, at + lsgSize)
        at += lsgSize
        lsgNo++
        const formedOn = chunk[0]!.registeredOn
        const lsg = { week: rng.int(1, 4), weekday: rng.int(1, 6) }
        const lsgId = lsgRows.add({ branchId: b.id, code: `${b.code}-${lsgNo}`, name: `${b.mn} ${lsgNo}-р бүлэг`, formedOn, projectYear: y + 1, meetingWeek: lsg.week, meetingWeekday: lsg.weekday, createdAt: now, updatedAt: now })
        counts.lsgs++
        lsgInfo.push({ id: lsgId, formedOn, ...lsg })
        lsgBranch.set(lsgId, b.id)
        const ssgCount = Math.max(1, Math.round(chunk.length / 6.5))
        let sat = 0
        const siblings: Array<{ id: number; formedOn: string; weekday: number }> = []
        for (const [s, ssgSize] of sizes(chunk.length, ssgCount).entries()) {
          const families = chunk.slice(sat, sat + ssgSize)
          sat += ssgSize
          const ssgFormed = families[0]!.registeredOn
          const weekday = rng.int(1, 6)
          const ssgId = ssgRows.add({ lsgId, code: `${b.code}-${lsgNo}-${String.fromCharCode(65 + s)}`, name: SSG_NAMES[(s + lsgNo) % SSG_NAMES.length]!, formedOn: ssgFormed, meetingWeekday: weekday, createdAt: now, updatedAt: now })
          counts.ssgs++
          siblings.push({ id: ssgId, formedOn: ssgFormed, weekday })
          for (const h of families) {
            const person = memberOf.get(h.id)
            if (person === undefined) continue
            periods.push({ ssg: ssgId, person, household: h.id, joined: h.registeredOn, left: null })
          }
        }
        ssgsOf.set(lsgId, siblings)
      }
    }
    // The area's CBO, founded by the unified meeting once its large groups had run a while.
    cbos.push({ branchId: b.id, name: `${b.mn} — өөртөө туслах бүлгүүдийн холбоо`, foundedOn: rng.date('2009-09-01', '2009-11-30') })
  }
  // A few members leave, a few move to another small group of their large group.
  const lsgOfSsg = new Map<number, number>()
  for (const [lsgId, list] of ssgsOf) for (const s of list) lsgOfSsg.set(s.id, lsgId)
  const moved: Period[] = []
  for (const p of periods) {
    const r = rng.next()
    if (r < 0.03) {
      p.left = rng.date(addDays(p.joined, 90), '2011-02-28')
      ;(p as Period & { reason?: string }).reason = rng.pick(LEAVE_REASONS)
    } else if (r < 0.05) {
      const others = ssgsOf.get(lsgOfSsg.get(p.ssg)!)!.filter((s) => s.id !== p.ssg)
      if (others.length === 0) continue
      const to = rng.pick(others)
      const earliest = addDays(p.joined > to.formedOn ? p.joined : to.formedOn, 60)
      if (earliest > '2011-01-31') continue
      const on = rng.date(earliest, '2011-01-31')
      p.left = on
      ;(p as Period & { movedTo?: number }).movedTo = to.id
      moved.push({ ssg: to.id, person: p.person, household: p.household, joined: on, left: null })
    }
  }
  const allPeriods = [...periods, ...moved]
  for (const p of allPeriods) {
    const extra = p as Period & { reason?: string; movedTo?: number }
    memberRows.add({ ssgId: p.ssg, personId: p.person, householdId: p.household, joinedOn: p.joined, leftOn: p.left, leftReason: extra.movedTo ? 'moved' : (extra.reason ?? null), movedToSsgId: extra.movedTo ?? null, createdAt: now, createdBy: actor })
    counts.groupMembers++
  }

  // The CBOs (from their own random stream, so the groups' stays as it was): three of the five registered with the state in 2010.
  const cboRng = new Random(seed * 7 + 1515)
  const cboIds = cbos.map((c, i) => {
    const registered = i < 3 ? cboRng.date(addDays(c.foundedOn, 120), '2010-12-31') : null
    counts.cbos++
    return cboRows.add({ ...c, registrationNumber: registered ? String(cboRng.int(9_000_000, 9_999_999)) : null, registeredOn: registered, createdAt: now })
  })

  const savings = await DemoSavings.start(target, seed, now, actor)
  const loans = new DemoLoans(seed, now, actor)
  savings.onDeposit = (personId, on, amount) => loans.deposit(personId, on, amount)
  if (meetings) {
    const bySsg = new Map<number, Period[]>()
    for (const p of allPeriods) pushTo(bySsg, p.ssg, p)
    const activeOn = (list: Period[], on: string) => list.filter((p) => p.joined <= on && (p.left === null || p.left > on))
    const hold = (type: 'ssg' | 'lsg' | 'cbo', groupId: number, dates: string[], members: (on: string) => Period[], weights: [number, number, number, number], offices: Array<'chair' | 'treasurer' | 'representative'>) => {
      let lastElection: string | null = null
      let adopted = false
      let weekly: number | null = null
      for (const d of dates) {
        if (type !== 'cbo' && !rng.chance(type === 'ssg' ? 0.93 : 0.95)) continue
        const present = members(d)
        if (present.length === 0) continue
        const id = meetingRows.add({ groupType: type, groupId, heldOn: d, minutes: null, decisions: null, createdAt: now, createdBy: actor })
        counts.meetings++
        let everyone = true
        const marks: Array<[number, AttendanceStatus]> = []
        for (const p of present) {
          const s = status(rng, weights)
          if (s !== 'present' && s !== 'late') everyone = false
          attendanceRows.add({ meetingId: id, personId: p.person, status: s })
          marks.push([p.person, s])
          counts.attendance++
        }
        // The regulations (large group), charter (CBO) or rules (small group, with all its members there) at the first meeting that can adopt them.
        if (!adopted && (type !== 'ssg' || everyone)) {
          // `version` is the document's own version here (Rows leaves out a record's edit version).
          const weeklySavingsMinor = type === 'ssg' ? rng.pick([50_000, 100_000, 100_000, 150_000]) : null
          documentRows.add({ ...({ version: 1 } as object), groupType: type, groupId, meetingId: id, clauses: JSON.stringify({ lsg: LSG_TEXT, ssg: SSG_TEXT, cbo: CBO_TEXT }[type]), weeklySavingsMinor, createdAt: now, createdBy: actor })
          adopted = true
          weekly = weeklySavingsMinor
          counts.documents++
        }
        if (type === 'ssg') {
          savings.meeting(id, groupId, d, weekly, marks)
          loans.ssgMeeting({ id, ssgId: groupId, on: d, weekly, marks })
        } else if (type === 'lsg') loans.lsgMeeting(id, groupId, d)
        // Elections at the first meeting, then at the first meeting a year on.
        if (lastElection === null || addDays(lastElection, 365) <= d) {
          const candidates = [...new Set(present.map((p) => p.person))]
          const chosen = new Set<number>()
          for (const office of offices) {
            const pick = candidates.filter((c) => !chosen.has(c))
            if (pick.length === 0) break
            const person = rng.pick(pick)
            chosen.add(person)
            officeRows.add({ meetingId: id, office, personId: person, createdAt: now, createdBy: actor })
            counts.offices++
          }
          lastElection = d
        }
      }
    }
    for (const [lsgId, list] of ssgsOf) {
      const all: Period[] = []
      for (const s of list) {
        const mine = bySsg.get(s.id) ?? []
        all.push(...mine)
        hold('ssg', s.id, expectedMeetings({ type: 'ssg', formedOn: s.formedOn, weekday: s.weekday, week: null }, END), (on) => activeOn(mine, on), [0.86, 0.05, 0.03, 0.03], ['representative'])
      }
      const l = lsgInfo.find((x) => x.id === lsgId)!
      const byPerson = (on: string) => {
        const seen = new Set<number>()
        return activeOn(all, on).filter((p) => !seen.has(p.person) && seen.add(p.person))
      }
      hold('lsg', lsgId, expectedMeetings({ type: 'lsg', formedOn: l.formedOn, weekday: l.weekday, week: l.week }, END), byPerson, [0.8, 0.07, 0.05, 0.04], ['chair', 'treasurer'])
    }
    // Each CBO's founding unified meeting (charter, leaders) and one a year on, every member of the area's groups on the sheet.
    for (const [i, c] of cbos.entries()) {
      const areaSsgs = new Set([...ssgsOf].filter(([lsgId]) => lsgBranch.get(lsgId) === c.branchId).flatMap(([, list]) => list.map((x) => x.id)))
      const area = allPeriods.filter((p) => areaSsgs.has(p.ssg))
      const everyone = (on: string) => {
        const seen = new Set<number>()
        return activeOn(area, on).filter((p) => !seen.has(p.person) && seen.add(p.person))
      }
      hold('cbo', cboIds[i]!, [c.foundedOn, addDays(c.foundedOn, 371)], everyone, [0.75, 0.08, 0.07, 0.05], ['chair', 'treasurer'])
    }
    // Members who left their group (not by moving) take their savings with them.
    for (const p of allPeriods) {
      const extra = p as Period & { movedTo?: number }
      if (p.left !== null && extra.movedTo === undefined) savings.leave(p.person, p.ssg, p.left)
    }
    counts.savingsEntries = savings.count
    const weekdayOfSsg = new Map([...ssgsOf.values()].flat().map((x) => [x.id, x.weekday]))
    Object.assign(counts, await loans.load(target, { periods: allPeriods, lsgOfSsg, branchOfLsg: lsgBranch, weekdayOfSsg, end: END, cboFounded: new Map(cbos.map((c) => [c.branchId, c.foundedOn])) }))
  }
  await flush(target, cboRows, lsgRows, ssgRows, memberRows, meetingRows, attendanceRows, officeRows, documentRows, savings.rows, ...loans.rows)
  if (meetings) counts.activities = await loadActivities(target, seed, now, actor, { sessions: loans.sessions, periods: allPeriods, lsgOfSsg, branchOfLsg: lsgBranch, end: END })
  if (meetings) counts.surveys = await loadSurvey(target, seed, now, allPeriods, '2011-02-28')
  return counts
}
