import type { AuditEntry, Page } from '../../shared/api/types'
import type { ServiceContext } from './context'
import { inWords } from './auditWords'

const SELECT = `SELECT id, at, actor, operation, entity_type AS "entityType", entity_id AS "entityId",
  before_json AS "beforeJson", after_json AS "afterJson" FROM audit_entry`

function toEntry(r: Record<string, unknown>): Omit<AuditEntry, 'changes'> {
  const { beforeJson, afterJson, ...rest } = r as { beforeJson: string | null; afterJson: string | null } & Omit<AuditEntry, 'before' | 'after' | 'changes'>
  return { ...rest, before: beforeJson ? JSON.parse(beforeJson) : null, after: afterJson ? JSON.parse(afterJson) : null }
}

/** The audit trail of one or more records (e.g. a person and their membership), newest first. */
export async function auditFor(ctx: ServiceContext, ...records: Array<[entityType: string, entityId: number]>): Promise<AuditEntry[]> {
  const params: Record<string, unknown> = {}
  const where = records
    .map(([type, id], i) => {
      params[`type${i}`] = type
      params[`id${i}`] = id
      return `(entity_type = :type${i} AND entity_id = :id${i})`
    })
    .join(' OR ')
  return inWords(ctx, (await ctx.sql.all<Record<string, unknown>>(`${SELECT} WHERE ${where} ORDER BY id DESC LIMIT 200`, params)).map(toEntry))
}

export async function listAudit(
  ctx: ServiceContext,
  input: { entityType?: string; entityId?: number; page: number; pageSize: number },
): Promise<Page<AuditEntry>> {
  const where: string[] = []
  if (input.entityType !== undefined) where.push('entity_type = :entityType')
  if (input.entityId !== undefined) where.push('entity_id = :entityId')
  const params = { entityType: input.entityType, entityId: input.entityId, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = await ctx.sql.value(`SELECT count(*) AS n FROM audit_entry${w}`, params)
  const rows = await ctx.sql.all<Record<string, unknown>>(`${SELECT}${w} ORDER BY id DESC LIMIT :limit OFFSET :offset`, params)
  return { rows: await inWords(ctx, rows.map(toEntry)), total, page: input.page, pageSize: input.pageSize }
}
