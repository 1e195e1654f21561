import { DomainError } from '../../shared/domain/result'
import type { EligibleMember } from '../../shared/api/governanceTypes'
import type { ServiceContext } from './context'
import { IN_EFFECT } from './activeMembers'
import { MEMBER_NAME_SQL } from './names.sql'
import { formatDateMn } from '../../shared/domain/dates'

/*
 * Who may attend an assembly and who did: the members active in that body on
 * its date (a local organisation's, or the whole SPN's for the general
 * assembly), listed by name with the register number that tells namesakes
 * apart; the ones ticked present are kept per assembly. Quorum counts them.
 */

type Row = Omit<EligibleMember, 'branchName'> & { branchMn: string; branchEn: string }

const SELECT = `SELECT m.id AS "membershipId", m.member_type AS "memberType", m.person_id AS "personId", ${MEMBER_NAME_SQL} AS name,
  p.register_number AS "registerNumber", b.name_mn AS "branchMn", b.name_en AS "branchEn"
  FROM membership m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id
  JOIN branch b ON b.id = ${IN_EFFECT('branch_id', 'date')}`

const ORDER = `ORDER BY CASE WHEN m.member_type = 'person' THEN p.sort_key ELSE o.name_mn END, m.id`

const toMember = ({ branchMn, branchEn, ...r }: Row): EligibleMember => ({ ...r, branchName: { mn: branchMn, en: branchEn } })

/** The members eligible to attend an assembly of a body on a date, by name. */
export async function eligibleMembers(ctx: ServiceContext, input: { branchId: number | null; heldOn: string }): Promise<EligibleMember[]> {
  const rows = await ctx.sql.all<Row>(
    `${SELECT} WHERE ${IN_EFFECT('type', 'date')} = 'accepted' ${input.branchId === null ? '' : `AND ${IN_EFFECT('branch_id', 'date')} = :branchId`} ${ORDER}`,
    { date: input.heldOn, branchId: input.branchId },
  )
  return rows.map(toMember)
}

/** Who attended an assembly, by name; null when only the count was recorded. */
export async function attendeesOf(ctx: ServiceContext, assembly: { id: number; heldOn: string; attendanceListed: boolean }): Promise<EligibleMember[] | null> {
  if (!assembly.attendanceListed) return null
  const rows = await ctx.sql.all<Row>(`${SELECT} WHERE m.id IN (SELECT membership_id FROM assembly_attendance WHERE assembly_id = :id) ${ORDER}`, { id: assembly.id, date: assembly.heldOn })
  return rows.map(toMember)
}

/** Refuses an attendance list naming anyone not eligible on the date, naming her. */
export async function checkAttendees(ctx: ServiceContext, input: { branchId: number | null; heldOn: string; attendees: number[] }): Promise<void> {
  const eligible = new Set((await eligibleMembers(ctx, input)).map((m) => m.membershipId))
  for (const [i, id] of input.attendees.entries()) {
    if (eligible.has(id)) continue
    const name = (await ctx.sql.one<{ name: string }>(`SELECT ${MEMBER_NAME_SQL} AS name FROM membership m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id WHERE m.id = :id`, { id }))?.name
    if (!name) throw new DomainError('not_found', `No membership with id ${id}`, `attendees.${i}`)
    const date = formatDateMn(input.heldOn)
    throw new DomainError('validation', `${name} was not an active member of this body on ${date}: only eligible members can be ticked present`, `attendees.${i}`, {
      key: 'r.notEligibleToAttend',
      vars: { name, date },
    })
  }
}

/** Replaces an assembly's attendance list (null: only the count is kept). */
export async function saveAttendance(ctx: ServiceContext, assemblyId: number, attendees: number[] | null): Promise<void> {
  await ctx.sql.run('DELETE FROM assembly_attendance WHERE assembly_id = :assemblyId', { assemblyId })
  for (const membershipId of attendees ?? []) {
    await ctx.sql.run('INSERT INTO assembly_attendance (assembly_id, membership_id) VALUES (:assemblyId, :membershipId)', { assemblyId, membershipId })
  }
  await ctx.sql.run('UPDATE assembly SET attendance_listed = :listed WHERE id = :assemblyId', { assemblyId, listed: attendees ? 1 : 0 })
}
