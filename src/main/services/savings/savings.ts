import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import { formatDateMn, todayIso } from '../../../shared/domain/dates'
import { formatMnt } from '../../../shared/domain/money'
import type { savingsEntryInput } from '../../../shared/api/savings'
import type { CompulsoryStanding, PersonSavings, SavingsAccount, SavingsEntry, SsgSavings, SsgSavingsRow } from '../../../shared/api/savingsTypes'
import { audit, type ServiceContext } from '../context'
import { requirePerson } from '../persons'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'
import { ACTIVE_ON, ssgRow } from '../groups/structure'
import { notFuture } from '../dates'

/*
 * The group members' savings (DOMAIN.md, "Savings"). Each member has a
 * compulsory account — the weekly amount of her small group's rules at each
 * of its meetings since she joined — and may have a voluntary one. Entries
 * are appended: deposits, withdrawals (never below zero; compulsory savings
 * only once she has left, or by a decision of her large group) and reversals
 * (the exact negative of a mistaken entry, on its date, with the reason).
 */

interface Membership {
  ssgId: number
  lsgId: number
  code: string
  name: string
  leftOn: string | null
}

/** Her small group on a date, or (with `orLast`) the last one she was in before it. */
async function groupOn(ctx: ServiceContext, personId: number, on: string, orLast = false): Promise<Membership | null> {
  const select = `SELECT gm.ssg_id AS "ssgId", s.lsg_id AS "lsgId", s.code, s.name, gm.left_on AS "leftOn" FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id WHERE gm.person_id = :personId`
  const now = await ctx.sql.one<Membership>(`${select} AND ${ACTIVE_ON}`, { personId, on })
  if (now || !orLast) return now ?? null
  return (await ctx.sql.one<Membership>(`${select} AND gm.left_on <= :on ORDER BY gm.left_on DESC, gm.id DESC LIMIT 1`, { personId, on })) ?? null
}

/** The weekly saving of a small group's rules in force on a date. */
export async function weeklySaving(ctx: ServiceContext, ssgId: number, on: string): Promise<number | null> {
  const r = await ctx.sql.one<{ w: number | null }>(
    `SELECT d.weekly_savings_minor AS w FROM group_document d JOIN group_meeting m ON m.id = d.meeting_id
     WHERE d.group_type = 'ssg' AND d.group_id = :ssgId AND m.held_on <= :on ORDER BY m.held_on DESC, d.version DESC LIMIT 1`,
    { ssgId, on },
  )
  return r?.w === null || r?.w === undefined ? null : Number(r.w)
}

/** Compulsory savings due and paid up to a date. */
export async function compulsoryStanding(ctx: ServiceContext, personId: number, on: string): Promise<Omit<CompulsoryStanding, 'weeklyMinor'>> {
  return (await compulsoryStandings(ctx, [personId], on)).get(personId)!
}

/** The same for several persons at once (a collection sheet's members). CROSS JOIN keeps SQLite reading from her attendance (person index), not from every meeting. */
export async function compulsoryStandings(ctx: ServiceContext, personIds: number[], on: string): Promise<Map<number, Omit<CompulsoryStanding, 'weeklyMinor'>>> {
  const out = new Map(personIds.map((id) => [id, { meetings: 0, dueMinor: 0, paidMinor: 0, arrearsMinor: 0 }]))
  if (!personIds.length) return out
  const due = await ctx.sql.all<{ personId: number; meetings: number; due: number | null }>(
    `SELECT person_id AS "personId", count(*) AS meetings, sum(w) AS due FROM (
       SELECT a.person_id, (SELECT d.weekly_savings_minor FROM group_document d JOIN group_meeting dm ON dm.id = d.meeting_id
               WHERE d.group_type = 'ssg' AND d.group_id = m.group_id AND dm.held_on <= m.held_on ORDER BY dm.held_on DESC, d.version DESC LIMIT 1) AS w
       FROM meeting_attendance a CROSS JOIN group_meeting m
       WHERE m.id = a.meeting_id AND a.person_id IN (:ids) AND m.group_type = 'ssg' AND m.held_on <= :on) x GROUP BY person_id`,
    { ids: personIds, on },
  )
  const paid = await ctx.sql.all<{ personId: number; n: number }>(
    `SELECT e.person_id AS "personId", coalesce(sum(e.amount_minor), 0) AS n FROM savings_entry e LEFT JOIN savings_entry o ON o.id = e.reverses_id
     WHERE e.person_id IN (:ids) AND e.account = 'compulsory' AND e.entry_on <= :on AND (e.kind = 'deposit' OR o.kind = 'deposit') GROUP BY e.person_id`,
    { ids: personIds, on },
  )
  for (const id of personIds) {
    const d = due.find((x) => Number(x.personId) === id)
    const dueMinor = Number(d?.due ?? 0)
    const paidMinor = Number(paid.find((x) => Number(x.personId) === id)?.n ?? 0)
    out.set(id, { meetings: Number(d?.meetings ?? 0), dueMinor, paidMinor, arrearsMinor: Math.max(0, dueMinor - paidMinor) })
  }
  return out
}

