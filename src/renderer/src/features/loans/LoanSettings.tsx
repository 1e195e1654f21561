import { Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core'
import { DEFAULT_LOAN_SETTINGS, type LoanSettings } from '../../../../shared/domain/eligibility'
import { amountText, parseAmount } from '../../../../shared/domain/amount'
import type { GroupDocument } from '../../../../shared/api/groupsTypes'
import { useI18n } from '../../i18n'
import { AmountInput } from '../../components/AmountInput'

/** The loan settings in force by a large group's regulations: the latest version that set them, else the defaults. */
export function settingsInForce(docs: GroupDocument[]): LoanSettings {
  return docs.find((d) => d.loanSettings)?.loanSettings ?? DEFAULT_LOAN_SETTINGS
}

/** The settings as a line under the regulations. */
export function LoanSettingsLine({ settings }: { settings: LoanSettings }) {
  const { t, mnt } = useI18n()
  return (
    <Text size="sm" data-testid="loan-settings">
      <b>{t('ls.title')}:</b>{' '}
      {t('ls.line', {
        share: settings.shareF2Percent,
        weeks: settings.minWeeksInGroup,
        savings: settings.minSavingsCompliancePct,
        attendance: settings.minAttendancePct,
        multiple: settings.maxSavingsMultiple,
        caps: settings.cycleCapsMinor.map((c) => mnt(c)).join(' / '),
        days: settings.maxGroupDaysLate,
      })}
    </Text>
  )
}

/** The loan settings as typed in the adoption of a new version: numbers, and the caps as amounts. */
export interface SettingsDraft {
  numbers: Omit<LoanSettings, 'cycleCapsMinor'>
  caps: string[]
}

export const draftOf = (s: LoanSettings): SettingsDraft => {
  const { cycleCapsMinor, ...numbers } = s
  return { numbers, caps: cycleCapsMinor.map((c) => amountText(c, 'MNT')) }
}

/** The draft as the contract takes it, or the first unreadable cap. */
export function settingsOf(d: SettingsDraft): { ok: true; settings: LoanSettings } | { ok: false; index: number; key: Parameters<ReturnType<typeof useI18n>['t']>[0]; vars?: Record<string, string | number> } {
  const caps: number[] = []
  for (const [index, text] of d.caps.entries()) {
    const r = parseAmount(text, 'MNT', 'positive')
    if (!r.ok) return { ok: false, index, key: r.key, vars: r.vars }
    caps.push(r.minor)
  }
  return { ok: true, settings: { ...d.numbers, cycleCapsMinor: caps } }
}

const NUMBERS = [
  ['shareF2Percent', 'ls.shareF2', 100],
  ['minWeeksInGroup', 'ls.weeks', 520],
  ['minSavingsCompliancePct', 'ls.savings', 100],
  ['minAttendancePct', 'ls.attendance', 100],
  ['maxSavingsMultiple', 'ls.multiple', 20],
  ['maxGroupDaysLate', 'ls.days', 365],
] as const

export function LoanSettingsFields({ draft, onChange }: { draft: SettingsDraft; onChange(d: SettingsDraft): void }) {
  const { t } = useI18n()
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('ls.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('ls.help')}
      </Text>
      <SimpleGrid cols={3} spacing="xs">
        {NUMBERS.map(([key, label, max]) => (
          <NumberInput
            key={key}
            label={t(label)}
            min={0}
            max={max}
            allowDecimal={false}
            allowNegative={false}
            value={draft.numbers[key]}
            onChange={(v) => onChange({ ...draft, numbers: { ...draft.numbers, [key]: typeof v === 'number' ? v : Number(v) || 0 } })}
          />
        ))}
      </SimpleGrid>
      <Group grow gap="xs">
        {draft.caps.map((c, i) => (
          <AmountInput key={i} label={t('ls.cap', { n: i + 1 })} currency="MNT" value={c} onChange={(v) => onChange({ ...draft, caps: draft.caps.map((x, k) => (k === i ? v : x)) })} />
        ))}
      </Group>
    </Stack>
  )
}
