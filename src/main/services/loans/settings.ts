import { DEFAULT_LOAN_SETTINGS, type LoanSettings } from '../../../shared/domain/eligibility'
import type { ServiceContext } from '../context'

/*
 * A large group's loan settings (DOMAIN.md: "settings per LSG (its
 * regulations)"): the latest version of its regulations adopted on or before
 * a date that set them, else the defaults. The share of fund (2) holds from
 * the adopting meeting until the next version that sets one: the funds'
 * running totals start again at each change, so a new share never reaches
 * back into repayments already split.
 */

export interface SettingsInForce {
  settings: LoanSettings
  /** The first day of the share of fund (2) in force (null: from the start). */
  from: string | null
  /** The day a later version changes the share (null: none yet). */
  until: string | null
}

export async function loanSettingsOn(ctx: ServiceContext, lsgId: number, on: string): Promise<SettingsInForce> {
  const versions = await ctx.sql.all<{ heldOn: string; loanSettings: string }>(
    `SELECT m.held_on AS "heldOn", d.loan_settings AS "loanSettings" FROM group_document d JOIN group_meeting m ON m.id = d.meeting_id
     WHERE d.group_type = 'lsg' AND d.group_id = :lsgId AND d.loan_settings IS NOT NULL ORDER BY m.held_on, d.version`,
    { lsgId },
  )
  const all = versions.map((v) => ({ heldOn: v.heldOn, settings: { ...DEFAULT_LOAN_SETTINGS, ...(JSON.parse(v.loanSettings) as Partial<LoanSettings>) } }))
  const i = all.findLastIndex((v) => v.heldOn <= on)
  const settings = i < 0 ? DEFAULT_LOAN_SETTINGS : all[i]!.settings
  // The share's period: back to the last change of the share (thresholds alone do not start one), on to the next.
  const share = (k: number) => (k < 0 ? DEFAULT_LOAN_SETTINGS.shareF2Percent : all[k]!.settings.shareF2Percent)
  let first = i
  while (first >= 0 && share(first - 1) === settings.shareF2Percent) first--
  const next = all.findIndex((v, k) => k > i && v.settings.shareF2Percent !== settings.shareF2Percent)
  return { settings, from: first < 0 ? null : all[first]!.heldOn, until: next < 0 ? null : all[next]!.heldOn }
}
