import type { OrganisationProfile } from '../../../shared/api/resultsTypes'
import { audit, type ServiceContext } from '../context'
import { notFuture } from '../dates'

/*
 * The organisation's particulars from a date: appended, so the yearly report
 * of a past year reads what held on its last day.
 */

const SQL = `SELECT id, effective_on AS "effectiveOn", name_mn AS "nameMn", name_en AS "nameEn", registration_number AS "registrationNumber", address, phone,
  executive_director AS "executiveDirector", entered_at AS "enteredAt", entered_by AS "enteredBy" FROM organisation_profile`

export function organisationProfiles(ctx: ServiceContext): Promise<OrganisationProfile[]> {
  return ctx.sql.all<OrganisationProfile>(`${SQL} ORDER BY effective_on DESC, id DESC`)
}

/** The particulars in force on a date, or null before the first entry. */
export async function profileOn(ctx: ServiceContext, on: string): Promise<OrganisationProfile | null> {
  return (await ctx.sql.one<OrganisationProfile>(`${SQL} WHERE effective_on <= :on ORDER BY effective_on DESC, id DESC LIMIT 1`, { on })) ?? null
}

export async function setOrganisationProfile(ctx: ServiceContext, input: Omit<OrganisationProfile, 'id' | 'enteredAt' | 'enteredBy'>): Promise<OrganisationProfile[]> {
  notFuture(ctx, input.effectiveOn, 'effectiveOn')
  const before = await profileOn(ctx, input.effectiveOn)
  const id = await ctx.sql.insert(
    `INSERT INTO organisation_profile (effective_on, name_mn, name_en, registration_number, address, phone, executive_director, entered_at, entered_by)
     VALUES (:effectiveOn, :nameMn, :nameEn, :registrationNumber, :address, :phone, :executiveDirector, :now, :actor) RETURNING id`,
    { ...input, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'organisation_profile', id, before, input)
  return organisationProfiles(ctx)
}
