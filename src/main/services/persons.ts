import type { z } from 'zod'
import { notFuture } from './dates'
import { DomainError } from '../../shared/domain/result'
import { checkRegisterNumber } from '../../shared/domain/registerNumber'
import { mongolianSortKey, searchKey, shortName } from '../../shared/domain/names'
import type { personInput, personSearchInput } from '../../shared/api/contract'
import type { Page, Person, PersonDetail, PersonRow } from '../../shared/api/types'
import { HouseholdEntity, PersonEntity } from '../db/entities'
import { audit, type ServiceContext } from './context'
import { claimVersion } from './versions'
import { requireBranch } from './branches'
import { auditFor } from './auditLog'
import { householdRow } from './households'
import { membershipOfPerson } from './members'
import { mergesInto } from './personMerge'

type PersonInput = z.output<typeof personInput>
type SearchInput = z.output<typeof personSearchInput>

export function personSearchText(p: Pick<Person, 'clanName' | 'patronymic' | 'givenName' | 'latinName' | 'registerNumber' | 'phone'>): string {
  return searchKey([p.clanName, p.patronymic, p.givenName, p.latinName, p.registerNumber, p.phone].filter(Boolean).join(' '))
}

export function personSortKey(p: Pick<Person, 'givenName' | 'patronymic'>): string {
  return `${mongolianSortKey(p.givenName)} ${mongolianSortKey(p.patronymic)}`
}

function toPerson(e: PersonEntity): Person {
  return {
    id: e.id,
    version: e.version,
    clanName: e.clanName,
    patronymic: e.patronymic,
    givenName: e.givenName,
    latinName: e.latinName,
    registerNumber: e.registerNumber,
    gender: e.gender,
    birthDate: e.birthDate,
    phone: e.phone,
    branchId: e.branchId,
    householdId: e.householdId,
  }
}

export async function requirePerson(ctx: ServiceContext, id: number, field = 'id'): Promise<PersonEntity> {
  const p = await ctx.tx.findOneBy(PersonEntity, { id })
  if (!p) throw new DomainError('not_found', `No person with id ${id}`, field)
  return p
}

/** Rules beyond the schema: the register number is unique and agrees with the birth date and gender. */
async function checkPerson(ctx: ServiceContext, input: PersonInput, exceptId?: number): Promise<void> {
  await requireBranch(ctx, input.branchId)
  if (input.birthDate) notFuture(ctx, input.birthDate, 'birthDate')
  if (input.birthDate && input.birthDate < '1900-01-01') throw new DomainError('validation', 'must not be before 1900', 'birthDate', { key: 'r.before1900' })
  if (input.registerNumber) {
    const check = checkRegisterNumber(input.registerNumber)
    if (check.ok) {
      if (input.birthDate && input.birthDate !== check.birthDate) {
        throw new DomainError('validation', `does not match the register number, which gives ${check.birthDate}`, 'birthDate')
      }
      if (input.gender !== check.gender) {
        throw new DomainError('validation', `does not match the register number, which gives ${check.gender}`, 'gender')
      }
    }
    const other = await ctx.tx.findOneBy(PersonEntity, { registerNumber: input.registerNumber })
    if (other && other.id !== exceptId) {
      throw new DomainError(
        'conflict',
        `The register number ${input.registerNumber} is already recorded for ${shortName(other)} (person ${other.id})`,
        'registerNumber',
      )
    }
  }
  if (input.householdId !== null) {
    const h = await ctx.tx.findOneBy(HouseholdEntity, { id: input.householdId })
    if (!h) throw new DomainError('not_found', `No household with id ${input.householdId}`, 'householdId')
    if (h.branchId !== input.branchId) {
      throw new DomainError('validation', 'must belong to the same local organisation as the person', 'householdId')
    }
  }
}

function fill(e: PersonEntity, input: PersonInput, now: string): void {
  const registerNumber = input.registerNumber
  const birthDate = input.birthDate ?? (registerNumber && checkRegisterNumber(registerNumber).ok
    ? (checkRegisterNumber(registerNumber) as { birthDate: string }).birthDate
    : null)
  Object.assign(e, input, { birthDate, updatedAt: now })
  e.searchText = personSearchText(e)
  e.sortKey = personSortKey(e)
}

export async function createPerson(ctx: ServiceContext, input: PersonInput): Promise<Person> {
  await checkPerson(ctx, input)
  const e = ctx.tx.create(PersonEntity, { version: 1, createdAt: ctx.now })
  fill(e, input, ctx.now)
  const out = toPerson(await ctx.tx.save(PersonEntity, e))
  await audit(ctx, 'person', out.id, null, out)
  return out
}

export async function updatePerson(ctx: ServiceContext, input: { id: number; version: number; person: PersonInput }): Promise<Person> {
  const e = await requirePerson(ctx, input.id)
  const before = toPerson(e)
  e.version = await claimVersion(ctx, 'person', input.id, input.version)
  await checkPerson(ctx, input.person, input.id)
  if (before.householdId !== null && before.householdId !== input.person.householdId) {
    const h = await ctx.tx.findOneBy(HouseholdEntity, { id: before.householdId })
    if (h?.headPersonId === input.id) {
      throw new DomainError('validation', 'this person heads their household; choose another head first', 'householdId')
    }
  }
  fill(e, input.person, ctx.now)
  const out = toPerson(await ctx.tx.save(PersonEntity, e))
  await audit(ctx, 'person', out.id, before, out)
  return out
}

