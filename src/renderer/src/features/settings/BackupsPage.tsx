import { useState, type ReactNode } from 'react'
import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core'
import type { BackupRow } from '../../../../shared/api/backups'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { localTime } from '../../components/localTime'
import { withVerbatim } from '../../components/Verbatim'

export function BackupsPage() {
  const { t, num, errorText } = useI18n()
  const list = useOperation('backups.list', {})
  const info = useOperation('system.info', {})
  const canChange = info.data?.role === 'secretariat'
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ color: string; text: ReactNode } | null>(null)
  const [confirm, setConfirm] = useState<BackupRow | null>(null)

  const backUp = async () => {
    setBusy(true)
    setMessage(null)
    const r = await write('backups.create', {})
    setBusy(false)
    setMessage(r.ok ? { color: 'green', text: withVerbatim(t('backups.made', { file: r.value.file }), r.value.file) } : { color: 'red', text: errorText(r.error) })
  }
  const restore = async (b: BackupRow) => {
    setBusy(true)
    setMessage(null)
    const r = await write('backups.restore', { file: b.file })
    setBusy(false)
    setConfirm(null)
    setMessage(r.ok ? { color: 'green', text: t('backups.restored', { when: localTime(b.takenAt), before: r.value.before }) } : { color: 'red', text: errorText(r.error) })
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('backups.title')}</Title>
        {canChange && (
          <Button onClick={backUp} loading={busy}>
            {t('backups.now')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" maw={900}>
        {t('backups.intro')}
      </Text>
      {!canChange && info.data && <Text size="sm">{t('backups.noPermission')}</Text>}
      {message && (
        <Alert color={message.color} role={message.color === 'red' ? 'alert' : 'status'} data-testid="backups-message">
          {message.text}
        </Alert>
      )}
      <DataTable
        label={t('backups.title')}
        state={list}
        rows={(rows) => rows}
        rowKey={(b) => b.file}
        emptyText={t('backups.empty')}
        rowProps={(b) => ({ title: b.file })}
        columns={[
          { key: 'taken', header: t('backups.taken'), cell: (b: BackupRow) => localTime(b.takenAt) },
          { key: 'reason', header: t('backups.reason'), cell: (b) => (b.reason ? t(`backups.reason.${b.reason}`) : '—') },
          { key: 'schema', header: t('backups.schema'), numeric: true, cell: (b) => b.schemaVersion },
          { key: 'size', header: t('backups.size'), numeric: true, cell: (b) => `${(b.bytes / 1048576).toFixed(1)} MB` },
          { key: 'persons', header: t('backups.persons'), numeric: true, cell: (b) => (b.counts ? num(b.counts.persons) : <Text span size="sm" c="red">{t('backups.unreadable')}</Text>) },
          { key: 'households', header: t('backups.households'), numeric: true, cell: (b) => (b.counts ? num(b.counts.households) : '') },
          { key: 'memberships', header: t('backups.memberships'), numeric: true, cell: (b) => (b.counts ? num(b.counts.memberships) : '') },
          { key: 'expenses', header: t('backups.expenses'), numeric: true, cell: (b) => (b.counts ? num(b.counts.expenses) : '') },
          canChange && {
            key: 'restore',
            header: '',
            cell: (b) => (
              <Button size="xs" variant="light" disabled={!b.counts || busy} onClick={() => setConfirm(b)}>
                {t('backups.restore')}
              </Button>
            ),
          },
        ]}
      />
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('backups.confirmTitle')}>
        {confirm?.counts && (
          <Stack>
            <Text size="sm">
              {t('backups.confirmBody', { when: localTime(confirm.takenAt), persons: num(confirm.counts.persons), households: num(confirm.counts.households), expenses: num(confirm.counts.expenses) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={busy} onClick={() => restore(confirm)}>
                {t('backups.restore')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
