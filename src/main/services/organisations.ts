import type { z } from 'zod'
import { DomainError } from '../../shared/domain/result'
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

/** Deletes an organisation entered by mistake or twice, while it has no SPN membership; the audit trail keeps what was deleted. */
export async function deleteOrganisation(ctx: ServiceContext, input: { id: number }): Promise<{ id: number }> {
  const e = await ctx.tx.findOneBy(OrganisationEntity, { id: input.id })
  if (!e) throw new DomainError('not_found', `No organisation with id ${input.id}`, 'id')
  const membership = await ctx.sql.one<{ id: number }>('SELECT id FROM membership WHERE organisation_id = :id', { id: input.id })
  if (membership) throw new DomainError('conflict', 'cannot be deleted: the organisation has an SPN membership, with its decisions and payments', 'id', { key: 'r.organisationIsMember' })
  await ctx.tx.delete(OrganisationEntity, { id: input.id })
  await audit(ctx, 'organisation', input.id, toOrganisation(e, null), null)
  return { id: input.id }
}
