import { DomainError } from '../../shared/domain/result'
import type { Correction, CorrectionField } from '../../shared/api/governanceTypes'
import type { ServiceContext } from './context'

/*
 * A decision or an assembly record is not silently rewritten: a correction
 * keeps, per field changed, the old and the new value, why, who and when
 * (appended only; the table refuses updates and deletes). The assembly's page
 * lists them in its history and the reports of its year in their notes.
 */

export interface Change {
  field: CorrectionField
  oldValue: string | null
  newValue: string | null
}

/** A value as a correction keeps it: text, numbers as digits, yes/no as 1/0, nothing as null. */
export const kept = (v: string | number | boolean | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : typeof v === 'boolean' ? (v ? '1' : '0') : String(v))

/** The fields whose value differs, old and new as kept. */
export function changes<T extends Record<string, string | number | boolean | null>>(before: T, after: T, fields: Array<keyof T & CorrectionField>): Change[] {
  return fields.map((field) => ({ field, oldValue: kept(before[field]), newValue: kept(after[field]) })).filter((c) => c.oldValue !== c.newValue)
}

/** Records the corrections of one record; refuses a correction that changes nothing. */
export async function recordCorrections(ctx: ServiceContext, target: { entityType: Correction['entityType']; entityId: number; assemblyId: number }, list: Change[], reason: string): Promise<void> {
  if (list.length === 0) throw new DomainError('validation', 'changes nothing: the record already says this', 'reason', { key: 'r.correctsNothing' })
  for (const c of list) {
    await ctx.sql.run(
      `INSERT INTO correction (entity_type, entity_id, assembly_id, field, old_value, new_value, reason, corrected_at, corrected_by)
       VALUES (:entityType, :entityId, :assemblyId, :field, :oldValue, :newValue, :reason, :now, :actor)`,
      { ...target, ...c, reason, now: ctx.now, actor: ctx.actor },
    )
  }
}

const SELECT = `SELECT c.id, c.entity_type AS "entityType", c.entity_id AS "entityId", c.field, c.old_value AS "oldValue", c.new_value AS "newValue", c.reason,
  c.corrected_at AS "correctedAt", c.corrected_by AS "correctedBy", c.assembly_id AS "assemblyId" FROM correction c`

/** The corrections of an assembly and its fee decision, oldest first. */
export async function correctionsOfAssembly(ctx: ServiceContext, assemblyId: number): Promise<Correction[]> {
  return (await ctx.sql.all<Correction & { assemblyId: number }>(`${SELECT} WHERE c.assembly_id = :assemblyId ORDER BY c.id`, { assemblyId })).map(({ assemblyId: _a, ...c }) => c)
}

/** The corrections of the assemblies of a year (for the reports' notes), with the assembly each belongs to. */
export function correctionsOfYear(ctx: ServiceContext, year: number): Promise<Array<Correction & { assemblyId: number }>> {
  return ctx.sql.all(`${SELECT} JOIN assembly a ON a.id = c.assembly_id WHERE a.year = :year ORDER BY a.held_on, c.id`, { year })
}
