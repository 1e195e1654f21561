import type { EntityManager } from 'typeorm'
import { AuditEntryEntity } from '../db/entities'
import type { Sql } from '../db/sql'

/** What every service call gets: the transaction, who acts, and when. */
export interface ServiceContext {
  tx: EntityManager
  /** Hand-written SQL on the same transaction, with named parameters (see db/sql). */
  sql: Sql
  actor: string
  operation: string
  /** UTC ISO timestamp of this call. */
  now: string
  dataDir: string
}

/** Appends an audit entry: who, when, which operation, the record before and after. */
export async function audit(
  ctx: ServiceContext,
  entityType: string,
  entityId: number,
  before: unknown,
  after: unknown,
): Promise<void> {
  await ctx.tx
    .createQueryBuilder()
    .insert()
    .into(AuditEntryEntity)
    .values({
      at: ctx.now,
      actor: ctx.actor,
      operation: ctx.operation,
      entityType,
      entityId,
      beforeJson: before === null || before === undefined ? null : JSON.stringify(before),
      afterJson: after === null || after === undefined ? null : JSON.stringify(after),
    })
    .execute()
}

/** Strips bookkeeping columns so audit entries and outputs hold the record itself. */
export function withoutTimestamps<T extends { createdAt?: string; updatedAt?: string }>(e: T): Omit<T, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = e
  return rest
}
