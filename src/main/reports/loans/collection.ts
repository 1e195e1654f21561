import type { Lang } from '../../../shared/i18n'
import { DomainError } from '../../../shared/domain/result'
import { addDays, formatDateMn } from '../../../shared/domain/dates'
import { expectedMeetings, meetingPeriodKey } from '../../../shared/domain/meetings'
import type { CollectionSheet } from '../../../shared/api/sheetsTypes'
import type { ServiceContext } from '../../services/context'
import { collectionSheet } from '../../services/loans/sheets'
import { groupOffices } from '../../services/groups/offices'
import { translator, writerLabels, type T } from '../common'
import { formatMnt as fmt } from '../../../shared/domain/money'
import type { CellValue, ReportColumn, ReportModel, ReportSection } from '../model'

/*
 * Collection sheets to print and to fill in (DOMAIN.md): one per small group
 * and meeting date, one per page, with what each member owes filled in and
 * the columns the treasurer fills at the meeting left empty. The .xlsx
 * carries each sheet's small group and date in a hidden sheet, so a branch
 * office can fill it in Excel and send it back to be entered.
 */

/** The columns a filled sheet is read back by (sheets.import): attendance and what was paid in or taken out. */
export const FILLED_COLUMNS = ['attendance', 'compulsoryPaid', 'voluntary', 'withdrawal', 'loanPaid'] as const

interface Target {
  ssgId: number
  code: string
  name: string
  heldOn: string
  formedOn: string
  weekday: number
  lsgCode: string
  lsgName: string
  area: { mn: string; en: string }
}

const TARGET_SQL = `SELECT s.id AS "ssgId", s.code, s.name, s.formed_on AS "formedOn", s.meeting_weekday AS weekday,
    l.code AS "lsgCode", l.name AS "lsgName", b.name_mn AS "areaMn", b.name_en AS "areaEn"
  FROM ssg s JOIN lsg l ON l.id = s.lsg_id JOIN branch b ON b.id = l.branch_id`

type TargetRow = Omit<Target, 'heldOn' | 'area'> & { areaMn: string; areaEn: string }

/** The small groups and dates of the request: one group on its date, or every small group of a large group or area on its meeting day of that week. */
async function targets(ctx: ServiceContext, input: { date: string; group?: string; lsg?: string; area?: string }): Promise<Target[]> {
  const toTarget = (r: TargetRow, heldOn: string): Target => ({ ...r, heldOn, area: { mn: r.areaMn, en: r.areaEn } })
  if (input.group) {
    const r = await ctx.sql.one<TargetRow>(`${TARGET_SQL} WHERE s.code = :code`, { code: input.group })
    if (!r) throw new DomainError('not_found', `No small group with the code ${input.group}`, 'group', { key: 'r.noSsgCode', vars: { code: input.group } })
    if (input.date < r.formedOn) throw new DomainError('validation', `is before the group was formed (${formatDateMn(r.formedOn)})`, 'date', { key: 'r.beforeFormed', vars: { date: formatDateMn(r.formedOn) } })
    return [toTarget(r, input.date)]
  }
  let rows: TargetRow[]
  if (input.lsg) {
    const found = await ctx.sql.one<{ id: number }>(`SELECT id FROM lsg WHERE code = :code`, { code: input.lsg })
    if (!found) throw new DomainError('not_found', `No large group with the code ${input.lsg}`, 'lsg', { key: 'r.noLsgCode', vars: { code: input.lsg } })
    rows = await ctx.sql.all<TargetRow>(`${TARGET_SQL} WHERE l.id = :id ORDER BY s.code`, { id: found.id })
  } else {
    const found = await ctx.sql.one<{ id: number }>(`SELECT id FROM branch WHERE code = :code`, { code: input.area })
    if (!found) throw new DomainError('not_found', `No area with the code ${input.area}`, 'area', { key: 'r.noAreaCode', vars: { code: input.area! } })
    rows = await ctx.sql.all<TargetRow>(`${TARGET_SQL} WHERE l.branch_id = :id ORDER BY l.code, s.code`, { id: found.id })
  }
  const monday = meetingPeriodKey('ssg', input.date)
  const out = rows.map((r) => toTarget(r, addDays(monday, r.weekday - 1))).filter((t) => t.heldOn >= t.formedOn)
  if (!out.length) throw new DomainError('validation', 'has no small group meeting that week', 'date', { key: 'r.noSheetsThatWeek' })
  return out
}