async function balancesOn(ctx: ServiceContext, personId: number, on: string): Promise<Record<SavingsAccount, number>> {
  const rows = await ctx.sql.all<{ account: SavingsAccount; n: number }>(
    `SELECT account, coalesce(sum(amount_minor), 0) AS n FROM savings_entry WHERE person_id = :personId AND entry_on <= :on GROUP BY account`,
    { personId, on },
  )
  const out: Record<SavingsAccount, number> = { compulsory: 0, voluntary: 0 }
  for (const r of rows) out[r.account] = Number(r.n)
  return out
}

type EntryRow = Omit<SavingsEntry, 'balanceAfterMinor'>

const ENTRY_SQL = `SELECT e.id, e.account, e.entry_on AS "entryOn", e.kind, e.amount_minor AS "amountMinor", s.code AS "ssgCode", e.meeting_id AS "meetingId", e.receipt,
  e.reverses_id AS "reversesId", r.id AS "reversedById", e.reason, e.created_by AS "createdBy"
  FROM savings_entry e JOIN ssg s ON s.id = e.ssg_id LEFT JOIN savings_entry r ON r.reverses_id = e.id`

/** Her entries, oldest first, each with its account's balance after it. */
async function entriesOf(ctx: ServiceContext, personId: number): Promise<SavingsEntry[]> {
  const rows = await ctx.sql.all<EntryRow>(`${ENTRY_SQL} WHERE e.person_id = :personId ORDER BY e.entry_on, e.id`, { personId })
  const running: Record<SavingsAccount, number> = { compulsory: 0, voluntary: 0 }
  return rows.map((r) => {
    running[r.account] += Number(r.amountMinor)
    return { ...r, amountMinor: Number(r.amountMinor), balanceAfterMinor: running[r.account] }
  })
}

export async function personSavings(ctx: ServiceContext, input: { personId: number; on?: string }): Promise<PersonSavings> {
  await requirePerson(ctx, input.personId, 'personId')
  const on = input.on ?? todayIso(ctx.now)
  const name = (await ctx.sql.value<string>(`SELECT ${PERSON_SHORT_NAME_SQL} AS n FROM person p WHERE p.id = :id`, { id: input.personId }))!
  const g = await groupOn(ctx, input.personId, on)
  const standing = await compulsoryStanding(ctx, input.personId, on)
  return {
    personId: input.personId,
    name,
    asOf: on,
    ssg: g ? { id: g.ssgId, code: g.code, name: g.name } : null,
    balances: await balancesOn(ctx, input.personId, on),
    compulsory: { weeklyMinor: g ? await weeklySaving(ctx, g.ssgId, on) : null, ...standing },
    trainingCompletedOn: (await ctx.sql.one<{ on: string }>(`SELECT completed_on AS "on" FROM training_completion WHERE person_id = :personId AND course = 'micro_credit' AND completed_on <= :on`, { personId: input.personId, on }))?.on ?? null,
    entries: (await entriesOf(ctx, input.personId)).filter((e) => e.entryOn <= on),
  }
}

