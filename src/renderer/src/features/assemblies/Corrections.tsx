import { Card, Table, Text, Title } from '@mantine/core'
import type { Correction } from '../../../../shared/api/governanceTypes'
import { CORRECTION_LABELS } from '../../../../shared/i18n/corrections'
import { useI18n } from '../../i18n'
import { localTime } from '../../components/localTime'


/** The corrections of an assembly and its fee decision: what, was, now, why, who and when. */
export function Corrections({ corrections }: { corrections: Correction[] }) {
  const { t, date, mnt, num } = useI18n()
  const value = (c: Correction, v: string | null) => {
    if (v === null) return '—'
    if (c.field === 'heldOn' || c.field === 'referenceDate') return date(v)
    if (c.field === 'amountMinor' || c.field === 'minimumMinor') return mnt(Number(v))
    if (c.field === 'membersPresent' || c.field === 'quorumPercent') return num(Number(v))
    if (c.field === 'quorumStrict') return t(v === '1' ? 'common.yes' : 'common.no')
    return v
  }
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('assembly.corrections')}
      </Title>
      {corrections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assembly.noCorrections')}
        </Text>
      ) : (
        <Table aria-label={t('assembly.corrections')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assembly.correctedField')}</Table.Th>
              <Table.Th>{t('assembly.oldValue')}</Table.Th>
              <Table.Th>{t('assembly.newValue')}</Table.Th>
              <Table.Th>{t('assembly.correctionReason')}</Table.Th>
              <Table.Th>{t('assembly.correctedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {corrections.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{t(CORRECTION_LABELS[c.field])}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value(c, c.oldValue)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value(c, c.newValue)}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>
                  {c.correctedBy}, {localTime(c.correctedAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}
