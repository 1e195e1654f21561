import type { Lang } from '../../shared/i18n'
import type { ServiceContext } from '../services/context'
import { groupTree, ssgFlags } from '../services/groups/structure'
import { PERSON_SHORT_NAME_SQL } from '../services/names.sql'
import { groupOffices } from '../services/groups/offices'
import { expectedMeetings } from '../../shared/domain/meetings'
import { periodLabel, translator, writerLabels, type T } from './common'
import type { CellValue, ReportModel } from './model'
import { todayIso } from '../../shared/domain/dates'
import { expectedUntil } from '../services/groups/meetings'

/*
 * The self-help group reports: the groups register of a year (as at its last
 * day, or today in the current year) and attendance over a period. Figures
 * come from the same services the group pages show.
 */

const flagText = (t: T, flags: Array<{ key: Parameters<T>[0]; vars: Record<string, string | number> }>) => flags.map((f) => t(f.key, f.vars)).join('; ')

/** The groups register: per area its CBO and large groups; per large group its small groups, members and office holders. */
export async function groupsReport(ctx: ServiceContext, opts: { year: number; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(opts.lang)
  const name = (n: { mn: string; en: string }) => (opts.lang === 'mn' ? n.mn : n.en)
  const endOfYear = `${opts.year}-12-31`
  const on = endOfYear < todayIso(ctx.now) ? endOfYear : todayIso(ctx.now)
  const areas = await groupTree(ctx, { on })
  const lsgRows: Array<Record<string, CellValue>> = []
  const ssgRows: Array<Record<string, CellValue>> = []
  let overdue = 0
  const documents = new Map(
    (
      await ctx.sql.all<{ type: string; id: number; version: number; heldOn: string }>(
        `SELECT d.group_type AS type, d.group_id AS id, d.version, m.held_on AS "heldOn" FROM group_document d JOIN group_meeting m ON m.id = d.meeting_id WHERE m.held_on <= :on ORDER BY d.version`,
        { on },
      )
    ).map((d) => [`${d.type}/${d.id}`, t('g.documentVersion', { version: d.version, date: d.heldOn.replace(/-/g, '.') })]),
  )
  const cboRows: Array<Record<string, CellValue>> = []
  for (const a of areas) {
    if (a.cbo && a.cbo.foundedOn <= on) {
      const offices = await groupOffices(ctx, { groupType: 'cbo', groupId: a.cbo.id }, on)
      if (offices.overdue) overdue++
      const registered = a.cbo.registeredOn !== null && a.cbo.registeredOn <= on
      cboRows.push({
        area: name(a.branchName),
        name: a.cbo.name,
        founded: a.cbo.foundedOn,
        registrationNumber: registered ? a.cbo.registrationNumber : null,
        registeredOn: registered ? a.cbo.registeredOn : null,
        chair: offices.current.find((c) => c.office === 'chair')?.name ?? null,
        treasurer: offices.current.find((c) => c.office === 'treasurer')?.name ?? null,
        overdue: offices.overdue ? t('report.yes') : t('report.no'),
        document: documents.get(`cbo/${a.cbo.id}`) ?? t('report.groups.noDocument'),
      })
    }
    for (const l of a.lsgs.filter((x) => x.formedOn <= on)) {
      const offices = await groupOffices(ctx, { groupType: 'lsg', groupId: l.id }, on)
      if (offices.overdue) overdue++
      const holder = (o: 'chair' | 'treasurer') => offices.current.find((c) => c.office === o)?.name ?? null
      lsgRows.push({
        area: name(a.branchName),
        code: l.code,
        name: l.name,
        formed: l.formedOn,
        year: l.projectYear,
        ssgs: l.ssgs,
        families: l.families,
        persons: l.persons,
        swh: l.singleWomanHeaded,
        chair: holder('chair'),
        treasurer: holder('treasurer'),
        overdue: offices.overdue ? t('report.yes') : t('report.no'),
        document: documents.get(`lsg/${l.id}`) ?? t('report.groups.noDocument'),
        flags: flagText(t, l.flags),
      })
      const ssgs = await ctx.sql.all<{ id: number; code: string; name: string; formedOn: string; members: number }>(
        `SELECT s.id, s.code, s.name, s.formed_on AS "formedOn",
           (SELECT count(*) FROM group_member gm WHERE gm.ssg_id = s.id AND gm.joined_on <= :on AND (gm.left_on IS NULL OR gm.left_on > :on)) AS members
         FROM ssg s WHERE s.lsg_id = :id AND s.formed_on <= :on ORDER BY s.code`,
        { id: l.id, on },
      )
      for (const s of ssgs) {
        const so = await groupOffices(ctx, { groupType: 'ssg', groupId: s.id }, on)
        if (so.overdue) overdue++
        const members = Number(s.members)
        ssgRows.push({
          area: name(a.branchName),
          lsg: l.code,
          code: s.code,
          name: s.name,
          formed: s.formedOn,
          members,
          representative: so.current.find((c) => c.office === 'representative')?.name ?? null,
          overdue: so.overdue ? t('report.yes') : t('report.no'),
          document: documents.get(`ssg/${s.id}`) ?? t('report.groups.noDocument'),
          flags: flagText(t, ssgFlags(members)),
        })
      }
    }
  }
  const sum = (rows: Array<Record<string, CellValue>>, key: string) => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0)
  return {
    report: 'groups',
    lang: opts.lang,
    title: t('report.groups.title'),
    organisation: t('report.organisation'),
    period: { from: `${opts.year}-01-01`, to: endOfYear, label: String(opts.year) },
    generatedAt: opts.generatedAt,
    summary: [
      { label: t('report.groups.cbos'), value: cboRows.length, type: 'int' },
      { label: t('report.groups.cbosRegistered'), value: cboRows.filter((c) => c.registeredOn !== null).length, type: 'int' },
      { label: t('g.lsgs'), value: lsgRows.length, type: 'int' },
      { label: t('g.ssgs'), value: ssgRows.length, type: 'int' },
      { label: t('report.groups.families'), value: sum(lsgRows, 'families'), type: 'int' },
      { label: t('report.groups.persons'), value: sum(lsgRows, 'persons'), type: 'int' },
      { label: t('report.groups.overdue'), value: overdue, type: 'int' },
    ],
    sections: [
      {
        title: t('report.groups.cbos'),
        sheetName: t('report.groups.cbos'),
        description: t('report.groups.asOf', { date: on.replace(/-/g, '.') }),
        table: {
          columns: [
            { key: 'area', label: t('g.area'), type: 'text' },
            { key: 'name', label: t('g.name'), type: 'text' },
            { key: 'founded', label: t('g.cboFounded'), type: 'date' },
            { key: 'registrationNumber', label: t('g.registrationNumber'), type: 'text' },
            { key: 'registeredOn', label: t('g.registeredOn'), type: 'date' },
            { key: 'chair', label: t('g.office.chair'), type: 'text' },
            { key: 'treasurer', label: t('g.office.treasurer'), type: 'text' },
            { key: 'overdue', label: t('report.groups.overdueCol'), type: 'text' },
            { key: 'document', label: t('g.charter'), type: 'text' },
          ],
          rows: cboRows,
        },
        notes: cboRows.length ? [] : [t('report.none')],
      },
      {
        title: t('g.lsgs'),
        sheetName: t('report.groups.lsgSheet'),
        description: t('report.groups.asOf', { date: on.replace(/-/g, '.') }),
        table: {
          columns: [
            { key: 'area', label: t('g.area'), type: 'text' },
            { key: 'code', label: t('g.code'), type: 'text' },
            { key: 'name', label: t('g.name'), type: 'text' },
            { key: 'formed', label: t('g.formedOn'), type: 'date' },
            { key: 'year', label: t('g.projectYear'), type: 'int' },
            { key: 'ssgs', label: t('g.ssgs'), type: 'int' },
            { key: 'families', label: t('g.families'), type: 'int' },
            { key: 'persons', label: t('g.persons'), type: 'int' },
            { key: 'swh', label: t('g.swh'), type: 'int' },
            { key: 'chair', label: t('g.office.chair'), type: 'text' },
            { key: 'treasurer', label: t('g.office.treasurer'), type: 'text' },
            { key: 'overdue', label: t('report.groups.overdueCol'), type: 'text' },
            { key: 'document', label: t('g.regulations'), type: 'text' },
            { key: 'flags', label: t('g.flags'), type: 'text' },
          ],
          rows: lsgRows,
          total: { label: t('report.total'), keys: ['ssgs', 'families', 'persons', 'swh'] },
        },
        notes: lsgRows.length ? [] : [t('report.none')],
      },
      {
        title: t('g.ssgs'),
        sheetName: t('report.groups.ssgSheet'),
        table: {
          columns: [
            { key: 'area', label: t('g.area'), type: 'text' },
            { key: 'lsg', label: t('g.lsg'), type: 'text' },
            { key: 'code', label: t('g.code'), type: 'text' },
            { key: 'name', label: t('g.name'), type: 'text' },
            { key: 'formed', label: t('g.formedOn'), type: 'date' },
            { key: 'members', label: t('g.members'), type: 'int' },
            { key: 'representative', label: t('g.office.representative'), type: 'text' },
            { key: 'overdue', label: t('report.groups.overdueCol'), type: 'text' },
            { key: 'document', label: t('g.rules'), type: 'text' },
            { key: 'flags', label: t('g.flags'), type: 'text' },
          ],
          rows: ssgRows,
          total: { label: t('report.total'), keys: ['members'] },
        },
      },
    ],
    notes: [t('report.groups.note')],
    rates: [],
    labels: writerLabels(t),
  }
}