/**
 * Deletes a person entered by mistake, while nothing refers to her: no SPN
 * membership (its history and payments hang on it) and no household she
 * heads. The audit trail keeps what was deleted, by whom and when.
 */
export async function deletePerson(ctx: ServiceContext, input: { id: number; version: number }): Promise<{ id: number }> {
  const e = await requirePerson(ctx, input.id)
  const before = toPerson(e)
  await claimVersion(ctx, 'person', input.id, input.version)
  const membership = await ctx.sql.one<{ id: number }>('SELECT id FROM membership WHERE person_id = :id', { id: input.id })
  if (membership) throw new DomainError('conflict', 'cannot be deleted: the person has an SPN membership, with its decisions and payments', 'id', { key: 'r.personIsMember' })
  const inGroup = await ctx.sql.one<{ id: number }>('SELECT id FROM group_member WHERE person_id = :id', { id: input.id })
  if (inGroup) throw new DomainError('conflict', 'cannot be deleted: the person has been a member of a self-help group', 'id', { key: 'r.personInGroup' })
  const heads = await ctx.sql.one<{ id: number }>('SELECT id FROM household WHERE head_person_id = :id', { id: input.id })
  if (heads) throw new DomainError('conflict', `cannot be deleted: the person heads household ${heads.id}; choose another head first`, 'id', { key: 'r.personIsHead', vars: { household: heads.id } })
  await ctx.sql.run('DELETE FROM person WHERE id = :id', { id: input.id })
  await audit(ctx, 'person', input.id, before, null)
  return { id: input.id }
}

const SORT_SQL: Record<SearchInput['sort'], string> = {
  givenName: 'p.sort_key',
  patronymic: 'p.patronymic',
  registerNumber: 'p.register_number',
  birthDate: 'p.birth_date',
  branch: 'b.name_en',
}

export const PERSON_ROW_SQL = `SELECT p.id, p.version, p.clan_name AS "clanName", p.patronymic, p.given_name AS "givenName",
  p.latin_name AS "latinName", p.register_number AS "registerNumber", p.gender, p.birth_date AS "birthDate",
  p.phone, p.branch_id AS "branchId", p.household_id AS "householdId",
  b.name_mn AS "branchMn", b.name_en AS "branchEn", m.current_status AS "membershipStatus"
  FROM person p JOIN branch b ON b.id = p.branch_id LEFT JOIN membership m ON m.person_id = p.id`

export function toPersonRow(r: Record<string, unknown>): PersonRow {
  const { branchMn, branchEn, membershipStatus, ...p } = r as unknown as Person & {
    branchMn: string
    branchEn: string
    membershipStatus: PersonRow['membershipStatus']
  }
  return { ...p, shortName: shortName(p), branchName: { mn: branchMn, en: branchEn }, membershipStatus: membershipStatus ?? null }
}

/** Builds the WHERE clause of a person search; each word of the query must match some name form. */
export function personSearchWhere(input: Pick<SearchInput, 'query' | 'branchId' | 'status'>): { sql: string; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = { branchId: input.branchId, status: input.status }
  searchKey(input.query)
    .split(' ')
    .filter(Boolean)
    .forEach((word, i) => {
      where.push(`p.search_text LIKE :word${i} ESCAPE '\\'`)
      params[`word${i}`] = `%${word.replace(/[%_\\]/g, '\\$&')}%`
    })
  if (input.branchId !== undefined) where.push('p.branch_id = :branchId')
  if (input.status === 'none') where.push('m.id IS NULL')
  else if (input.status !== undefined) where.push('m.current_status = :status')
  return { sql: where.length ? ` WHERE ${where.join(' AND ')}` : '', params }
}

export async function searchPersons(ctx: ServiceContext, input: SearchInput): Promise<Page<PersonRow>> {
  const { sql, params } = personSearchWhere(input)
  const order = `${SORT_SQL[input.sort]} ${input.dir === 'desc' ? 'DESC' : 'ASC'}, p.id`
  const total = await ctx.sql.value(`SELECT count(*) AS n FROM person p LEFT JOIN membership m ON m.person_id = p.id${sql}`, params)
  const rows = await ctx.sql.all<Record<string, unknown>>(`${PERSON_ROW_SQL}${sql} ORDER BY ${order} LIMIT :limit OFFSET :offset`, {
    ...params,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  })
  return { rows: rows.map(toPersonRow), total, page: input.page, pageSize: input.pageSize }
}

export async function getPerson(ctx: ServiceContext, id: number): Promise<PersonDetail> {
  const row = await ctx.sql.one<Record<string, unknown>>(`${PERSON_ROW_SQL} WHERE p.id = :id`, { id })
  if (!row) throw new DomainError('not_found', `No person with id ${id}`, 'id')
  const person = toPersonRow(row)
  const { shortName: sn, branchName, membershipStatus: _m, ...plain } = person
  const membership = await membershipOfPerson(ctx, id)
  const merges = await mergesInto(ctx, id)
  const records: Array<[string, number]> = [['person', id], ...merges.map((m): [string, number] => ['person', m.mergedPersonId])]
  if (membership) records.push(['membership', membership.id])
  return {
    person: plain,
    shortName: sn,
    branchName,
    household: person.householdId === null ? null : await householdRow(ctx, person.householdId),
    membership,
    merges,
    audit: await auditFor(ctx, ...records),
  }
}
