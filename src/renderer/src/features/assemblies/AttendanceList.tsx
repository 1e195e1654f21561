import { useMemo, useState } from 'react'
import { Button, Checkbox, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core'
import { isIsoDate, normalizeDate } from '../../../../shared/domain/dates'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { Verbatim } from '../../components/Verbatim'

/**
 * The members eligible to attend (active in the body on the date), each
 * ticked present or not; "everyone" and "no one" in one click, a filter by
 * name for a long list. Members present is the number ticked.
 */
export function AttendanceList({ branchId, heldOn, value, onChange, error }: { branchId: number | null; heldOn: string; value: number[]; onChange(v: number[]): void; error?: string }) {
  const { t, local, num } = useI18n()
  const date = normalizeDate(heldOn.trim())
  const ready = isIsoDate(date)
  const eligible = useOperation('assemblies.eligible', { branchId, heldOn: ready ? date : '2000-01-01' }, { enabled: ready })
  const [filter, setFilter] = useState('')
  const ticked = useMemo(() => new Set(value), [value])
  const list = eligible.status === 'ready' || eligible.data ? (eligible.data ?? []) : []
  const shown = filter.trim() ? list.filter((m) => `${m.name} ${m.registerNumber ?? ''}`.toLowerCase().includes(filter.trim().toLowerCase())) : list
  const toggle = (id: number, on: boolean) => onChange(on ? [...value, id].sort((a, b) => a - b) : value.filter((x) => x !== id))
  if (!ready) return <Text size="sm" c="dimmed">{t('assembly.attendanceNeedsDate')}</Text>
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" fw={500} data-testid="attendance-count">
          {t('assembly.attendanceCount', { present: num(value.length), eligible: num(list.length) })}
        </Text>
        <Group gap="xs">
          <TextInput size="xs" aria-label={t('assembly.attendanceFilter')} placeholder={t('assembly.attendanceFilter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={200} />
          <Button size="xs" variant="light" onClick={() => onChange(list.map((m) => m.membershipId))}>
            {t('assembly.allPresent')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => onChange([])}>
            {t('assembly.nonePresent')}
          </Button>
        </Group>
      </Group>
      <ScrollArea.Autosize mah={240} type="auto" offsetScrollbars>
        <Stack gap={4} role="group" aria-label={t('assembly.attendance')}>
          {list.length === 0 && <Text size="sm" c="dimmed">{t('assembly.noneEligible')}</Text>}
          {shown.map((m) => (
            <Checkbox
              key={m.membershipId}
              size="xs"
              checked={ticked.has(m.membershipId)}
              onChange={(e) => toggle(m.membershipId, e.currentTarget.checked)}
              label={
                <>
                  {m.name}
                  {m.registerNumber && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      <Verbatim>{m.registerNumber}</Verbatim>
                    </Text>
                  )}
                  {branchId === null && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {local(m.branchName)}
                    </Text>
                  )}
                </>
              }
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  )
}
