import { DomainError } from '../../shared/domain/result'
import type { PersonMerge } from '../../shared/api/types'
import { HouseholdEntity, PersonEntity } from '../db/entities'
import { audit, type ServiceContext } from './context'
import { claimVersion } from './versions'
import { personSearchText, requirePerson } from './persons'

/*
 * A person entered twice is merged into the other record: her SPN membership
 * (with its decisions, payments and board terms), her household link and her
 * place as head move to the kept record, which takes what it lacked (clan
 * name, Latin name, register number, birth date, phone) from the merged one.
 * The merged record is removed; the merge is kept (person_merge, appended
 * only) and the kept person's history shows the merged one's audit trail.
 */

const FILLED = ['clanName', 'latinName', 'registerNumber', 'birthDate', 'phone'] as const

export async function mergePersons(ctx: ServiceContext, input: { keepId: number; keepVersion: number; mergeId: number; mergeVersion: number; reason: string }): Promise<PersonMerge> {
  if (input.keepId === input.mergeId) throw new DomainError('validation', 'is the record kept: choose the other record of the same person', 'mergeId', { key: 'r.mergeSame' })
  const keep = await requirePerson(ctx, input.keepId, 'keepId')
  const merge = await requirePerson(ctx, input.mergeId, 'mergeId')
  const keepBefore = { ...keep }
  const mergeBefore = { ...merge }
  await claimVersion(ctx, 'person', keep.id, input.keepVersion)
  await claimVersion(ctx, 'person', merge.id, input.mergeVersion)
  if (keep.registerNumber && merge.registerNumber && keep.registerNumber !== merge.registerNumber) {
    throw new DomainError('validation', `has another register number (${merge.registerNumber}, not ${keep.registerNumber}): these are two persons`, 'mergeId', {
      key: 'r.mergeTwoRegisters',
      vars: { merged: merge.registerNumber, kept: keep.registerNumber },
    })
  }
  const memberships = await ctx.sql.column<number>('SELECT id FROM membership WHERE person_id IN (:ids) ORDER BY id', { ids: [keep.id, merge.id] })
  if (memberships.length > 1) {
    throw new DomainError('conflict', 'both records have an SPN membership, each with its own decisions and payments; they cannot be merged into one', 'mergeId', { key: 'r.mergeTwoMemberships' })
  }
  if (merge.householdId !== null && keep.householdId !== null && merge.householdId !== keep.householdId) {
    throw new DomainError('conflict', `belongs to another household (${merge.householdId}, the kept record to ${keep.householdId}); move one record first`, 'mergeId', {
      key: 'r.mergeTwoHouseholds',
      vars: { merged: merge.householdId, kept: keep.householdId },
    })
  }
  if (merge.householdId !== null && keep.householdId === null && merge.branchId !== keep.branchId) {
    throw new DomainError('conflict', "belongs to another local organisation, with its household; change the kept record's local organisation first", 'mergeId', { key: 'r.mergeOtherBranch' })
  }
  const periods = await ctx.sql.all<{ personId: number }>('SELECT DISTINCT person_id AS "personId" FROM group_member WHERE person_id IN (:ids)', { ids: [keep.id, merge.id] })
  if (periods.length > 1) {
    throw new DomainError('conflict', 'both records have periods in self-help groups; end and correct one first, then merge', 'mergeId', { key: 'r.mergeTwoGroups' })
  }
  // What moves: the membership, the small-group periods, the household link and the headship.
  await ctx.sql.run('UPDATE group_member SET person_id = :keep WHERE person_id = :merge', { keep: keep.id, merge: merge.id })
  await ctx.sql.run('UPDATE membership SET person_id = :keep WHERE person_id = :merge', { keep: keep.id, merge: merge.id })
  const householdId = keep.householdId ?? merge.householdId
  await ctx.sql.run('UPDATE household SET head_person_id = :keep WHERE head_person_id = :merge', { keep: keep.id, merge: merge.id })
  const mergedName = `${merge.patronymic} ${merge.givenName}`
  await ctx.sql.insert(
    `INSERT INTO person_merge (kept_person_id, merged_person_id, merged_name, merged_register_number, reason, merged_at, merged_by)
     VALUES (:keep, :merge, :name, :registerNumber, :reason, :now, :actor) RETURNING id`,
    { keep: keep.id, merge: merge.id, name: mergedName, registerNumber: merge.registerNumber, reason: input.reason, now: ctx.now, actor: ctx.actor },
  )
  await ctx.tx.delete(PersonEntity, { id: merge.id })
  // The kept record takes what it lacked.
  for (const f of FILLED) if (keep[f] === null && merge[f] !== null) (keep as unknown as Record<string, string | null>)[f] = merge[f]
  keep.householdId = householdId
  keep.version = keepBefore.version + 1
  keep.updatedAt = ctx.now
  keep.searchText = personSearchText(keep)
  await ctx.tx.save(PersonEntity, keep)
  if (householdId !== null) await ctx.tx.update(HouseholdEntity, { id: householdId }, { updatedAt: ctx.now })
  const plain = (p: PersonEntity) => ({ clanName: p.clanName, patronymic: p.patronymic, givenName: p.givenName, latinName: p.latinName, registerNumber: p.registerNumber, gender: p.gender, birthDate: p.birthDate, phone: p.phone, branchId: p.branchId, householdId: p.householdId })
  await audit(ctx, 'person', merge.id, plain(mergeBefore), null)
  await audit(ctx, 'person', keep.id, plain(keepBefore), { ...plain(keep), mergedFrom: mergedName })
  return { keptPersonId: keep.id, mergedPersonId: merge.id, mergedName, mergedRegisterNumber: merge.registerNumber, reason: input.reason, mergedAt: ctx.now, mergedBy: ctx.actor }
}

/** The records merged into a person (and into those, in turn), newest first. */
export async function mergesInto(ctx: ServiceContext, personId: number): Promise<PersonMerge[]> {
  const out: PersonMerge[] = []
  const queue = [personId]
  while (queue.length) {
    const id = queue.shift()!
    const rows = await ctx.sql.all<PersonMerge>(
      `SELECT kept_person_id AS "keptPersonId", merged_person_id AS "mergedPersonId", merged_name AS "mergedName", merged_register_number AS "mergedRegisterNumber",
        reason, merged_at AS "mergedAt", merged_by AS "mergedBy" FROM person_merge WHERE kept_person_id = :id ORDER BY id DESC`,
      { id },
    )
    for (const r of rows) {
      out.push(r)
      queue.push(r.mergedPersonId)
    }
  }
  return out
}
