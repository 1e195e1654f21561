import { useState } from 'react'
import { Button, Checkbox, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core'
import type { Transfer } from '../../../../shared/api/financeTypes'
import { transferInput } from '../../../../shared/api/finance'
import { useContractForm } from '../../components/useContractForm'
import { todayIso } from '../../../../shared/domain/dates'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { FormModal } from '../../components/FormModal'
import { NoProject, ProjectPicker, useProject } from './useProject'
import { FundEntries } from './FundEntries'
import { AmountInput } from '../../components/AmountInput'
import { VoidButton, VoidNote, voidedRow } from '../../components/voids'
import { useCanWrite } from '../../components/permissions'
import { ConfirmAlert, asksToConfirm } from '../../components/Confirm'
import type { ApiError } from '../../../../shared/domain/result'
import { DateField } from '../../components/DateField'

function TransferForm({ projectId, onClose, onSaved }: { projectId: number; onClose(): void; onSaved(): void }) {
  const { t } = useI18n()
  const f = useContractForm(
    transferInput,
    { sentOn: todayIso(), dkk: '', receivedOn: todayIso(), mnt: '', reference: '' },
    { fields: { dkkMinor: 'dkk', mntMinor: 'mnt' } },
  )
  const [asking, setAsking] = useState<ApiError | null>(null)
  const submit = async (confirmed = false) => {
    const input = f.parse((v) => ({ projectId, sentOn: v.sentOn, dkkMinor: f.amount(v.dkk, 'DKK', 'dkk'), receivedOn: v.receivedOn, mntMinor: f.amount(v.mnt, 'MNT', 'mnt'), reference: v.reference || null, confirmed }))
    if (!input) return
    f.setBusy(true)
    const r = await write('transfers.create', input)
    f.setBusy(false)
    setAsking(null)
    if (r.ok) onSaved()
    else if (asksToConfirm(r.error)) setAsking(r.error)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('fin.addTransfer')} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <DateField label={t('fin.sentOn')} required {...f.input('sentOn')} />
        <AmountInput label={t('fin.dkkSent')} required currency="DKK" {...f.input('dkk')} />
      </Group>
      <Group grow align="flex-start">
        <DateField label={t('fin.receivedOn')} required {...f.input('receivedOn')} />
        <AmountInput label={t('fin.mntReceived')} required currency="MNT" {...f.input('mnt')} />
      </Group>
      <TextInput label={t('fin.reference')} {...f.input('reference')} />
      {asking && <ConfirmAlert error={asking} busy={f.busy} onConfirm={() => void submit(true)} />}
    </FormModal>
  )
}

export function TransfersPage() {
  const { t } = useI18n()
  const { project, loading } = useProject()
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.transfers')}</Title>
        <ProjectPicker />
      </Group>
      {loading ? <Loader size="sm" /> : project ? <TransferList projectId={project.id} /> : <NoProject />}
    </Stack>
  )
}

function TransferList({ projectId }: { projectId: number }) {
  const { t, dkk, mnt, date } = useI18n()
  const [showVoided, setShowVoided] = useState(false)
  const transfers = useOperation('transfers.list', { projectId, withVoided: showVoided })
  const [adding, setAdding] = useState(false)
  const canWrite = useCanWrite()
  return (
    <Stack>
      <Group justify="space-between">
        <Checkbox label={t('fin.showVoided')} checked={showVoided} onChange={(e) => setShowVoided(e.currentTarget.checked)} />
        {canWrite && <Button onClick={() => setAdding(true)}>{t('fin.addTransfer')}</Button>}
      </Group>
      <DataTable
        label={t('nav.transfers')}
        state={transfers}
        rows={(rows) => rows}
        rowKey={(r) => r.id}
        rowProps={(r) => voidedRow(r.voided, t)}
        columns={[
          { key: 'sentOn', header: t('fin.sentOn'), numeric: true, sortValue: (r: Transfer) => r.sentOn, cell: (r) => date(r.sentOn) },
          { key: 'dkk', header: t('fin.dkkSent'), numeric: true, sortValue: (r) => r.dkkMinor, cell: (r) => dkk(r.dkkMinor) },
          { key: 'receivedOn', header: t('fin.receivedOn'), numeric: true, sortValue: (r) => r.receivedOn, cell: (r) => date(r.receivedOn) },
          { key: 'mnt', header: t('fin.mntReceived'), numeric: true, sortValue: (r) => r.mntMinor, cell: (r) => mnt(r.mntMinor) },
          { key: 'rate', header: t('fin.rate'), numeric: true, cell: (r) => <Text span ff="monospace" size="sm">{r.rate}</Text> },
          { key: 'left', header: t('fin.mntLeft'), numeric: true, sortValue: (r) => r.mntLeftMinor, cell: (r) => mnt(r.mntLeftMinor) },
          {
            key: 'reference',
            header: t('fin.reference'),
            cell: (r) => (
              <>
                {r.reference ?? ''}
                {r.voided && <VoidNote voided={r.voided} />}
              </>
            ),
          },
          canWrite && { key: 'void', header: '', cell: (r) => (r.voided ? null : <VoidButton operation="transfers.void" id={r.id} what={`${date(r.receivedOn)} · ${mnt(r.mntMinor)}`} />) },
        ]}
      />
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
