import { DomainError } from '../../../shared/domain/result'
import { formatDateMn } from '../../../shared/domain/dates'
import { CBO_CLAUSES, LSG_CLAUSES, SSG_CLAUSES, type Clause, type GroupDocument, type GroupType } from '../../../shared/api/groupsTypes'
import { audit, type ServiceContext } from '../context'
import { getMeeting, groupInfo } from './meetings'
import type { LoanSettings } from '../../../shared/domain/eligibility'
import { loanSettingsOn } from '../loans/settings'

/*
 * A large group's regulations, a small group's rules and a CBO's charter: versions, each
 * adopted at a recorded meeting of the group, with every clause of its kind
 * written. A small group's rules are approved by all its members: everyone
 * on that meeting's sheet was there (present or late). Kept as adopted.
 */

const CLAUSES: Record<GroupType, readonly Clause[]> = { lsg: LSG_CLAUSES, ssg: SSG_CLAUSES, cbo: CBO_CLAUSES }
const KIND: Record<GroupType, string> = { ssg: "a small group's rules", lsg: "a large group's regulations", cbo: "a CBO's charter" }

type Row = Omit<GroupDocument, 'clauses' | 'loanSettings'> & { clauses: string; loanSettings: string | null }

export async function groupDocuments(ctx: ServiceContext, input: { groupType: GroupType; groupId: number }): Promise<GroupDocument[]> {
  await groupInfo(ctx, input.groupType, input.groupId)
  const rows = await ctx.sql.all<Row>(
    `SELECT d.id, d.group_type AS "groupType", d.group_id AS "groupId", d.version, m.held_on AS "adoptedOn", d.meeting_id AS "meetingId", d.clauses,
       d.weekly_savings_minor AS "weeklySavingsMinor", d.loan_settings AS "loanSettings", d.created_by AS "createdBy"
     FROM group_document d JOIN group_meeting m ON m.id = d.meeting_id WHERE d.group_type = :groupType AND d.group_id = :groupId ORDER BY d.version DESC`,
    input,
  )
  return rows.map((r) => ({
    ...r,
    weeklySavingsMinor: r.weeklySavingsMinor === null ? null : Number(r.weeklySavingsMinor),
    clauses: JSON.parse(r.clauses) as GroupDocument['clauses'],
    loanSettings: r.loanSettings === null ? null : (JSON.parse(r.loanSettings) as LoanSettings),
  }))
}

export async function adoptDocument(ctx: ServiceContext, input: { meetingId: number; clauses: Partial<Record<Clause, string>>; weeklySavingsMinor: number | null; loanSettings?: LoanSettings | null }): Promise<GroupDocument> {
  const meeting = await getMeeting(ctx, input.meetingId)
  const m = meeting.meeting
  const kinds = CLAUSES[m.groupType]
  for (const key of Object.keys(input.clauses) as Clause[]) {
    if (!kinds.includes(key)) throw new DomainError('validation', `is not a clause of ${KIND[m.groupType]}`, `clauses.${key}`, { key: 'r.notClause' })
  }
  for (const key of kinds) {
    if (!input.clauses[key]?.trim()) throw new DomainError('validation', 'is empty: every clause is written', `clauses.${key}`, { key: 'r.clauseEmpty' })
  }
  if (m.groupType === 'ssg') {
    if (input.weeklySavingsMinor === null) throw new DomainError('validation', "is required: a small group's rules set the weekly saving", 'weeklySavingsMinor', { key: 'r.weeklySavingsRequired' })
    const away = meeting.attendance.find((a) => a.status !== 'present' && a.status !== 'late')
    if (away) {
      throw new DomainError('validation', `${away.name} was not at the meeting of ${formatDateMn(m.heldOn)}: a small group's rules are approved by all its members`, 'meetingId', {
        key: 'r.rulesNotAll',
        vars: { name: away.name, date: formatDateMn(m.heldOn) },
      })
    }
  } else if (input.weeklySavingsMinor !== null) throw new DomainError('validation', "applies only to a small group's rules", 'weeklySavingsMinor', { key: 'r.savingsOnlySsg' })
  const last = await ctx.sql.one<{ version: number; heldOn: string }>(
    `SELECT d.version, m.held_on AS "heldOn" FROM group_document d JOIN group_meeting m ON m.id = d.meeting_id WHERE d.group_type = :groupType AND d.group_id = :groupId ORDER BY d.version DESC LIMIT 1`,
    { groupType: m.groupType, groupId: m.groupId },
  )
  if (last && m.heldOn < last.heldOn) throw new DomainError('validation', `must not be before the meeting that adopted version ${last.version} (${formatDateMn(last.heldOn)})`, 'meetingId', { key: 'r.beforeLastVersion', vars: { version: last.version, date: formatDateMn(last.heldOn) } })
  const loanSettings = input.loanSettings ?? null
  if (loanSettings) await checkLoanSettings(ctx, m.groupType, m.groupId, m.heldOn, loanSettings)
  const version = (last?.version ?? 0) + 1
  const clauses = Object.fromEntries(kinds.map((k) => [k, input.clauses[k]!.trim()]))
  const id = await ctx.sql.insert(
    `INSERT INTO group_document (group_type, group_id, version, meeting_id, clauses, weekly_savings_minor, loan_settings, created_at, created_by)
     VALUES (:groupType, :groupId, :version, :meetingId, :clauses, :weeklySavingsMinor, :loanSettings, :now, :actor) RETURNING id`,
    {
      groupType: m.groupType,
      groupId: m.groupId,
      version,
      meetingId: m.id,
      clauses: JSON.stringify(clauses),
      weeklySavingsMinor: input.weeklySavingsMinor,
      loanSettings: loanSettings && JSON.stringify(loanSettings),
      now: ctx.now,
      actor: ctx.actor,
    },
  )
  const out = (await groupDocuments(ctx, { groupType: m.groupType, groupId: m.groupId })).find((d) => d.id === id)!
  await audit(ctx, 'group_document', id, null, { version, adoptedOn: out.adoptedOn, weeklySavingsMinor: input.weeklySavingsMinor, loanSettings })
  return out
}

/**
 * Loan settings belong to a large group's regulations. A new share of fund
 * (2) holds from the meeting on; repayments already split on or after that
 * day keep their shares, so the change is refused while there are any.
 */
async function checkLoanSettings(ctx: ServiceContext, groupType: GroupType, groupId: number, heldOn: string, settings: LoanSettings): Promise<void> {
  if (groupType !== 'lsg') throw new DomainError('validation', "applies only to a large group's regulations", 'loanSettings', { key: 'r.loanSettingsOnlyLsg' })
  const inForce = await loanSettingsOn(ctx, groupId, heldOn)
  if (settings.shareF2Percent === inForce.settings.shareF2Percent) return
  const split = await ctx.sql.one<{ on: string }>(
    `SELECT max(entry_on) AS "on" FROM group_fund_entry WHERE lsg_id = :groupId AND kind = 'allocation' AND entry_on >= :heldOn`,
    { groupId, heldOn },
  )
  if (split?.on) {
    throw new DomainError('validation', `cannot change from ${formatDateMn(heldOn)}: repayments up to ${formatDateMn(split.on)} are already split into the funds; adopt it at a later meeting`, 'loanSettings.shareF2Percent', {
      key: 'r.shareAfterRepayments',
      vars: { date: formatDateMn(heldOn), last: formatDateMn(split.on) },
    })
  }
}