interface AttendanceLine {
  group: string
  kind: string
  area: string
  expected: number
  held: number
  memberMeetings: number
  present: number
  late: number
  represented: number
  excused: number
  absent: number
  rate: number | null
  below: number
}

/**
 * Attendance over a period, per small and large group: meetings expected and
 * held, member-meetings and how each was attended, the rate pooled over
 * member-meetings ((present + late) ÷ member-meetings), and the members below 80%.
 */
export async function attendanceReport(ctx: ServiceContext, opts: { from: string; to: string; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(opts.lang)
  const last = await expectedUntil(ctx)
  const until = opts.to < last ? opts.to : last
  const groups = await ctx.sql.all<{ type: 'ssg' | 'lsg'; id: number; code: string; formedOn: string; weekday: number; week: number | null; mn: string; en: string }>(
    `SELECT * FROM (
       SELECT 'lsg' AS type, l.id AS id, l.code AS code, l.formed_on AS "formedOn", l.meeting_weekday AS weekday, l.meeting_week AS week, b.name_mn AS mn, b.name_en AS en FROM lsg l JOIN branch b ON b.id = l.branch_id
       UNION ALL
       SELECT 'ssg' AS type, s.id AS id, s.code AS code, s.formed_on AS "formedOn", s.meeting_weekday AS weekday, NULL AS week, b.name_mn AS mn, b.name_en AS en FROM ssg s JOIN lsg l ON l.id = s.lsg_id JOIN branch b ON b.id = l.branch_id
     ) g ORDER BY code, type`,
  )
  const counts = await ctx.sql.all<{ type: string; id: number; held: number; status: string; n: number }>(
    `SELECT m.group_type AS type, m.group_id AS id, a.status, count(*) AS n, count(DISTINCT m.id) AS held
     FROM group_meeting m JOIN meeting_attendance a ON a.meeting_id = m.id WHERE m.held_on BETWEEN :from AND :to GROUP BY m.group_type, m.group_id, a.status`,
    { from: opts.from, to: opts.to },
  )
  const held = new Map(
    (await ctx.sql.all<{ type: string; id: number; n: number }>(`SELECT group_type AS type, group_id AS id, count(*) AS n FROM group_meeting WHERE held_on BETWEEN :from AND :to GROUP BY group_type, group_id`, opts)).map((r) => [`${r.type}/${r.id}`, Number(r.n)]),
  )
  const persons = await ctx.sql.all<{ type: string; id: number; personId: number; name: string; n: number; attended: number }>(
    `SELECT m.group_type AS type, m.group_id AS id, a.person_id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, count(*) AS n,
       sum(CASE WHEN a.status IN ('present', 'late') THEN 1 ELSE 0 END) AS attended
     FROM group_meeting m JOIN meeting_attendance a ON a.meeting_id = m.id JOIN person p ON p.id = a.person_id
     WHERE m.held_on BETWEEN :from AND :to GROUP BY m.group_type, m.group_id, a.person_id, p.patronymic, p.given_name ORDER BY name`,
    { from: opts.from, to: opts.to },
  )
  const lines: AttendanceLine[] = []
  const below: Array<Record<string, CellValue>> = []
  for (const g of groups) {
    const key = `${g.type}/${g.id}`
    const c = { present: 0, late: 0, represented: 0, excused: 0, absent: 0 }
    for (const r of counts.filter((x) => x.type === g.type && Number(x.id) === g.id)) c[r.status as keyof typeof c] = Number(r.n)
    const memberMeetings = c.present + c.late + c.represented + c.excused + c.absent
    const expected = expectedMeetings({ type: g.type, formedOn: g.formedOn, weekday: g.weekday, week: g.week }, until).filter((d) => d >= opts.from).length
    const mine = persons.filter((p) => p.type === g.type && Number(p.id) === g.id && Number(p.attended) / Number(p.n) < 0.8)
    for (const p of mine) below.push({ group: g.code, member: p.name, meetings: Number(p.n), attended: Number(p.attended), rate: Number(p.attended) / Number(p.n) })
    if (!expected && !memberMeetings) continue
    lines.push({
      group: g.code,
      kind: t(g.type === 'ssg' ? 'report.attendance.ssg' : 'report.attendance.lsg'),
      area: opts.lang === 'mn' ? g.mn : g.en,
      expected,
      held: held.get(key) ?? 0,
      memberMeetings,
      ...c,
      rate: memberMeetings ? (c.present + c.late) / memberMeetings : null,
      below: mine.length,
    })
  }
  const all = lines.reduce((s, l) => ({ mm: s.mm + l.memberMeetings, att: s.att + l.present + l.late }), { mm: 0, att: 0 })
  return {
    report: 'attendance',
    lang: opts.lang,
    title: t('report.attendance.title'),
    organisation: t('report.organisation'),
    period: { from: opts.from, to: opts.to, label: periodLabel(opts.from, opts.to) },
    generatedAt: opts.generatedAt,
    summary: [
      { label: t('report.attendance.held'), value: lines.reduce((s, l) => s + l.held, 0), type: 'int' },
      { label: t('report.attendance.expected'), value: lines.reduce((s, l) => s + l.expected, 0), type: 'int' },
      { label: t('report.attendance.memberMeetings'), value: all.mm, type: 'int' },
      { label: t('report.attendance.rate'), value: all.mm ? all.att / all.mm : null, type: 'percent' },
      { label: t('report.attendance.below'), value: below.length, type: 'int' },
    ],
    sections: [
      {
        title: t('report.attendance.byGroup'),
        sheetName: t('report.attendance.groupSheet'),
        table: {
          columns: [
            { key: 'group', label: t('g.code'), type: 'text' },
            { key: 'kind', label: t('report.attendance.kind'), type: 'text' },
            { key: 'area', label: t('g.area'), type: 'text' },
            { key: 'expected', label: t('report.attendance.expected'), type: 'int' },
            { key: 'held', label: t('report.attendance.held'), type: 'int' },
            { key: 'memberMeetings', label: t('report.attendance.memberMeetings'), type: 'int' },
            { key: 'present', label: t('g.att.present'), type: 'int' },
            { key: 'late', label: t('g.att.late'), type: 'int' },
            { key: 'represented', label: t('g.att.represented'), type: 'int' },
            { key: 'excused', label: t('g.att.excused'), type: 'int' },
            { key: 'absent', label: t('g.att.absent'), type: 'int' },
            { key: 'rate', label: t('report.attendance.rate'), type: 'percent' },
            { key: 'below', label: t('report.attendance.below'), type: 'int' },
          ],
          rows: lines as unknown as Array<Record<string, CellValue>>,
          total: { label: t('report.total'), keys: ['expected', 'held', 'memberMeetings', 'present', 'late', 'represented', 'excused', 'absent', 'below'] },
        },
        notes: lines.length ? [] : [t('report.none')],
      },
      {
        title: t('report.attendance.belowTitle'),
        sheetName: t('report.attendance.belowSheet'),
        table: {
          columns: [
            { key: 'group', label: t('g.code'), type: 'text' },
            { key: 'member', label: t('g.member'), type: 'text' },
            { key: 'meetings', label: t('report.attendance.meetings'), type: 'int' },
            { key: 'attended', label: t('report.attendance.attended'), type: 'int' },
            { key: 'rate', label: t('report.attendance.rate'), type: 'percent' },
          ],
          rows: below,
        },
      },
    ],
    notes: [t('report.attendance.note')],
    rates: [],
    labels: writerLabels(t),
  }
}
