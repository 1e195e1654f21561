import type { AuditChange, AuditEntry, AuditValue, LocalName } from '../../shared/api/types'
import { areaByCode } from '../../shared/domain/geography'
import { shortName } from '../../shared/domain/names'
import type { ServiceContext } from './context'

/*
 * The audit trail in words: for an edit, the fields that changed, each value
 * as the user knows it (the head of household's name, not person 6170; a
 * local organisation's name, not branch 3; "yes", a date, a status).
 */

/** Bookkeeping and values derived from others: an edit shows what the user changed. */
const NOT_SHOWN = new Set(['id', 'version', 'events', 'memberName', 'branchName', 'bodyName', 'year', 'quorumNeeded', 'quorumMet', 'hasElection', 'feeDecided', 'membershipId', 'candidates', 'maxVotes', 'totalVotes', 'tieOpen', 'createdAt', 'updatedAt'])
const PERSON_FIELDS = new Set(['headPersonId', 'personId'])
const WORDS: Record<string, (v: string, entityType: string) => string | null> = {
  gender: (v) => (v === 'female' ? 'person.female' : v === 'male' ? 'person.male' : null),
  status: (v) => `status.${v}`,
  memberType: (v) => (v === 'person' ? 'members.person' : v === 'organisation' ? 'members.organisation' : null),
  kind: (v, type) =>
    type === 'assembly' ? (v === 'general' ? 'assembly.general' : 'assembly.local') : type === 'organisation' ? (v === 'network' ? 'members.network' : 'members.group') : null,
}

type Lookup = { persons: Map<number, string>; branches: Map<number, LocalName> }

function value(field: string, v: unknown, entityType: string, names: Lookup): AuditValue {
  if (v === null || v === undefined || v === '') return { kind: 'none' }
  if (typeof v === 'boolean') return { kind: 'flag', value: v }
  if (PERSON_FIELDS.has(field) && typeof v === 'number') {
    const name = names.persons.get(v)
    return name ? { kind: 'name', name: { mn: name, en: name } } : { kind: 'text', text: `№ ${v}` }
  }
  if (field === 'branchId' && typeof v === 'number') {
    const name = names.branches.get(v)
    return name ? { kind: 'name', name } : { kind: 'text', text: `№ ${v}` }
  }
  if (field === 'householdId' && typeof v === 'number') return { kind: 'text', text: `№ ${v}` }
  if (field === 'areaCode' && typeof v === 'string') {
    const area = areaByCode(v)
    return area ? { kind: 'name', name: { mn: area.mn, en: area.en } } : { kind: 'text', text: v }
  }
  const word = typeof v === 'string' ? WORDS[field]?.(v, entityType) : null
  if (word) return { kind: 'word', key: word }
  if (field.endsWith('Minor') && typeof v === 'number') return { kind: 'mnt', minor: v }
  if (typeof v === 'number') return { kind: 'number', value: v }
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? { kind: 'date', date: v } : { kind: 'text', text: v }
  return { kind: 'text', text: JSON.stringify(v) }
}

const record = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null)

/** The fields an edit changed (a new record has none: it was created). */
function changedFields(before: unknown, after: unknown): string[] {
  const b = record(before)
  const a = record(after)
  if (!b || !a) return []
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !NOT_SHOWN.has(k) && JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null) && typeof (a[k] ?? b[k]) !== 'object')
}

/** Adds to each entry what it changed, in words; the names it needs are read in one query each. */
export async function inWords(ctx: ServiceContext, entries: Array<Omit<AuditEntry, 'changes'>>): Promise<AuditEntry[]> {
  const fields = entries.map((e) => changedFields(e.before, e.after))
  const personIds = new Set<number>()
  const branchIds = new Set<number>()
  entries.forEach((e, i) => {
    for (const f of fields[i]!) {
      for (const side of [record(e.before), record(e.after)]) {
        const v = side?.[f]
        if (typeof v !== 'number') continue
        if (PERSON_FIELDS.has(f)) personIds.add(v)
        if (f === 'branchId') branchIds.add(v)
      }
    }
  })
  const names: Lookup = { persons: new Map(), branches: new Map() }
  if (personIds.size) {
    const rows = await ctx.sql.all<{ id: number; patronymic: string; givenName: string }>(
      `SELECT id, patronymic, given_name AS "givenName" FROM person WHERE id IN (:ids)`,
      { ids: [...personIds] },
    )
    for (const r of rows) names.persons.set(Number(r.id), shortName(r))
  }
  if (branchIds.size) {
    const rows = await ctx.sql.all<{ id: number; mn: string; en: string }>(`SELECT id, name_mn AS mn, name_en AS en FROM branch WHERE id IN (:ids)`, { ids: [...branchIds] })
    for (const r of rows) names.branches.set(Number(r.id), { mn: r.mn, en: r.en })
  }
  return entries.map((e, i) => {
    const b = record(e.before) ?? {}
    const a = record(e.after) ?? {}
    const changes: AuditChange[] = fields[i]!.map((f) => ({ field: f, before: value(f, b[f], e.entityType, names), after: value(f, a[f], e.entityType, names) }))
    return { ...e, changes }
  })
}