/** What was recorded at an entered meeting, per member: attendance and the amounts paid in or taken out that day. */
async function recorded(ctx: ServiceContext, meetingId: number, ssgId: number, heldOn: string) {
  const att = await ctx.sql.all<{ personId: number; status: string }>(`SELECT person_id AS "personId", status FROM meeting_attendance WHERE meeting_id = :meetingId`, { meetingId })
  const savings = await ctx.sql.all<{ personId: number; account: string; kind: string; n: number }>(
    `SELECT e.person_id AS "personId", e.account, CASE WHEN e.amount_minor > 0 THEN 'in' ELSE 'out' END AS kind, sum(e.amount_minor) AS n
     FROM savings_entry e LEFT JOIN savings_entry r ON r.reverses_id = e.id
     WHERE e.ssg_id = :ssgId AND e.entry_on = :heldOn AND e.kind <> 'reversal' AND r.id IS NULL
     GROUP BY e.person_id, e.account, CASE WHEN e.amount_minor > 0 THEN 'in' ELSE 'out' END`,
    { ssgId, heldOn },
  )
  const repaid = await ctx.sql.all<{ personId: number; n: number }>(
    `SELECT l.person_id AS "personId", sum(r.amount_minor) AS n FROM loan_repayment r JOIN loan l ON l.id = r.loan_id
     WHERE l.ssg_id = :ssgId AND r.paid_on = :heldOn GROUP BY l.person_id`,
    { ssgId, heldOn },
  )
  const get = (personId: number, account: string, kind: string) => Number(savings.find((s) => s.personId === personId && s.account === account && s.kind === kind)?.n ?? 0)
  return {
    status: (personId: number) => att.find((a) => a.personId === personId)?.status ?? null,
    compulsory: (personId: number) => get(personId, 'compulsory', 'in'),
    voluntary: (personId: number) => get(personId, 'voluntary', 'in'),
    withdrawal: (personId: number) => -get(personId, 'voluntary', 'out'),
    repaid: (personId: number) => Number(repaid.find((r) => r.personId === personId)?.n ?? 0),
  }
}

function columns(t: T): ReportColumn[] {
  return [
    { key: 'id', label: t('sheet.col.id'), type: 'int' },
    { key: 'name', label: t('sheet.col.name'), type: 'text', width: 86 },
    { key: 'registerNumber', label: t('sheet.col.register'), type: 'text', width: 62 },
    { key: 'attendance', label: t('sheet.attendance'), type: 'text', width: 48 },
    { key: 'savingsDue', label: t('sheet.col.savingsDue'), type: 'mnt' },
    { key: 'compulsoryPaid', label: t('sheet.compulsory'), type: 'mnt' },
    { key: 'voluntary', label: t('sheet.voluntary'), type: 'mnt' },
    { key: 'withdrawal', label: t('sheet.withdrawal'), type: 'mnt' },
    { key: 'savingsHeld', label: t('sheet.col.savingsHeld'), type: 'mnt' },
    { key: 'outstanding', label: t('sheet.col.outstanding'), type: 'mnt' },
    { key: 'loanDue', label: t('sheet.col.instalmentDue'), type: 'mnt' },
    { key: 'overdue', label: t('sheet.col.overdue'), type: 'mnt' },
    { key: 'fines', label: t('sheet.col.fines'), type: 'mnt' },
    { key: 'totalDue', label: t('sheet.col.totalDue'), type: 'mnt' },
    { key: 'loanPaid', label: t('sheet.repayment'), type: 'mnt' },
    { key: 'weeksInArrears', label: t('sheet.col.weeks'), type: 'int' },
    { key: 'signature', label: t('sheet.col.signature'), type: 'text', width: 56 },
  ]
}

