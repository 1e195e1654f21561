import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api/contract'
import type { ServiceContext } from '../services/context'
import { createBranch, listBranches, updateBranch } from '../services/branches'
import { createPerson, getPerson, searchPersons, updatePerson } from '../services/persons'
import { createHousehold, getHousehold, searchHouseholds, updateHousehold } from '../services/households'
import { createOrganisation, listOrganisations } from '../services/organisations'
import { applyForMembership, decideMembership, getMembership, listMembers } from '../services/members'
import { dashboardSummary } from '../services/dashboard'
import { listAudit } from '../services/auditLog'
import { loadDemo } from '../demo/load'
import { DomainError } from '../../shared/domain/result'

export interface SystemFacts {
  version: string
  schemaVersion: number
  role: string
}

export type Handler<K extends OperationName> = (ctx: ServiceContext, input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>
export type Handlers = { [K in OperationName]: Handler<K> }

/** One handler per contract operation; the type makes a missing one a compile error. */
export function makeHandlers(facts: SystemFacts): Handlers {
  return {
    'system.info': (ctx) => ({ version: facts.version, schemaVersion: facts.schemaVersion, dataDir: ctx.dataDir, actor: ctx.actor, role: facts.role }),
    'demo.load': (ctx, i) => {
      const n = (ctx.raw.prepare('SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM person) AS n').get() as { n: number }).n
      if (n > 0) throw new DomainError('conflict', 'The demo loads only into an empty database; this one already holds data.')
      return loadDemo(ctx.raw, { seed: i.seed, actor: ctx.actor, now: ctx.now })
    },
    'dashboard.summary': (ctx, i) => dashboardSummary(ctx, i.asOf),
    'branches.list': (ctx) => listBranches(ctx),
    'branches.create': createBranch,
    'branches.update': updateBranch,
    'persons.search': searchPersons,
    'persons.get': (ctx, i) => getPerson(ctx, i.id),
    'persons.create': createPerson,
    'persons.update': updatePerson,
    'households.search': searchHouseholds,
    'households.get': (ctx, i) => getHousehold(ctx, i.id),
    'households.create': createHousehold,
    'households.update': updateHousehold,
    'organisations.list': (ctx) => listOrganisations(ctx),
    'organisations.create': createOrganisation,
    'members.list': listMembers,
    'members.get': (ctx, i) => getMembership(ctx, i.id),
    'members.apply': applyForMembership,
    'members.decide': decideMembership,
    'audit.list': listAudit,
  }
}
