import type { z } from 'zod'
import type { organisationInput } from '../../shared/api/contract'
import type { Organisation } from '../../shared/api/types'
import { OrganisationEntity } from '../db/entities'
import { audit, type ServiceContext } from './context'

function toOrganisation(e: OrganisationEntity, membershipId: number | null): Organisation {
  return { id: e.id, nameMn: e.nameMn, nameEn: e.nameEn, kind: e.kind, areaCode: e.areaCode, contactName: e.contactName, phone: e.phone, membershipId }
}

export async function listOrganisations(ctx: ServiceContext): Promise<Organisation[]> {
  const memberships = new Map(
    (await ctx.sql.all<{ o: number; id: number }>('SELECT organisation_id AS o, id FROM membership WHERE organisation_id IS NOT NULL')).map((r) => [r.o, r.id]),
  )
  return (await ctx.tx.find(OrganisationEntity, { order: { nameMn: 'ASC' } })).map((o) => toOrganisation(o, memberships.get(o.id) ?? null))
}

/** Adds a local network or group that can then apply for SPN membership. */
export async function createOrganisation(ctx: ServiceContext, input: z.output<typeof organisationInput>): Promise<Organisation> {
  const saved = await ctx.tx.save(OrganisationEntity, ctx.tx.create(OrganisationEntity, { ...input, createdAt: ctx.now, updatedAt: ctx.now }))
  const out = toOrganisation(saved, null)
  await audit(ctx, 'organisation', out.id, null, out)
  return out
}