export async function ssgSavings(ctx: ServiceContext, input: { ssgId: number; on?: string }): Promise<SsgSavings> {
  await ssgRow(ctx, input.ssgId)
  const on = input.on ?? todayIso(ctx.now)
  const members = await ctx.sql.all<{ personId: number; name: string }>(
    `SELECT gm.person_id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name FROM group_member gm JOIN person p ON p.id = gm.person_id WHERE gm.ssg_id = :ssgId AND ${ACTIVE_ON} ORDER BY p.sort_key, p.id`,
    { ssgId: input.ssgId, on },
  )
  const rows: SsgSavingsRow[] = []
  for (const m of members) {
    const b = await balancesOn(ctx, m.personId, on)
    const c = await compulsoryStanding(ctx, m.personId, on)
    rows.push({ ...m, compulsoryMinor: b.compulsory, voluntaryMinor: b.voluntary, dueMinor: c.dueMinor, arrearsMinor: c.arrearsMinor })
  }
  const sum = (k: 'compulsoryMinor' | 'voluntaryMinor' | 'dueMinor' | 'arrearsMinor') => rows.reduce((s, r) => s + r[k], 0)
  return {
    asOf: on,
    weeklyMinor: await weeklySaving(ctx, input.ssgId, on),
    rows,
    totals: { compulsoryMinor: sum('compulsoryMinor'), voluntaryMinor: sum('voluntaryMinor'), dueMinor: sum('dueMinor'), arrearsMinor: sum('arrearsMinor') },
  }
}

/** The lowest balance of an account from a date on (the balance that day and after every later entry). */
async function lowestFrom(ctx: ServiceContext, personId: number, account: SavingsAccount, from: string): Promise<number> {
  const entries = (await entriesOf(ctx, personId)).filter((e) => e.account === account)
  let balance = entries.filter((e) => e.entryOn <= from).reduce((s, e) => s + e.amountMinor, 0)
  let lowest = balance
  for (const e of entries.filter((x) => x.entryOn > from)) {
    balance += e.amountMinor
    lowest = Math.min(lowest, balance)
  }
  return lowest
}

async function entry(ctx: ServiceContext, id: number): Promise<SavingsEntry> {
  const r = await ctx.sql.one<{ personId: number }>(`SELECT person_id AS "personId" FROM savings_entry WHERE id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No savings entry with id ${id}`, 'id')
  return (await entriesOf(ctx, r.personId)).find((e) => e.id === id)!
}

