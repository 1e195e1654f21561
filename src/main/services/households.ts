import type { z } from 'zod'
import { notFuture } from './dates'
import { todayIso } from '../../shared/domain/dates'
import { DomainError } from '../../shared/domain/result'
import { searchKey, shortName } from '../../shared/domain/names'
import type { contract, householdInput } from '../../shared/api/contract'
import type { Household, HouseholdDetail, HouseholdRow, Page } from '../../shared/api/types'
import { HouseholdEntity, PersonEntity } from '../db/entities'
import { audit, type ServiceContext } from './context'
import { claimVersion } from './versions'
import { requireBranch } from './branches'
import { auditFor } from './auditLog'
import { PERSON_ROW_SQL, toPersonRow } from './persons'

type HouseholdInput = z.output<typeof householdInput>
type SearchInput = z.output<(typeof contract)['households.search']['input']>

function toHousehold(e: HouseholdEntity): Household {
  return {
    id: e.id,
    version: e.version,
    branchId: e.branchId,
    headPersonId: e.headPersonId,
    singleWomanHeaded: Boolean(e.singleWomanHeaded),
    childrenCount: e.childrenCount,
    areaCode: e.areaCode,
    soum: e.soum,
    bag: e.bag,
    addressLine: e.addressLine,
    registeredOn: e.registeredOn ?? e.createdAt.slice(0, 10),
  }
}

const ROW_SQL = `SELECT h.id, h.version, h.branch_id AS "branchId", h.head_person_id AS "headPersonId",
  h.single_woman_headed AS "singleWomanHeaded", h.children_count AS "childrenCount", h.area_code AS "areaCode",
  h.soum, h.bag, h.address_line AS "addressLine", h.registered_on AS "registeredOn", b.name_mn AS "branchMn", b.name_en AS "branchEn",
  hp.patronymic AS "headPatronymic", hp.given_name AS "headGivenName",
  (SELECT count(*) FROM person x WHERE x.household_id = h.id) AS "memberCount"
  FROM household h JOIN branch b ON b.id = h.branch_id LEFT JOIN person hp ON hp.id = h.head_person_id`

function toRow(r: Record<string, unknown>): HouseholdRow {
  type Raw = Omit<Household, 'singleWomanHeaded'> & {
    branchMn: string
    branchEn: string
    headPatronymic: string | null
    headGivenName: string | null
    memberCount: number
    singleWomanHeaded: number
  }
  const { branchMn, branchEn, headPatronymic, headGivenName, singleWomanHeaded, ...h } = r as unknown as Raw
  return {
    ...h,
    singleWomanHeaded: singleWomanHeaded === 1,
    headName: headGivenName ? shortName({ patronymic: headPatronymic ?? '', givenName: headGivenName }) : null,
    branchName: { mn: branchMn, en: branchEn },
  }
}

export async function householdRow(ctx: ServiceContext, id: number): Promise<HouseholdRow> {
  const r = await ctx.sql.one<Record<string, unknown>>(`${ROW_SQL} WHERE h.id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No household with id ${id}`, 'id')
  return toRow(r)
}

/** The first day a household can have joined: SPN (then SWPN) was founded in 2004. */
export const FIRST_JOIN = '2004-01-01'

async function checkHousehold(ctx: ServiceContext, input: HouseholdInput, id?: number): Promise<void> {
  await requireBranch(ctx, input.branchId)
  // A date far outside the data is a typing slip (a join in 2030, or in 1920).
  if (input.registeredOn) notFuture(ctx, input.registeredOn, 'registeredOn')
  if (input.registeredOn && input.registeredOn < FIRST_JOIN) throw new DomainError('validation', 'must not be before 2004, when the SPN was founded', 'registeredOn', { key: 'r.beforeSpn' })
  if (input.headPersonId !== null) {
    const head = await ctx.tx.findOneBy(PersonEntity, { id: input.headPersonId })
    if (!head) throw new DomainError('not_found', `No person with id ${input.headPersonId}`, 'headPersonId')
    if (id === undefined || head.householdId !== id) {
      throw new DomainError('validation', 'must be a person of this household', 'headPersonId')
    }
    if (input.singleWomanHeaded && head.gender !== 'female') {
      throw new DomainError('validation', 'a single-woman-headed household needs a woman as head', 'singleWomanHeaded')
    }
  }
  if (id !== undefined) {
    const n = await ctx.sql.value('SELECT count(*) AS n FROM person WHERE household_id = :id AND branch_id <> :branchId', { id, branchId: input.branchId })
    if (n > 0) throw new DomainError('validation', `${n} persons of this household belong to another local organisation`, 'branchId')
  }
}

