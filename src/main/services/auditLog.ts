import type { AuditEntry, Page } from '../../shared/api/types'
import type { ServiceContext } from './context'

const SELECT = `SELECT id, at, actor, operation, entity_type AS entityType, entity_id AS entityId,
  before_json AS beforeJson, after_json AS afterJson FROM audit_entry`

function toEntry(r: Record<string, unknown>): AuditEntry {
  const { beforeJson, afterJson, ...rest } = r as { beforeJson: string | null; afterJson: string | null } & Omit<AuditEntry, 'before' | 'after'>
  return { ...rest, before: beforeJson ? JSON.parse(beforeJson) : null, after: afterJson ? JSON.parse(afterJson) : null }
}

/** The audit trail of one or more records (e.g. a person and their membership), newest first. */
export function auditFor(ctx: ServiceContext, ...records: Array<[entityType: string, entityId: number]>): AuditEntry[] {
  const where = records.map(() => '(entity_type = ? AND entity_id = ?)').join(' OR ')
  return (ctx.raw.prepare(`${SELECT} WHERE ${where} ORDER BY id DESC LIMIT 200`).all(...records.flat()) as Array<Record<string, unknown>>).map(toEntry)
}

export function listAudit(
  ctx: ServiceContext,
  input: { entityType?: string; entityId?: number; page: number; pageSize: number },
): Page<AuditEntry> {
  const where: string[] = []
  const params: unknown[] = []
  if (input.entityType !== undefined) {
    where.push('entity_type = ?')
    params.push(input.entityType)
  }
  if (input.entityId !== undefined) {
    where.push('entity_id = ?')
    params.push(input.entityId)
  }
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = (ctx.raw.prepare(`SELECT count(*) AS n FROM audit_entry${w}`).get(...params) as { n: number }).n
  const rows = ctx.raw.prepare(`${SELECT}${w} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as Array<Record<string, unknown>>
  return { rows: rows.map(toEntry), total, page: input.page, pageSize: input.pageSize }
}
