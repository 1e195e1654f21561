import type { Lang } from '../../../shared/i18n'
import { DomainError } from '../../../shared/domain/result'
import { AREAS } from '../../../shared/domain/geography'
import type { ServiceContext } from '../../services/context'
import { activityOutputs } from '../../services/results/activityOutputs'
import { profileOn } from '../../services/results/profile'
import { centralBoardOn } from '../../services/elections'
import { translator, writerLabels } from '../common'
import type { CellValue, ReportModel } from '../model'

/** Donors named in the report: those who gave more than this in the year (NGO law, article 23). */
export const DONOR_THRESHOLD_MINOR = 700_000_00

/*
 * `spn report ngo-annual --year Y`: the yearly activity report of the
 * Mongolian NGO law (1997, article 23) — the organisation's address, a short
 * account of its activities, income and expenditure by kind, the donors who
 * gave more than 700,000 ₮, and the names and addresses of the board chair,
 * the board members and the executive director of that year (the central
 * board in office on 31 December; the particulars in force then).
 */
export async function ngoAnnualReport(ctx: ServiceContext, input: { year: number; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(input.lang)
  const from = `${input.year}-01-01`
  const to = `${input.year}-12-31`
  const profile = await profileOn(ctx, to)
  if (!profile) throw new DomainError('validation', `has no particulars of the organisation in force on ${to}: record them in Settings first`, 'year', { key: 'r.noProfile', vars: { date: to } })
  const local = (n: { mn: string; en: string }) => (input.lang === 'mn' ? n.mn : n.en)
  const board = await centralBoardOn(ctx, to)
  const addresses = new Map(
    (board?.seats.length
      ? await ctx.sql.all<{ id: number; area: string | null; soum: string | null; bag: string | null; line: string | null }>(
          `SELECT p.id, h.area_code AS area, h.soum, h.bag, h.address_line AS line FROM person p LEFT JOIN household h ON h.id = p.household_id WHERE p.id IN (:ids)`,
          { ids: board.seats.flatMap((s) => (s.personId === null ? [] : [s.personId])) },
        )
      : []
    ).map((a) => {
      const area = AREAS.find((x) => x.code === a.area)
      return [a.id, [area ? local(area) : null, a.soum, a.bag, a.line].filter(Boolean).join(', ')]
    }),
  )
  const ROLE_ORDER = ['chair', 'vice_chair', 'treasurer', 'secretary', 'member']
  const seats = [...(board?.seats ?? [])].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, 'mn'))

  // Income by kind: members' fees, donors' money received in tögrög, bank interest.
  const fees = Number(await ctx.sql.value<number>(`SELECT coalesce(sum(amount_minor), 0) AS n FROM fee_payment WHERE kind = 'member' AND voided_at IS NULL AND paid_on BETWEEN :from AND :to`, { from, to }))
  const donors = await ctx.sql.all<{ mn: string | null; en: string; n: number }>(
    `SELECT p.donor_mn AS mn, p.donor AS en, sum(tr.mnt_minor) AS n FROM transfer tr JOIN project p ON p.id = tr.project_id
     WHERE tr.voided_at IS NULL AND tr.received_on BETWEEN :from AND :to GROUP BY p.donor_mn, p.donor ORDER BY p.donor`,
    { from, to },
  )
  const interest = Number(await ctx.sql.value<number>(`SELECT coalesce(sum(mnt_minor), 0) AS n FROM fund_entry WHERE kind = 'interest' AND voided_at IS NULL AND entry_on BETWEEN :from AND :to`, { from, to }))
  const income: Array<Record<string, CellValue>> = [
    { kind: t('ngo.fees'), mnt: fees },
    ...donors.map((d) => ({ kind: t('ngo.donorFunds', { donor: input.lang === 'mn' ? (d.mn ?? d.en) : d.en }), mnt: Number(d.n) })),
    { kind: t('ngo.interest'), mnt: interest },
  ]
  // Expenditure by kind: the project's spending by main line, in tögrög (paid in Mongolia) and in kroner (paid in Denmark).
  const spending = await ctx.sql.all<{ code: string; mn: string | null; en: string | null; mnt: number; dkk: number }>(
    `SELECT l.main_code AS code, m.name_mn AS mn, m.name_en AS en,
       sum(CASE WHEN e.currency = 'MNT' THEN e.amount_minor ELSE 0 END) AS mnt, sum(CASE WHEN e.currency = 'DKK' THEN e.amount_minor ELSE 0 END) AS dkk
     FROM expense e JOIN budget_line l ON l.id = e.line_id LEFT JOIN budget_main_line m ON m.project_id = e.project_id AND m.code = l.main_code
     WHERE e.voided_at IS NULL AND e.spent_on BETWEEN :from AND :to GROUP BY l.main_code, m.name_mn, m.name_en ORDER BY length(l.main_code), l.main_code`,
    { from, to },
  )
  const outputs = await activityOutputs(ctx, { from, to })
  const big = donors.filter((d) => Number(d.n) > DONOR_THRESHOLD_MINOR)
  return {
    report: 'ngo-annual',
    lang: input.lang,
    title: t('ngo.title', { year: input.year }),
    organisation: input.lang === 'mn' ? profile.nameMn : profile.nameEn,
    period: { from, to, label: String(input.year) },
    generatedAt: input.generatedAt,
    summary: [
      { label: t('ngo.incomeTotal'), value: income.reduce((s, r) => s + Number(r.mnt), 0), type: 'mnt' },
      { label: t('ngo.spentMnt'), value: spending.reduce((s, r) => s + Number(r.mnt), 0), type: 'mnt' },
      { label: t('ngo.spentDkk'), value: spending.reduce((s, r) => s + Number(r.dkk), 0), type: 'dkk' },
      { label: t('ra.events'), value: outputs.total.events, type: 'int' },
      { label: t('ra.unique'), value: outputs.total.unique.total, type: 'int' },
    ],
    sections: [
      {
        title: t('ngo.particulars'),
        sheetName: t('ngo.particularsSheet'),
        table: {
          columns: [
            { key: 'what', label: t('ngo.item'), type: 'text', width: 150 },
            { key: 'value', label: t('ngo.value'), type: 'text' },
          ],
          rows: [
            { what: t('ngo.name'), value: input.lang === 'mn' ? profile.nameMn : profile.nameEn },
            { what: t('ngo.registration'), value: profile.registrationNumber ?? '—' },
            { what: t('ngo.address'), value: profile.address },
            { what: t('ngo.phone'), value: profile.phone ?? '—' },
          ],
        },
      },
      {
        title: t('ngo.governance'),
        sheetName: t('ngo.governanceSheet'),
        description: board ? t('ngo.boardElected', { date: board.electedOn.replace(/-/g, '.') }) : t('ngo.noBoard'),
        table: {
          columns: [
            { key: 'role', label: t('ngo.role'), type: 'text', width: 130 },
            { key: 'name', label: t('g.name'), type: 'text', width: 130 },
            { key: 'address', label: t('ngo.address'), type: 'text' },
          ],
          rows: [
            ...seats.map((s) => ({ role: t(`role.${s.role}` as 'role.chair'), name: s.name, address: (s.personId === null ? '' : addresses.get(s.personId)) || '—' })),
            { role: t('ngo.director'), name: profile.executiveDirector, address: profile.address },
          ],
        },
      },
      {
        title: t('ngo.activities'),
        sheetName: t('ngo.activitiesSheet'),
        description: t('ngo.activitiesHelp'),
        table: {
          columns: [
            { key: 'type', label: t('act.type'), type: 'text' },
            { key: 'events', label: t('ra.events'), type: 'int' },
            { key: 'participations', label: t('ra.participations'), type: 'int' },
            { key: 'unique', label: t('ra.unique'), type: 'int' },
          ],
          rows: outputs.byType.map((x) => ({ type: t(`act.type.${x.type}` as 'act.type.training'), events: x.counts.events, participations: x.counts.participations, unique: x.counts.unique.total })),
          total: { label: t('report.total'), keys: ['events', 'participations'] },
        },
        notes: outputs.byType.length ? [] : [t('report.none')],
      },
      {
        title: t('ngo.income'),
        sheetName: t('ngo.incomeSheet'),
        table: { columns: [{ key: 'kind', label: t('ngo.kind'), type: 'text' }, { key: 'mnt', label: t('ngo.amountMnt'), type: 'mnt' }], rows: income, total: { label: t('report.total'), keys: ['mnt'] } },
      },
      {
        title: t('ngo.expenditure'),
        sheetName: t('ngo.expenditureSheet'),
        description: t('ngo.expenditureHelp'),
        table: {
          columns: [
            { key: 'kind', label: t('ngo.kind'), type: 'text' },
            { key: 'mnt', label: t('ngo.amountMnt'), type: 'mnt' },
            { key: 'dkk', label: t('ngo.amountDkk'), type: 'dkk' },
          ],
          rows: spending.map((s) => ({ kind: `${s.code} ${(input.lang === 'mn' ? s.mn : s.en) ?? ''}`.trim(), mnt: Number(s.mnt), dkk: Number(s.dkk) })),
          total: { label: t('report.total'), keys: ['mnt', 'dkk'] },
        },
        notes: spending.length ? [] : [t('report.none')],
      },
      {
        title: t('ngo.donors'),
        sheetName: t('ngo.donorsSheet'),
        description: t('ngo.donorsHelp'),
        table: {
          columns: [
            { key: 'donor', label: t('ngo.donor'), type: 'text' },
            { key: 'mnt', label: t('ngo.amountMnt'), type: 'mnt' },
          ],
          rows: big.map((d) => ({ donor: input.lang === 'mn' ? (d.mn ?? d.en) : d.en, mnt: Number(d.n) })),
        },
        notes: big.length ? [] : [t('ngo.noDonors')],
      },
    ],
    notes: [t('ngo.note')],
    rates: [],
    labels: writerLabels(t),
  }
}
