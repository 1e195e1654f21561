import { useState } from 'react'
import { Button, Card, Checkbox, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import { fundEntryInput } from '../../../../shared/api/finance'
import type { FundEntry } from '../../../../shared/api/financeTypes'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { FormModal } from '../../components/FormModal'
import { useContractForm } from '../../components/useContractForm'
import { AmountInput } from '../../components/AmountInput'
import { VoidButton, VoidNote, voidedRow } from '../../components/voids'
import { useCanWrite } from '../../components/permissions'
import { DateField } from '../../components/DateField'

/** Bank interest and exchange differences of the project account: listed and recorded here. */
export function FundEntries({ projectId }: { projectId: number }) {
  const { t, mnt, dkk, date } = useI18n()
  const [showVoided, setShowVoided] = useState(false)
  const entries = useOperation('funds.entries', { projectId, withVoided: showVoided })
  const [open, setOpen] = useState(false)
  const canWrite = useCanWrite()
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('fin.entries')}</Title>
        <Group>
          <Checkbox size="xs" label={t('fin.showVoided')} checked={showVoided} onChange={(e) => setShowVoided(e.currentTarget.checked)} />
          {canWrite && (
            <Button size="xs" variant="light" onClick={() => setOpen(true)}>
              {t('fin.addEntry')}
            </Button>
          )}
        </Group>
      </Group>
      <DataTable
        label={t('fin.entries')}
        state={entries}
        rows={(rows) => rows}
        rowKey={(e) => e.id}
        rowProps={(e) => voidedRow(e.voided, t)}
        columns={[
          { key: 'date', header: t('fin.date'), numeric: true, sortValue: (e: FundEntry) => e.entryOn, cell: (e) => date(e.entryOn) },
          { key: 'kind', header: t('fin.entryKind'), cell: (e) => t(e.kind === 'interest' ? 'fin.interest' : 'fin.exchange') },
          { key: 'mnt', header: t('fin.mnt'), numeric: true, cell: (e) => (e.mntMinor ? mnt(e.mntMinor) : '') },
          { key: 'dkk', header: t('fin.dkk'), numeric: true, cell: (e) => `DKK ${dkk(e.dkkMinor)}` },
          {
            key: 'note',
            header: t('fin.note'),
            cell: (e) => (
              <>
                {e.note ?? ''}
                {e.voided && <VoidNote voided={e.voided} />}
              </>
            ),
          },
          canWrite && { key: 'void', header: '', cell: (e) => (e.voided ? null : <VoidButton operation="funds.void" id={e.id} what={date(e.entryOn)} />) },
        ]}
      />
      {open && <FundEntryForm projectId={projectId} onClose={() => setOpen(false)} />}
    </Card>
  )
}

function FundEntryForm({ projectId, onClose }: { projectId: number; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(
    fundEntryInput,
    { kind: 'interest' as 'interest' | 'exchange', entryOn: '', mnt: '', dkk: '', note: '' },
    { fields: { mntMinor: 'mnt', dkkMinor: 'dkk' } },
  )
  const submit = async () => {
    const input = f.parse((v) => ({ projectId, kind: v.kind, entryOn: v.entryOn, mntMinor: f.amount(v.mnt, 'MNT', 'mnt', 'any') ?? 0, dkkMinor: f.amount(v.dkk, 'DKK', 'dkk', 'any') ?? 0, note: v.note || null }))
    if (!input) return
    f.setBusy(true)
    const r = await write('funds.record', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('fin.addEntry')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Stack gap="xs">
        <SegmentedControl
          {...f.input('kind')}
          data={[
            { value: 'interest', label: t('fin.interest') },
            { value: 'exchange', label: t('fin.exchange') },
          ]}
        />
        <Text size="xs" c="dimmed">
          {t('fin.entryHelp')}
        </Text>
        <Group grow align="flex-start">
          <DateField label={t('fin.date')} required {...f.input('entryOn')} />
          <AmountInput label={t('fin.mnt')} currency="MNT" {...f.input('mnt')} />
          <AmountInput label={t('fin.dkk')} currency="DKK" {...f.input('dkk')} />
        </Group>
        <TextInput label={t('fin.note')} {...f.input('note')} />
      </Stack>
    </FormModal>
  )
}
