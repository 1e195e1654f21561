import type { z } from 'zod'
import { notFuture } from './dates'
import { DomainError } from '../../shared/domain/result'
import { checkNextEvent, statusAfter, type MembershipEventType, type MembershipStatus } from '../../shared/domain/membership'
import type { applyInput, contract, decideInput } from '../../shared/api/contract'
import { searchKey } from '../../shared/domain/names'
import { MEMBER_NAME_SQL } from './names.sql'
import type { Membership, MembershipEvent, MembershipRow, Page } from '../../shared/api/types'
import { MembershipEntity, MembershipEventEntity, OrganisationEntity, PersonEntity } from '../db/entities'
import { audit, type ServiceContext } from './context'
import { requireBranch } from './branches'

type ListInput = z.output<(typeof contract)['members.list']['input']>


const ROW_SQL = `SELECT m.id, m.member_type AS "memberType", m.person_id AS "personId", m.organisation_id AS "organisationId",
  ${MEMBER_NAME_SQL} AS "memberName", p.register_number AS "registerNumber", p.gender, m.branch_id AS "branchId", b.name_mn AS "branchMn", b.name_en AS "branchEn",
  m.current_status AS status,
  (SELECT min(effective_date) FROM membership_event e WHERE e.membership_id = m.id) AS since,
  (SELECT max(effective_date) FROM membership_event e WHERE e.membership_id = m.id) AS "lastDecision"
  FROM membership m JOIN branch b ON b.id = m.branch_id
  LEFT JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id`

type RawRow = Omit<MembershipRow, 'branchName'> & { branchMn: string; branchEn: string }

function toRow(r: RawRow): MembershipRow {
  const { branchMn, branchEn, ...rest } = r
  return { ...rest, branchName: { mn: branchMn, en: branchEn } }
}

async function eventsOf(ctx: ServiceContext, membershipId: number): Promise<MembershipEvent[]> {
  const rows = await ctx.sql.all<MembershipEvent & { mn: string; en: string }>(
    `SELECT e.id, e.seq, e.type, e.effective_date AS "effectiveDate", e.branch_id AS "branchId", b.name_mn AS mn, b.name_en AS en,
      e.reason, e.reference, e.recorded_at AS "recordedAt", e.recorded_by AS "recordedBy"
     FROM membership_event e JOIN branch b ON b.id = e.branch_id WHERE e.membership_id = :membershipId ORDER BY e.effective_date, e.seq`,
    { membershipId },
  )
  return rows.map(({ mn, en, ...e }) => ({ ...e, branchName: { mn, en } }))
}

export async function getMembership(ctx: ServiceContext, id: number): Promise<Membership> {
  const r = await ctx.sql.one<RawRow>(`${ROW_SQL} WHERE m.id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No membership with id ${id}`, 'membershipId')
  const row = toRow(r)
  return {
    id: row.id,
    memberType: row.memberType,
    personId: row.personId,
    organisationId: row.organisationId,
    memberName: row.memberName,
    branchId: row.branchId,
    branchName: row.branchName,
    status: row.status,
    events: await eventsOf(ctx, id),
  }
}

export async function membershipOfPerson(ctx: ServiceContext, personId: number): Promise<Membership | null> {
  const m = await ctx.sql.one<{ id: number }>('SELECT id FROM membership WHERE person_id = :personId', { personId })
  return m ? getMembership(ctx, m.id) : null
}

export async function listMembers(ctx: ServiceContext, input: ListInput): Promise<Page<MembershipRow>> {
  const where: string[] = []
  const params: Record<string, unknown> = {
    branchId: input.branchId,
    status: input.status,
    memberType: input.memberType,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  }
  const words = searchKey(input.query).split(' ').filter(Boolean)
  for (const [i, word] of words.entries()) {
    // Persons by their stored search key; organisations (a handful) by their names, folded in orgIdsMatching.
    where.push(`(p.search_text LIKE :word${i} OR m.organisation_id IN (:orgs${i}))`)
    params[`word${i}`] = `%${word}%`
    params[`orgs${i}`] = await orgIdsMatching(ctx, word)
  }
  if (input.branchId !== undefined) where.push('m.branch_id = :branchId')
  if (input.status !== undefined) where.push('m.current_status = :status')
  if (input.memberType !== undefined) where.push('m.member_type = :memberType')
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = await ctx.sql.value(`SELECT count(*) AS n FROM membership m LEFT JOIN person p ON p.id = m.person_id${w}`, params)
  const rows = await ctx.sql.all<RawRow>(`${ROW_SQL}${w} ORDER BY b.name_en, coalesce(p.sort_key, o.name_mn), m.id LIMIT :limit OFFSET :offset`, params)
  return { rows: rows.map(toRow), total, page: input.page, pageSize: input.pageSize }
}

