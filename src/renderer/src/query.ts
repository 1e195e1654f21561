import { QueryClient, keepPreviousData, useQuery } from '@tanstack/react-query'
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract'
import type { ApiError, Result } from '../../shared/domain/result'
import { call } from './api'

/**
 * TanStack Query over the contract: a read is cached under [operation, input],
 * so every page asking for the same thing (the branches, the projects) shares
 * one answer, and a write marks stale exactly the areas it changes.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // The backend is on this computer (or the office's server): a refusal is an answer, not a network blip to retry.
    // A page shows what it has at once and asks again on opening: on a shared server someone else may have written since.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
  },
})

type Area = OperationName extends `${infer A}.${string}` ? A : never

/**
 * What a write in each area can change, as the areas whose reads must be
 * fetched again. Typed over every area of the contract, so a new area must say
 * what it touches. The dashboard and the audit trail follow every write.
 */
/** A change to the self-help groups: their tree, pages and members. */
const GROUPS = ['groups', 'cbos', 'lsgs', 'ssgs', 'roster', 'meetings', 'offices', 'documents', 'results'] as const

const CHANGES: Record<Area, readonly Area[] | 'everything'> = {
  system: [],
  settings: ['settings', 'system'],
  // Loading the demo, restoring a backup or moving the database changes everything.
  demo: 'everything',
  backups: 'everything',
  branches: ['branches', 'persons', 'households', 'organisations', 'members', 'assemblies', 'fees', 'boards'],
  persons: ['persons', 'households', 'members', 'fees', 'boards', 'assemblies', 'groups', 'lsgs', 'ssgs', 'roster'],
  households: ['households', 'persons'],
  organisations: ['organisations', 'members', 'fees'],
  members: ['members', 'persons', 'fees', 'assemblies', 'boards'],
  assemblies: ['assemblies', 'fees', 'boards'],
  fees: ['fees', 'members', 'assemblies'],
  elections: ['assemblies', 'boards', 'persons'],
  boards: ['boards'],
  projects: ['finance', 'budget', 'expenses', 'transfers', 'funds'],
  finance: ['finance', 'budget', 'expenses'],
  budget: ['budget', 'finance'],
  transfers: ['transfers', 'funds', 'finance', 'expenses', 'activities', 'results'],
  funds: ['funds', 'transfers', 'finance', 'expenses'],
  expenses: ['expenses', 'finance', 'funds', 'activities', 'results'],
  groups: GROUPS,
  cbos: GROUPS,
  lsgs: GROUPS,
  ssgs: GROUPS,
  roster: [...GROUPS, 'persons', 'households', 'meetings', 'offices'],
  meetings: [...GROUPS, 'meetings', 'offices', 'sheets'],
  offices: [...GROUPS, 'offices', 'meetings'],
  documents: [...GROUPS, 'loans', 'sheets'],
  results: [],
  activities: ['activities', 'results', 'loans', 'savings', 'sheets'],
  indicators: ['results'],
  narratives: ['narratives'],
  organisation: ['organisation'],
  survey: ['survey', 'results'],
  savings: ['savings', 'results', 'loans', 'sheets'],
  loans: ['loans', 'groupfunds', 'savings', 'results', 'portfolio', 'sheets'],
  training: ['loans'],
  portfolio: [],
  sheets: [...GROUPS, 'savings', 'loans', 'groupfunds', 'portfolio', 'meetings', 'sheets'],
  groupfunds: ['groupfunds', 'loans', 'expenses'],
  // Submitting a report keeps it and locks its period (the project's lock date).
  reports: ['reports', 'finance'],
  dashboard: [],
  audit: [],
}

/** The areas a write operation makes stale (exported for its test). */
export function staleAfter(operation: OperationName): readonly string[] {
  const area = operation.split('.')[0] as Area
  const areas = CHANGES[area]
  if (areas === 'everything') return ['*']
  return [...new Set([...areas, 'dashboard', 'audit'])]
}

export type Loaded<T> = { status: 'loading'; data?: T } | { status: 'error'; error: ApiError; data?: T } | { status: 'ready'; data: T }

class Refusal extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
  }
}

/**
 * A read operation as page state: loading (with the previous answer kept while
 * a list pages or filters), error, or ready; `reload` asks again.
 */
export function useOperation<K extends OperationName>(
  operation: K,
  input: InputOf<K>,
  options: { enabled?: boolean; /** A lookup many pages share (the branches, the projects): fetched once, again only after a write changes it. */ lookup?: boolean } = {},
): Loaded<OutputOf<K>> & { reload(): void } {
  const q = useQuery({
    queryKey: [operation, input],
    queryFn: async () => {
      const r = await call(operation, input)
      if (!r.ok) throw new Refusal(r.error)
      return r.value
    },
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    ...(options.lookup ? { staleTime: Infinity } : {}),
  })
  const reload = () => void q.refetch()
  if (q.isError && !q.isFetching) return { status: 'error', error: (q.error as Refusal).error ?? { code: 'internal', message: String(q.error) }, data: q.data, reload }
  if (q.data !== undefined && !q.isPlaceholderData && !q.isFetching) return { status: 'ready', data: q.data, reload }
  return { status: 'loading', data: q.data, reload }
}

/**
 * Every write of the renderer: the contract's Result (a refusal is a value for
 * the form to show), and on success what it changed is fetched again.
 */
export async function write<K extends OperationName>(operation: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
  const r = await call(operation, input)
  if (r.ok) void invalidate(queryClient, operation)
  return r
}

/** Marks stale (and fetches again where shown) every read a write changed. */
export function invalidate(client: QueryClient, operation: OperationName): Promise<void> {
  const areas = staleAfter(operation)
  if (areas.includes('*')) return client.invalidateQueries()
  return client.invalidateQueries({
    predicate: (query) => {
      const op = query.queryKey[0]
      return typeof op === 'string' && areas.includes(op.split('.')[0]!)
    },
  })
}
