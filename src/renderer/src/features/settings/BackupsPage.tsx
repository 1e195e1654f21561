import { useState } from 'react'
import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core'
import type { BackupRow } from '../../../../shared/api/backups'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { PageState } from '../../components/PageState'

/** A UTC time as this computer's local wall time, `2026.11.27 10:30`. */
function localTime(iso: string): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}.${p(d.getMonth() + 1)}.${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

export function BackupsPage() {
  const { t, num, errorText } = useI18n()
  const list = useOperation('backups.list', {})
  const info = useOperation('system.info', {})
  const canChange = info.data?.role === 'secretariat'
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null)
  const [confirm, setConfirm] = useState<BackupRow | null>(null)

  const backUp = async () => {
    setBusy(true)
    setMessage(null)
    const r = await write('backups.create', {})
    setBusy(false)
    setMessage(r.ok ? { color: 'green', text: t('backups.made', { file: r.value.file }) } : { color: 'red', text: errorText(r.error) })
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
      <PageState state={list} reload={list.reload}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('backups.empty')}</Text>
          ) : (
            <Table striped highlightOnHover aria-label={t('backups.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups.taken')}</Table.Th>
                  <Table.Th>{t('backups.reason')}</Table.Th>
                  <Table.Th ta="right">{t('backups.schema')}</Table.Th>
                  <Table.Th ta="right">{t('backups.size')}</Table.Th>
                  <Table.Th ta="right">{t('backups.persons')}</Table.Th>
                  <Table.Th ta="right">{t('backups.households')}</Table.Th>
                  <Table.Th ta="right">{t('backups.memberships')}</Table.Th>
                  <Table.Th ta="right">{t('backups.expenses')}</Table.Th>
                  {canChange && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((b) => (
                  <Table.Tr key={b.file} title={b.file}>
                    <Table.Td>{localTime(b.takenAt)}</Table.Td>
                    <Table.Td>{b.reason ? t(`backups.reason.${b.reason}`) : '—'}</Table.Td>
                    <Table.Td ta="right">{b.schemaVersion}</Table.Td>
                    <Table.Td ta="right">{(b.bytes / 1048576).toFixed(1)} MB</Table.Td>
                    {b.counts ? (
                      <>
                        <Table.Td ta="right">{num(b.counts.persons)}</Table.Td>
                        <Table.Td ta="right">{num(b.counts.households)}</Table.Td>
                        <Table.Td ta="right">{num(b.counts.memberships)}</Table.Td>
                        <Table.Td ta="right">{num(b.counts.expenses)}</Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={4} c="red">
                        {t('backups.unreadable')}
                      </Table.Td>
                    )}
                    {canChange && (
                      <Table.Td>
                        <Button size="xs" variant="light" disabled={!b.counts || busy} onClick={() => setConfirm(b)}>
                          {t('backups.restore')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </PageState>
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