async function sheetSection(ctx: ServiceContext, t: T, lang: Lang, target: Target, sheet: CollectionSheet): Promise<ReportSection> {
  const rec = sheet.entered ? await recorded(ctx, sheet.entered.meetingId, target.ssgId, target.heldOn) : null
  const rows: Array<Record<string, CellValue>> = sheet.lines.map((l) => {
    const savingsDue = l.weeklyMinor + l.savingsArrearsMinor
    const loanDue = l.loan?.dueMinor ?? 0
    const status = rec?.status(l.personId)
    return {
      id: l.personId,
      name: l.name,
      registerNumber: l.registerNumber,
      attendance: status ? t(`g.att.${status}` as Parameters<T>[0]) : null,
      savingsDue,
      compulsoryPaid: rec ? rec.compulsory(l.personId) : null,
      voluntary: rec ? rec.voluntary(l.personId) : null,
      withdrawal: rec ? rec.withdrawal(l.personId) : null,
      savingsHeld: l.compulsoryBalanceMinor + l.voluntaryBalanceMinor,
      outstanding: l.loan?.outstandingMinor ?? null,
      loanDue: l.loan ? loanDue : null,
      overdue: l.loan ? l.loan.overdueMinor : null,
      fines: l.loan ? l.loan.finesMinor : null,
      totalDue: savingsDue + loanDue,
      loanPaid: rec ? rec.repaid(l.personId) : null,
      weeksInArrears: l.loan ? l.loan.weeksInArrears : null,
      signature: null,
    }
  })
  const offices = await groupOffices(ctx, { groupType: 'ssg', groupId: target.ssgId }, target.heldOn)
  const representative = offices.current.find((o) => o.office === 'representative')?.name ?? '—'
  const meetingNo = expectedMeetings({ type: 'ssg', formedOn: target.formedOn, weekday: target.weekday, week: null }, target.heldOn).length
  const description = [
    `${t('g.area')}: ${lang === 'mn' ? target.area.mn : target.area.en}`,
    `${t('g.lsg')}: ${target.lsgCode} ${target.lsgName}`,
    `${t('sheet.col.date')}: ${formatDateMn(target.heldOn)}`,
    t('sheet.col.meetingNo', { n: meetingNo }),
    `${t('g.office.representative')}: ${representative}`,
  ].join(' · ')
  const notes: string[] = []
  if (sheet.entered) {
    const funds = await ctx.sql.all<{ fund: string; n: number }>(
      `SELECT e.fund, sum(e.amount_minor) AS n FROM group_fund_entry e JOIN loan_repayment r ON r.id = e.repayment_id JOIN loan l ON l.id = r.loan_id
       WHERE l.ssg_id = :ssgId AND r.paid_on = :heldOn GROUP BY e.fund`,
      { ssgId: target.ssgId, heldOn: target.heldOn },
    )
    const f = (k: string) => Number(funds.find((x) => x.fund === k)?.n ?? 0)
    const cash = rows.reduce((s, r) => s + Number(r.compulsoryPaid) + Number(r.voluntary) - Number(r.withdrawal) + Number(r.loanPaid), 0)
    notes.push(t('sheet.enteredNote'))
    notes.push(t('sheet.footerEntered', { cash: fmt(cash), f1: fmt(f('f1')), f2: fmt(f('f2')), f3: fmt(f('f3')) }))
  } else {
    notes.push(t('sheet.footerBlank'))
  }
  return {
    title: `${t('sheet.title')}: ${target.code} ${target.name}`,
    sheetName: `${target.code} ${target.heldOn}`,
    description,
    newPage: true,
    key: { ssgId: target.ssgId, ssgCode: target.code, heldOn: target.heldOn },
    table: {
      columns: columns(t),
      rows,
      total: { label: t('report.total'), keys: ['savingsDue', 'compulsoryPaid', 'voluntary', 'withdrawal', 'savingsHeld', 'outstanding', 'loanDue', 'overdue', 'fines', 'totalDue', 'loanPaid'] },
    },
    notes,
    signatures: sheet.entered ? undefined : [t('sheet.sign.cash'), t('sheet.sign.facilitator'), t('sheet.sign.representative'), t('sheet.sign.treasurer')],
  }
}


/** `spn report collection`: the sheets of one small group, or of every small group of a large group or an area for a week. */
export async function collectionReport(ctx: ServiceContext, input: { date: string; group?: string; lsg?: string; area?: string; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(input.lang)
  const list = await targets(ctx, input)
  const sections: ReportSection[] = []
  let members = 0
  let due = 0
  for (const target of list) {
    const sheet = await collectionSheet(ctx, { ssgId: target.ssgId, heldOn: target.heldOn })
    if (!sheet.lines.length) continue
    const section = await sheetSection(ctx, t, input.lang, target, sheet)
    members += sheet.lines.length
    due += section.table.rows.reduce((s, r) => s + Number(r.totalDue), 0)
    sections.push(section)
  }
  if (!sections.length) throw new DomainError('validation', 'has no small group with members on that day', 'date', { key: 'r.noSheetsThatWeek' })
  const first = list[0].heldOn
  const last = list[list.length - 1].heldOn
  const from = list.reduce((m, x) => (x.heldOn < m ? x.heldOn : m), first)
  const to = list.reduce((m, x) => (x.heldOn > m ? x.heldOn : m), last)
  // One sheet follows the cover; several get a page each after it.
  if (sections.length === 1) sections[0].newPage = false
  return {
    report: 'collection',
    lang: input.lang,
    title: t('sheet.reportTitle'),
    organisation: t('report.organisation'),
    period: { from, to, label: from === to ? formatDateMn(from) : `${formatDateMn(from)} – ${formatDateMn(to)}` },
    generatedAt: input.generatedAt,
    summary: [
      { label: t('sheet.sum.sheets'), value: sections.length, type: 'int' },
      { label: t('sheet.sum.members'), value: members, type: 'int' },
      { label: t('sheet.col.totalDue'), value: due, type: 'mnt' },
    ],
    sections,
    notes: [t('sheet.reportNote')],
    rates: [],
    labels: writerLabels(t),
  }
}
