import { useState } from 'react'
import { Button, Card, Group, NumberInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { Empty, PageState } from '../../components/PageState'
import { FormModal } from '../../components/FormModal'

/** Bank interest and exchange differences of the project account: listed and recorded here. */
export function FundEntries({ projectId }: { projectId: number }) {
  const { t, mnt, dkk, date, errorText } = useI18n()
  const entries = useOperation('funds.entries', { projectId })
  const [open, setOpen] = useState(false)
  const [v, setV] = useState({ kind: 'interest' as 'interest' | 'exchange', entryOn: '', mnt: '' as number | string, dkk: '' as number | string, note: '' })
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const r = await write('funds.record', {
      projectId,
      kind: v.kind,
      entryOn: v.entryOn,
      mntMinor: Math.round(Number(v.mnt || 0) * 100),
      dkkMinor: Math.round(Number(v.dkk || 0) * 100),
      note: v.note || null,
    })
    if (!r.ok) return setError(errorText(r.error))
    setOpen(false)
  }
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('fin.entries')}</Title>
        <Button size="xs" variant="light" onClick={() => setOpen(true)}>
          {t('fin.addEntry')}
        </Button>
      </Group>
      <PageState state={entries} reload={entries.reload}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty />
          ) : (
            <Table aria-label={t('fin.entries')}>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{date(e.entryOn)}</Table.Td>
                    <Table.Td>{t(e.kind === 'interest' ? 'fin.interest' : 'fin.exchange')}</Table.Td>
                    <Table.Td ta="right">{e.mntMinor ? mnt(e.mntMinor) : ''}</Table.Td>
                    <Table.Td ta="right">DKK {dkk(e.dkkMinor)}</Table.Td>
                    <Table.Td>{e.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </PageState>
      {open && (
        <FormModal opened title={t('fin.addEntry')} onClose={() => setOpen(false)} onSubmit={submit} busy={false} error={error}>
          <Stack gap="xs">
            <SegmentedControl
              value={v.kind}
              onChange={(k) => setV({ ...v, kind: k as 'interest' | 'exchange' })}
              data={[
                { value: 'interest', label: t('fin.interest') },
                { value: 'exchange', label: t('fin.exchange') },
              ]}
            />
            <Text size="xs" c="dimmed">
              {t('fin.entryHelp')}
            </Text>
            <Group grow>
              <TextInput label={t('fin.date')} required placeholder={t('person.dateHint')} value={v.entryOn} onChange={(e) => setV({ ...v, entryOn: e.currentTarget.value })} />
              <NumberInput label={t('fin.mnt')} decimalScale={2} thousandSeparator=" " value={v.mnt} onChange={(x) => setV({ ...v, mnt: x })} />
              <NumberInput label={t('fin.dkk')} decimalScale={2} thousandSeparator=" " value={v.dkk} onChange={(x) => setV({ ...v, dkk: x })} />
            </Group>
            <TextInput label={t('fin.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} />
          </Stack>
        </FormModal>
      )}
    </Card>
  )
}