/** Organisations whose Mongolian or English name contains a search word (few rows: folded in JS). */
async function orgIdsMatching(ctx: ServiceContext, word: string): Promise<number[]> {
  const orgs = await ctx.sql.all<{ id: number; mn: string; en: string | null }>('SELECT id, name_mn AS mn, name_en AS en FROM organisation')
  return orgs.filter((o) => searchKey(`${o.mn} ${o.en ?? ''}`).includes(word)).map((o) => o.id)
}

const REASON_REQUIRED: readonly MembershipEventType[] = ['rejected', 'excluded']

async function appendEvent(
  ctx: ServiceContext,
  membership: MembershipEntity,
  branchId: number,
  type: MembershipEventType,
  date: string,
  reason: string | null,
  reference: string | null,
): Promise<void> {
  const events = await eventsOf(ctx, membership.id)
  const problem = checkNextEvent(events, { type, effectiveDate: date })
  if (problem) throw new DomainError(problem.startsWith('must') ? 'validation' : 'conflict', problem, problem.startsWith('must') ? 'date' : 'decision')
  if (REASON_REQUIRED.includes(type) && !reason) {
    throw new DomainError('validation', `is required when a membership is ${type}`, 'reason')
  }
  notFuture(ctx, date, 'date')
  const seq = events.reduce((m, e) => Math.max(m, e.seq), 0) + 1
  await ctx.tx.insert(MembershipEventEntity, {
    membershipId: membership.id,
    seq,
    type,
    effectiveDate: date,
    branchId,
    reason,
    reference,
    recordedAt: ctx.now,
    recordedBy: ctx.actor,
  })
  const status: MembershipStatus = statusAfter(type)
  await ctx.tx.update(MembershipEntity, { id: membership.id }, { currentStatus: status })
}

/** Records an application for SPN membership at a local organisation (a new membership, or a new application after leaving). */
export async function applyForMembership(ctx: ServiceContext, input: z.output<typeof applyInput>): Promise<Membership> {
  await requireBranch(ctx, input.branchId)
  let existing: MembershipEntity | null
  if (input.member.type === 'person') {
    const person = await ctx.tx.findOneBy(PersonEntity, { id: input.member.personId })
    if (!person) throw new DomainError('not_found', `No person with id ${input.member.personId}`, 'member.personId')
    if (person.birthDate && input.date < person.birthDate) throw new DomainError('validation', 'is before the person was born', 'date')
    existing = await ctx.tx.findOneBy(MembershipEntity, { personId: person.id })
  } else {
    const org = await ctx.tx.findOneBy(OrganisationEntity, { id: input.member.organisationId })
    if (!org) throw new DomainError('not_found', `No organisation with id ${input.member.organisationId}`, 'member.organisationId')
    existing = await ctx.tx.findOneBy(MembershipEntity, { organisationId: org.id })
  }
  let membership = existing
  const before = existing ? await getMembership(ctx, existing.id) : null
  if (!membership) {
    membership = await ctx.tx.save(
      MembershipEntity,
      ctx.tx.create(MembershipEntity, {
        memberType: input.member.type,
        personId: input.member.type === 'person' ? input.member.personId : null,
        organisationId: input.member.type === 'organisation' ? input.member.organisationId : null,
        branchId: input.branchId,
        currentStatus: 'applicant',
        createdAt: ctx.now,
      }),
    )
  } else if (membership.branchId !== input.branchId) {
    if (!['rejected', 'excluded', 'resigned'].includes(membership.currentStatus)) {
      throw new DomainError('conflict', 'is a member or applicant of another local organisation', 'branchId')
    }
    await ctx.tx.update(MembershipEntity, { id: membership.id }, { branchId: input.branchId })
  }
  // The move is recorded on the new application; earlier decisions keep their local organisation.
  await appendEvent(ctx, membership, input.branchId, 'applied', input.date, input.note, null)
  const after = await getMembership(ctx, membership.id)
  await audit(ctx, 'membership', membership.id, before, after)
  return after
}

/** Records a decision of the local board (or a resignation or death) in the membership's history. */
export async function decideMembership(ctx: ServiceContext, input: z.output<typeof decideInput>): Promise<Membership> {
  const membership = await ctx.tx.findOneBy(MembershipEntity, { id: input.membershipId })
  if (!membership) throw new DomainError('not_found', `No membership with id ${input.membershipId}`, 'membershipId')
  const before = await getMembership(ctx, membership.id)
  await appendEvent(ctx, membership, membership.branchId, input.decision, input.date, input.reason, input.reference)
  const after = await getMembership(ctx, membership.id)
  await audit(ctx, 'membership', membership.id, before, after)
  return after
}
