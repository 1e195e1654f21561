import type { Lang } from '../../shared/i18n'
import type { Correction } from '../../shared/api/governanceTypes'
import { formatDateMn, formatTimeUlaanbaatar } from '../../shared/domain/dates'
import { formatMnt } from '../../shared/domain/money'
import type { ServiceContext } from '../services/context'
import { assemblyRow } from '../services/assemblies'
import { correctionsOfYear } from '../services/corrections'
import { CORRECTION_LABELS } from '../../shared/i18n/corrections'
import type { T } from './common'

/** A corrected value as the reports write it. */
function shown(c: Correction, v: string | null, t: T): string {
  if (v === null) return '—'
  if (c.field === 'heldOn' || c.field === 'referenceDate') return formatDateMn(v)
  if (c.field === 'amountMinor' || c.field === 'minimumMinor') return formatMnt(Number(v))
  if (c.field === 'quorumStrict') return t(v === '1' ? 'common.yes' : 'common.no')
  return v
}

/**
 * The corrections of a year's assembly records (or only of its fee
 * decisions) as notes: what was corrected, was and now, why, who and when.
 */
export async function correctionNotes(ctx: ServiceContext, year: number, t: T, lang: Lang, only?: Correction['entityType']): Promise<string[]> {
  const notes: string[] = []
  for (const c of await correctionsOfYear(ctx, year)) {
    if (only && c.entityType !== only) continue
    const a = await assemblyRow(ctx, c.assemblyId)
    const body = a.kind === 'general' ? t('assembly.general') : lang === 'mn' ? a.bodyName.mn : a.bodyName.en
    notes.push(
      t('report.correctionNote', {
        body,
        date: formatDateMn(a.heldOn),
        field: t(CORRECTION_LABELS[c.field]),
        old: shown(c, c.oldValue, t),
        new: shown(c, c.newValue, t),
        reason: c.reason,
        who: c.correctedBy,
        when: formatTimeUlaanbaatar(c.correctedAt),
      }),
    )
  }
  return notes
}