export async function createHousehold(ctx: ServiceContext, input: HouseholdInput): Promise<Household> {
  if (input.headPersonId !== null) {
    throw new DomainError('validation', 'add the household first, then its persons, then choose the head', 'headPersonId')
  }
  await checkHousehold(ctx, input)
  const e = ctx.tx.create(HouseholdEntity, { ...input, version: 1, registeredOn: input.registeredOn ?? todayIso(ctx.now), createdAt: ctx.now, updatedAt: ctx.now })
  const out = toHousehold(await ctx.tx.save(HouseholdEntity, e))
  await audit(ctx, 'household', out.id, null, out)
  return out
}

export async function updateHousehold(ctx: ServiceContext, input: { id: number; version: number; household: HouseholdInput }): Promise<Household> {
  const e = await ctx.tx.findOneBy(HouseholdEntity, { id: input.id })
  if (!e) throw new DomainError('not_found', `No household with id ${input.id}`, 'id')
  const before = toHousehold(e)
  const version = await claimVersion(ctx, 'household', input.id, input.version)
  await checkHousehold(ctx, input.household, input.id)
  Object.assign(e, input.household, { version, registeredOn: input.household.registeredOn ?? e.registeredOn, updatedAt: ctx.now })
  const out = toHousehold(await ctx.tx.save(HouseholdEntity, e))
  await audit(ctx, 'household', out.id, before, out)
  return out
}

/** Deletes a household entered by mistake or twice, while no person belongs to it; the audit trail keeps what was deleted. */
export async function deleteHousehold(ctx: ServiceContext, input: { id: number; version: number }): Promise<{ id: number }> {
  const e = await ctx.tx.findOneBy(HouseholdEntity, { id: input.id })
  if (!e) throw new DomainError('not_found', `No household with id ${input.id}`, 'id')
  const before = toHousehold(e)
  await claimVersion(ctx, 'household', input.id, input.version)
  const persons = await ctx.sql.value<number>('SELECT count(*) AS n FROM person WHERE household_id = :id', { id: input.id })
  if (persons > 0) {
    throw new DomainError('conflict', `cannot be deleted: ${persons} persons belong to the household; move them to their household first`, 'id', { key: 'r.householdHasPersons', vars: { n: persons } })
  }
  if (await ctx.sql.one('SELECT id FROM group_member WHERE household_id = :id', { id: input.id })) {
    throw new DomainError('conflict', 'cannot be deleted: the household has been in a self-help group', 'id', { key: 'r.householdInGroup' })
  }
  await ctx.tx.delete(HouseholdEntity, { id: input.id })
  await audit(ctx, 'household', input.id, before, null)
  return { id: input.id }
}

const SORT: Record<SearchInput['sort'], string> = {
  id: 'h.id',
  head: 'hp.sort_key',
  childrenCount: 'h.children_count',
  branch: 'b.name_en',
}

export async function searchHouseholds(ctx: ServiceContext, input: SearchInput): Promise<Page<HouseholdRow>> {
  const where: string[] = []
  const params: Record<string, unknown> = {
    branchId: input.branchId,
    swh: input.singleWomanHeaded ? 1 : 0,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  }
  searchKey(input.query)
    .split(' ')
    .filter(Boolean)
    .forEach((word, i) => {
      // A household matches when any of its persons matches by name or register number.
      where.push(`EXISTS (SELECT 1 FROM person s WHERE s.household_id = h.id AND s.search_text LIKE :word${i})`)
      params[`word${i}`] = `%${word}%`
    })
  if (input.branchId !== undefined) where.push('h.branch_id = :branchId')
  if (input.singleWomanHeaded !== undefined) where.push('h.single_woman_headed = :swh')
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = await ctx.sql.value(`SELECT count(*) AS n FROM household h${w}`, params)
  const rows = await ctx.sql.all<Record<string, unknown>>(
    `${ROW_SQL}${w} ORDER BY ${SORT[input.sort]} ${input.dir === 'desc' ? 'DESC' : 'ASC'}, h.id LIMIT :limit OFFSET :offset`,
    params,
  )
  return { rows: rows.map(toRow), total, page: input.page, pageSize: input.pageSize }
}

export async function getHousehold(ctx: ServiceContext, id: number): Promise<HouseholdDetail> {
  const household = await householdRow(ctx, id)
  const members = (await ctx.sql.all<Record<string, unknown>>(`${PERSON_ROW_SQL} WHERE p.household_id = :id ORDER BY p.birth_date, p.id`, { id })).map(toPersonRow)
  return { household, members, audit: await auditFor(ctx, ['household', id]) }
}
