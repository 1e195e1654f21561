import type { z } from 'zod'
import { contract, isOperationName, type OperationName, type OutputOf } from '../../shared/api/contract'
import { ROLES, type Permission } from '../../shared/api/permissions'
import { DomainError, fail, ok, type Result } from '../../shared/domain/result'
import type { OpenDatabase } from '../db/open'
import type { ServiceContext } from '../services/context'
import type { Handlers } from './handlers'
import { issueRef, messageRef } from '../../shared/i18n/issues'

export interface Session {
  actor: string
  role: keyof typeof ROLES
}

/** Operations that work without a database: choosing where the data is, when it cannot be opened. */
const WITHOUT_DATABASE: ReadonlySet<string> = new Set(['settings.get', 'settings.testServer', 'settings.saveDatabase'])
/** Operations on the database as a whole (backups, restore): outside any transaction, still one call at a time. */
const OUTSIDE_TRANSACTION: ReadonlySet<string> = new Set([...WITHOUT_DATABASE, 'backups.list', 'backups.create', 'backups.restore'])

export interface DispatcherOptions {
  /** null: the database could not be opened (`unavailable` says why); only WITHOUT_DATABASE operations run. */
  db: OpenDatabase | null
  unavailable?: string
  handlers: Handlers
  dataDir: string
  session: Session
  /** Where unexpected errors are logged (main process console by default). */
  log?: (message: string, error: unknown) => void
  clock?: () => Date
}

export type Dispatch = (operation: string, input: unknown) => Promise<Result<unknown>>

/** The first zod issue as an API error naming the field. */
export function validationError(error: z.ZodError): Result<never> {
  const issue = error.issues[0]
  const field = issue.path.map(String).join('.')
  let message = issue.message
  const ref = issueRef(issue)
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys: string[] }).keys
    const where = field ? `${field}.` : ''
    return fail('validation', `Unknown field ${keys.map((k) => where + k).join(', ')}`, where + keys[0], ref)
  }
  if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) message = `has the wrong type (${message})`
  return fail('validation', field ? `${field} ${message}` : message, field || undefined, ref)
}

/**
 * The only door to the services: parse the input (unknown keys rejected),
 * check the permission, run the handler (writes in one transaction, see
 * OpenDatabase.write), return a Result.
 * Calls are queued so that transactions on the single connection never interleave.
 */
export function createDispatcher(opts: DispatcherOptions): Dispatch {
  const log = opts.log ?? ((m, e) => console.error(m, e))
  const permissions = new Set<Permission>(ROLES[opts.session.role])
  let queue: Promise<unknown> = Promise.resolve()

  async function run(operation: string, input: unknown): Promise<Result<unknown>> {
    if (!isOperationName(operation)) return fail('unknown_operation', `There is no operation ${operation}`)
    const def = contract[operation]
    const parsed = def.input.safeParse(input ?? {})
    if (!parsed.success) return validationError(parsed.error)
    if (!permissions.has(def.permission)) {
      const message = `The ${opts.session.role} role may not ${operation} (needs ${def.permission})`
      return fail('forbidden', message, undefined, messageRef(message) ?? undefined)
    }
    if (!opts.db && !WITHOUT_DATABASE.has(operation)) {
      const message = opts.unavailable ?? 'The database is not open.'
      return fail('unavailable', message, undefined, messageRef(message) ?? undefined)
    }
    if (def.write && opts.db?.readOnly) {
      const message = 'This program opened the data read-only; nothing can be changed from here.'
      return fail('forbidden', message, undefined, messageRef(message) ?? undefined)
    }
    const handler = opts.handlers[operation] as (ctx: ServiceContext, i: unknown) => unknown
    const now = (opts.clock ?? (() => new Date()))().toISOString()
    try {
      const call = async (tx: ServiceContext['tx'], sql: ServiceContext['sql']) =>
        handler({ tx, sql, actor: opts.session.actor, operation, now, dataDir: opts.dataDir }, parsed.data)
      const db = opts.db
      const value = !db
        ? await call(undefined as never, undefined as never)
        : OUTSIDE_TRANSACTION.has(operation)
          ? await call(db.dataSource.manager, undefined as never)
          : def.write
            ? await db.write(call)
            : await db.read(call)
      return ok(value as OutputOf<OperationName>)
    } catch (e) {
      if (e instanceof DomainError) {
        // Messages written as a predicate ("is required") get the field's name in front.
        const sentence = e.field && /^[a-z]/.test(e.message) ? `${e.field} ${e.message}` : e.message
        return fail(e.code, sentence, e.field, e.ref ?? messageRef(e.message) ?? undefined)
      }
      log(`Operation ${operation} failed unexpectedly`, e)
      return fail('internal', 'Something went wrong inside the app; the change was not saved. The details are in the log.')
    }
  }

  return (operation, input) => {
    const result = queue.then(() => run(operation, input))
    queue = result.catch(() => undefined)
    return result
  }
}