export async function recordSavings(ctx: ServiceContext, input: z.output<typeof savingsEntryInput>): Promise<SavingsEntry> {
  await requirePerson(ctx, input.personId, 'personId')
  notFuture(ctx, input.entryOn, 'entryOn')
  const date = formatDateMn(input.entryOn)
  const member = await groupOn(ctx, input.personId, input.entryOn)
  const g = member ?? (input.kind === 'withdrawal' ? await groupOn(ctx, input.personId, input.entryOn, true) : null)
  if (!g) throw new DomainError('validation', `was not a member of a small group on ${date}: savings are kept for group members`, 'personId', { key: 'r.savingsNotMember', vars: { date } })
  if (input.kind === 'withdrawal') {
    if (input.account === 'compulsory' && member) {
      if (input.lsgMeetingId === null) {
        throw new DomainError('validation', 'is required: compulsory savings are withdrawn only when she leaves her group or by a decision of her large group', 'lsgMeetingId', { key: 'r.compulsoryLocked' })
      }
      const decided = await ctx.sql.one<{ heldOn: string }>(`SELECT held_on AS "heldOn" FROM group_meeting WHERE id = :id AND group_type = 'lsg' AND group_id = :lsgId`, { id: input.lsgMeetingId, lsgId: g.lsgId })
      if (!decided || decided.heldOn > input.entryOn) throw new DomainError('validation', `must be a meeting of her large group held by ${date}`, 'lsgMeetingId', { key: 'r.decisionMeeting', vars: { date } })
    } else if (input.lsgMeetingId !== null) throw new DomainError('validation', 'applies only to a compulsory withdrawal while she is a member', 'lsgMeetingId', { key: 'r.decisionNotNeeded' })
    const lowest = await lowestFrom(ctx, input.personId, input.account, input.entryOn)
    if (input.amountMinor > lowest) {
      throw new DomainError('validation', `is more than the ${input.account} savings hold (${formatMnt(Math.max(0, lowest))}): savings never go below zero`, 'amountMinor', {
        key: 'r.savingsBelowZero',
        vars: { balance: formatMnt(Math.max(0, lowest)) },
      })
    }
  } else if (input.lsgMeetingId !== null) throw new DomainError('validation', 'applies only to a compulsory withdrawal while she is a member', 'lsgMeetingId', { key: 'r.decisionNotNeeded' })
  const meetingId = await ctx.sql.one<{ id: number }>(`SELECT id FROM group_meeting WHERE group_type = 'ssg' AND group_id = :ssgId AND held_on = :on`, { ssgId: g.ssgId, on: input.entryOn })
  const signed = input.kind === 'deposit' ? input.amountMinor : -input.amountMinor
  const id = await ctx.sql.insert(
    `INSERT INTO savings_entry (person_id, account, entry_on, kind, amount_minor, ssg_id, meeting_id, receipt, created_at, created_by)
     VALUES (:personId, :account, :entryOn, :kind, :signed, :ssgId, :meetingId, :receipt, :now, :actor) RETURNING id`,
    { ...input, signed, ssgId: g.ssgId, meetingId: meetingId?.id ?? null, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'savings_entry', id, null, { personId: input.personId, account: input.account, kind: input.kind, entryOn: input.entryOn, amountMinor: signed, lsgMeetingId: input.lsgMeetingId })
  return entry(ctx, id)
}

/**
 * Reverses a mistaken entry: its exact negative, on its date (so the balance
 * on every date is as if the mistake had not been made), with the reason; who
 * reversed it and when is kept. A reversal is not itself reversed: record the
 * entry again instead.
 */
export async function reverseSavings(ctx: ServiceContext, input: { id: number; reason: string }): Promise<SavingsEntry> {
  const original = await entry(ctx, input.id)
  if (original.kind === 'reversal') throw new DomainError('validation', 'is a reversal: record the entry again instead of reversing the reversal', 'id', { key: 'r.reverseReversal' })
  if (original.reversedById !== null) throw new DomainError('conflict', 'This entry is already reversed', 'id', { key: 'r.alreadyReversed' })
  const personId = (await ctx.sql.value<number>(`SELECT person_id AS p FROM savings_entry WHERE id = :id`, { id: input.id }))!
  if (original.amountMinor > 0) {
    const lowest = await lowestFrom(ctx, personId, original.account, original.entryOn)
    if (original.amountMinor > lowest) {
      throw new DomainError('validation', `would take the ${original.account} savings below zero: reverse the later withdrawal first`, 'id', { key: 'r.reversalBelowZero' })
    }
  }
  const ssgId = (await ctx.sql.value<number>(`SELECT ssg_id AS s FROM savings_entry WHERE id = :id`, { id: input.id }))!
  const id = await ctx.sql.insert(
    `INSERT INTO savings_entry (person_id, account, entry_on, kind, amount_minor, ssg_id, meeting_id, receipt, reverses_id, reason, created_at, created_by)
     VALUES (:personId, :account, :entryOn, 'reversal', :amount, :ssgId, :meetingId, NULL, :reverses, :reason, :now, :actor) RETURNING id`,
    { personId, account: original.account, entryOn: original.entryOn, amount: -original.amountMinor, ssgId, meetingId: original.meetingId, reverses: input.id, reason: input.reason, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'savings_entry', id, { entry: input.id, amountMinor: original.amountMinor }, { reversal: id, amountMinor: -original.amountMinor, reason: input.reason })
  return entry(ctx, id)
}
