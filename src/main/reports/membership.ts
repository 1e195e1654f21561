import type { Sql } from '../db/sql'
import { membershipOn, type BranchEventLike, type MembershipEventType } from '../../shared/domain/membership'
import type { Lang } from '../../shared/i18n'
import { dayBefore } from '../../shared/domain/dates'
import { periodLabel, translator, writerLabels } from './common'
import type { CellValue, ReportModel } from './model'
import { MEMBER_NAME_SQL } from '../services/names.sql'

export interface MembershipFigures {
  byBranch: Array<{
    branchId: number
    branch: string
    start: number
    applications: number
    acceptances: number
    rejections: number
    exclusions: number
    resignations: number
    deaths: number
    end: number
    women: number
    men: number
    organisations: number
  }>
  /** Each person named with what identifies her: the civil register number, else her household's number. */
  decisions: Array<{ date: string; member: string; identifier: string; branch: string; type: 'rejected' | 'excluded'; reason: string | null; reference: string | null }>
  households: Array<{ branchId: number; branch: string; households: number; newHouseholds: number; persons: number; swh: number; children: number }>
}

const COUNTED: Partial<Record<MembershipEventType, keyof MembershipFigures['byBranch'][number]>> = {
  applied: 'applications',
  accepted: 'acceptances',
  rejected: 'rejections',
  excluded: 'exclusions',
  resigned: 'resignations',
  died: 'deaths',
}

/** The query step: membership figures per local organisation for a period, from the register's history. */
export async function membershipFigures(sql: Sql, from: string, to: string, lang: Lang): Promise<MembershipFigures> {
  const branches = await sql.all<{ id: number; mn: string; en: string; project: number }>(
    `SELECT id, name_mn AS mn, name_en AS en, is_project_branch AS project FROM branch ORDER BY is_project_branch DESC, name_en, id`,
  )
  const name = (b: { mn: string; en: string }) => (lang === 'mn' ? b.mn : b.en)
  const rows = new Map(
    branches.map((b) => [b.id, { branchId: b.id, branch: name(b), start: 0, applications: 0, acceptances: 0, rejections: 0, exclusions: 0, resignations: 0, deaths: 0, end: 0, women: 0, men: 0, organisations: 0 }]),
  )
  const events = await sql.all<BranchEventLike & { membershipId: number; memberType: string; gender: string | null }>(
    `SELECT m.id AS "membershipId", e.branch_id AS "branchId", m.member_type AS "memberType", p.gender, e.type, e.effective_date AS "effectiveDate", e.seq
     FROM membership_event e JOIN membership m ON m.id = e.membership_id LEFT JOIN person p ON p.id = m.person_id
     WHERE e.effective_date <= :to ORDER BY m.id, e.id`,
    { to },
  )
  const byMembership = new Map<number, typeof events>()
  for (const e of events) {
    const list = byMembership.get(e.membershipId) ?? []
    list.push(e)
    byMembership.set(e.membershipId, list)
    const counted = COUNTED[e.type]
    if (counted && e.effectiveDate >= from) (rows.get(e.branchId)![counted] as number) += 1
  }
  const before = dayBefore(from)
  for (const list of byMembership.values()) {
    // Each date counts the member at the local organisation of the decision then in effect.
    const atStart = membershipOn(list, before)
    if (atStart?.status === 'active') rows.get(atStart.branchId)!.start += 1
    const atEnd = membershipOn(list, to)
    if (atEnd?.status === 'active') {
      const row = rows.get(atEnd.branchId)!
      row.end += 1
      if (list[0].memberType === 'organisation') row.organisations += 1
      else if (list[0].gender === 'female') row.women += 1
      else row.men += 1
    }
  }
  const decisions = (
    await sql.all<{ date: string; type: 'rejected' | 'excluded'; reason: string | null; reference: string | null; mn: string; en: string; member: string; register: string | null; household: number | null }>(
      `SELECT e.effective_date AS date, e.type, e.reason, e.reference, b.name_mn AS mn, b.name_en AS en,
        ${MEMBER_NAME_SQL} AS member, p.register_number AS register, p.household_id AS household
       FROM membership_event e JOIN membership m ON m.id = e.membership_id JOIN branch b ON b.id = e.branch_id
       LEFT JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id
       WHERE e.type IN ('rejected', 'excluded') AND e.effective_date BETWEEN :from AND :to ORDER BY e.effective_date, e.id`,
      { from, to },
    )
  ).map((d) => ({
    date: d.date,
    member: d.member,
    identifier: d.register ?? (d.household === null ? '' : `${lang === 'mn' ? 'Өрх' : 'Household'} ${d.household}`),
    branch: name(d),
    type: d.type,
    reason: d.reason,
    reference: d.reference,
  }))
  const households = (
    await sql.all<{ branchId: number; mn: string; en: string; households: number; newHouseholds: number; swh: number; children: number; persons: number }>(
      `SELECT b.id AS "branchId", b.name_mn AS mn, b.name_en AS en, count(h.id) AS households,
        coalesce(sum(CASE WHEN h.registered_on >= :from THEN 1 ELSE 0 END), 0) AS "newHouseholds",
        coalesce(sum(h.single_woman_headed), 0) AS swh, coalesce(sum(h.children_count), 0) AS children,
        coalesce(sum(hp.n), 0) AS persons
       FROM branch b JOIN household h ON h.branch_id = b.id AND h.registered_on <= :to
       LEFT JOIN (SELECT household_id, count(*) AS n FROM person WHERE household_id IS NOT NULL GROUP BY household_id) hp ON hp.household_id = h.id
       GROUP BY b.id, b.name_mn, b.name_en, b.is_project_branch ORDER BY b.is_project_branch DESC, b.name_en, b.id`,
      { from, to },
    )
  ).map(({ mn, en, ...h }) => ({ ...h, branch: name({ mn, en }) }))
  return { byBranch: [...rows.values()], decisions, households }
}

