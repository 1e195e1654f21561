import { useState } from 'react'
import { Button, Group, Loader, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core'
import { todayIso } from '../../../../shared/domain/dates'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { Empty, PageState } from '../../components/PageState'
import { FormModal } from '../../components/FormModal'
import { NoProject, useProject } from './useProject'
import { FundEntries } from './FundEntries'

function TransferForm({ projectId, onClose, onSaved }: { projectId: number; onClose(): void; onSaved(): void }) {
  const { t, errorText } = useI18n()
  const [v, setV] = useState({ sentOn: todayIso(), dkk: '' as number | string, receivedOn: todayIso(), mnt: '' as number | string, reference: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    const r = await write('transfers.create', {
      projectId,
      sentOn: v.sentOn,
      dkkMinor: Math.round(Number(v.dkk) * 100),
      receivedOn: v.receivedOn,
      mntMinor: Math.round(Number(v.mnt) * 100),
      reference: v.reference || null,
    })
    setBusy(false)
    if (r.ok) return onSaved()
    const field = r.error.field?.replace('Minor', '')
    if (field && field in v) setErrors({ [field]: errorText(r.error) })
    else setFormError(errorText(r.error))
  }
  return (
    <FormModal opened title={t('fin.addTransfer')} onClose={onClose} onSubmit={submit} busy={busy} error={formError}>
      <Group grow align="flex-start">
        <TextInput label={t('fin.sentOn')} required value={v.sentOn} onChange={(e) => setV({ ...v, sentOn: e.currentTarget.value })} error={errors.sentOn} />
        <NumberInput label={t('fin.dkkSent')} required min={0} decimalScale={2} thousandSeparator=" " value={v.dkk} onChange={(x) => setV({ ...v, dkk: x })} error={errors.dkk} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('fin.receivedOn')} required value={v.receivedOn} onChange={(e) => setV({ ...v, receivedOn: e.currentTarget.value })} error={errors.receivedOn} />
        <NumberInput label={t('fin.mntReceived')} required min={0} decimalScale={2} thousandSeparator=" " value={v.mnt} onChange={(x) => setV({ ...v, mnt: x })} error={errors.mnt} />
      </Group>
      <TextInput label={t('fin.reference')} value={v.reference} onChange={(e) => setV({ ...v, reference: e.currentTarget.value })} />
    </FormModal>
  )
}

export function TransfersPage() {
  const { t } = useI18n()
  const { project, loading } = useProject()
  return (
    <Stack>
      <Title order={2}>{t('nav.transfers')}</Title>
      {loading ? <Loader size="sm" /> : project ? <TransferList projectId={project.id} /> : <NoProject />}
    </Stack>
  )
}

function TransferList({ projectId }: { projectId: number }) {
  const { t, dkk, mnt, date } = useI18n()
  const transfers = useOperation('transfers.list', { projectId })
  const [adding, setAdding] = useState(false)
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setAdding(true)}>{t('fin.addTransfer')}</Button>
      </Group>
      {(
        <PageState state={transfers} reload={transfers.reload}>
          {(rows) =>
            rows.length === 0 ? (
              <Empty />
            ) : (
              <Table striped withTableBorder aria-label={t('nav.transfers')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fin.sentOn')}</Table.Th>
                    <Table.Th ta="right">{t('fin.dkkSent')}</Table.Th>
                    <Table.Th>{t('fin.receivedOn')}</Table.Th>
                    <Table.Th ta="right">{t('fin.mntReceived')}</Table.Th>
                    <Table.Th ta="right">{t('fin.rate')}</Table.Th>
                    <Table.Th ta="right">{t('fin.mntLeft')}</Table.Th>
                    <Table.Th>{t('fin.reference')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{date(r.sentOn)}</Table.Td>
                      <Table.Td ta="right">{dkk(r.dkkMinor)}</Table.Td>
                      <Table.Td>{date(r.receivedOn)}</Table.Td>
                      <Table.Td ta="right">{mnt(r.mntMinor)}</Table.Td>
                      <Table.Td ta="right" ff="monospace">{r.rate}</Table.Td>
                      <Table.Td ta="right">{mnt(r.mntLeftMinor)}</Table.Td>
                      <Table.Td>{r.reference ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </PageState>
      )}
      <FundEntries projectId={projectId} />
      {adding && (
        <TransferForm
          projectId={projectId}
          onClose={() => setAdding(false)}
          onSaved={() => setAdding(false)}
        />
      )}
    </Stack>
  )
}
