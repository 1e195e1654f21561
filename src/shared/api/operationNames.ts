/**
 * The names of every contract operation, without their schemas, so the
 * preload can allow-list them without bundling zod. A test keeps this list
 * equal to the keys of \`contract\`.
 */
export const OPERATION_NAME_LIST = [
  'system.info',
  'demo.load',
  'dashboard.summary',
  'branches.list',
  'branches.create',
  'branches.update',
  'persons.search',
  'persons.get',
  'persons.create',
  'persons.update',
  'households.search',
  'households.get',
  'households.create',
  'households.update',
  'organisations.list',
  'organisations.create',
  'members.list',
  'members.get',
  'members.apply',
  'members.decide',
  'reports.generate',
  'reports.save',
  'assemblies.list',
  'assemblies.get',
  'assemblies.create',
  'assemblies.update',
  'fees.decide',
  'fees.overview',
  'fees.members',
  'fees.pay',
  'fees.payments',
  'elections.record',
  'elections.resolveTie',
  'elections.assignRoles',
  'boards.current',
  'boards.history',
  'audit.list',
] as const

export const INVOKE_CHANNEL = 'spn:invoke'