/** Builds the membership report model for a period in a language. */
export async function membershipReport(sql: Sql, opts: { from: string; to: string; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(opts.lang)
  const f = await membershipFigures(sql, opts.from, opts.to, opts.lang)
  const sum = <K extends string>(rows: Array<Record<K, unknown>>, k: K) => rows.reduce((s, r) => s + (r[k] as number), 0)
  const int = (key: string, label: Parameters<typeof t>[0]) => ({ key, label: t(label), type: 'int' as const })
  const memberCols = [
    { key: 'branch', label: t('report.col.branch'), type: 'text' as const },
    int('start', 'report.col.start'),
    int('applications', 'report.col.applications'),
    int('acceptances', 'report.col.acceptances'),
    int('rejections', 'report.col.rejections'),
    int('exclusions', 'report.col.exclusions'),
    int('resignations', 'report.col.resignations'),
    int('deaths', 'report.col.deaths'),
    int('end', 'report.col.end'),
    int('women', 'report.col.women'),
    int('men', 'report.col.men'),
    int('organisations', 'report.col.organisations'),
  ]
  const eventLabel = (type: 'rejected' | 'excluded') => t(`event.${type}`)
  // Members at the start + accepted − left (excluded, resigned, died) = members at the end; rejected applicants never were members.
  const left = sum(f.byBranch, 'exclusions') + sum(f.byBranch, 'resignations') + sum(f.byBranch, 'deaths')
  const [start, accepted, end] = [sum(f.byBranch, 'start'), sum(f.byBranch, 'acceptances'), sum(f.byBranch, 'end')]
  return {
    report: 'membership',
    lang: opts.lang,
    title: t('report.membership.title'),
    organisation: t('report.organisation'),
    period: { from: opts.from, to: opts.to, label: periodLabel(opts.from, opts.to) },
    generatedAt: opts.generatedAt,
    summary: [
      { label: t('report.sum.start'), value: start, type: 'int' },
      { label: `+ ${t('report.sum.acceptances')}`, value: accepted, type: 'int' },
      { label: `- ${t('report.sum.left')}`, value: left, type: 'int' },
      { label: `= ${t('report.sum.end')}`, value: end, type: 'int' },
      { label: t('report.sum.applications'), value: sum(f.byBranch, 'applications'), type: 'int' },
      { label: t('report.sum.rejected'), value: sum(f.byBranch, 'rejections'), type: 'int' },
      { label: t('report.sum.households'), value: sum(f.households, 'households'), type: 'int' },
      { label: t('report.sum.persons'), value: sum(f.households, 'persons'), type: 'int' },
      { label: t('report.sum.swh'), value: sum(f.households, 'swh'), type: 'int' },
      { label: t('report.sum.children'), value: sum(f.households, 'children'), type: 'int' },
    ],
    sections: [
      {
        title: t('report.membership.byBranch'),
        sheetName: t('report.membership.byBranchSheet'),
        description: t('report.membership.byBranchDesc'),
        table: {
          columns: memberCols,
          rows: f.byBranch as unknown as Array<Record<string, CellValue>>,
          total: { label: t('report.total'), keys: memberCols.filter((c) => c.type === 'int').map((c) => c.key) },
        },
      },
      {
        title: t('report.membership.decisions'),
        sheetName: t('report.membership.decisionsSheet'),
        table: {
          columns: [
            { key: 'date', label: t('report.col.date'), type: 'date' },
            { key: 'member', label: t('report.col.member'), type: 'text' },
            { key: 'identifier', label: t('report.col.identifier'), type: 'text' },
            { key: 'branch', label: t('report.col.branch'), type: 'text' },
            { key: 'decision', label: t('report.col.decision'), type: 'text' },
            { key: 'reason', label: t('report.col.reason'), type: 'text' },
            { key: 'reference', label: t('report.col.reference'), type: 'text' },
          ],
          rows: f.decisions.map((d) => ({ date: d.date, member: d.member, identifier: d.identifier, branch: d.branch, decision: eventLabel(d.type), reason: d.reason, reference: d.reference })),
        },
        notes: f.decisions.length ? [] : [t('report.none')],
      },
      {
        title: t('report.membership.households'),
        sheetName: t('report.membership.householdsSheet'),
        description: t('report.membership.householdsDesc'),
        table: {
          columns: [
            { key: 'branch', label: t('report.col.branch'), type: 'text' },
            int('households', 'report.col.households'),
            int('newHouseholds', 'report.col.newHouseholds'),
            int('persons', 'report.col.persons'),
            int('swh', 'report.col.swh'),
            int('children', 'report.col.children'),
          ],
          rows: f.households as unknown as Array<Record<string, CellValue>>,
          total: { label: t('report.total'), keys: ['households', 'newHouseholds', 'persons', 'swh', 'children'] },
        },
      },
    ],
    notes: [
      ...(start + accepted - left === end ? [] : [t('report.membership.unbalanced', { start, accepted, left, end })]),
      t('report.membership.note1'),
      t('report.membership.note2'),
      t('report.membership.note3'),
    ],
    rates: [],
    labels: writerLabels(t),
  }
}
