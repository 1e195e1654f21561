import { useState } from 'react'
import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core'
import type { ImportResult } from '../../../../shared/api/financeTypes'
import { call } from '../../api'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { downloadFile, readAsBase64 } from '../../components/download'

/** Import a ledger: pick the file, see every bad row or a preview, then import all rows at once. */
export function ImportDialog({ projectId, onClose }: { projectId: number; onClose(): void }) {
  const { t, mnt, dkk, date, errorText, lang } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (dryRun: boolean) => {
    if (!file) return
    setBusy(true)
    setError(null)
    const r = await write('expenses.import', { projectId, fileName: file.name, base64: await readAsBase64(file), dryRun })
    setBusy(false)
    if (!r.ok) return setError(errorText(r.error))
    setResult(r.value)
  }
  const template = async () => {
    const r = await call('expenses.template', { projectId })
    if (r.ok) downloadFile(r.value)
    else setError(errorText(r.error))
  }
  return (
    <Modal opened onClose={onClose} title={t('fin.import')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('fin.importHelp')}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t('fin.importFile')}
            accept=".xlsx,.csv"
            value={file}
            onChange={(f) => {
              setFile(f)
              setResult(null)
            }}
            w={360}
            clearable
          />
          <Button variant="light" onClick={() => run(true)} disabled={!file} loading={busy && !result}>
            {t('fin.check')}
          </Button>
          <Button variant="subtle" onClick={template}>
            {t('fin.template')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {result && result.imported > 0 && <Alert color="green">{t('fin.imported', { n: result.imported })}</Alert>}
        {result && result.imported === 0 && (
          <>
            <Text size="sm" data-testid="import-summary">
              {t('fin.importSummary', { rows: result.rows, problems: result.problems.length, header: result.headerRow ?? '—' })}
            </Text>
            {result.problems.length > 0 ? (
              <Table withTableBorder aria-label={t('fin.problems')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fin.row')}</Table.Th>
                    <Table.Th>{t('fin.column')}</Table.Th>
                    <Table.Th>{t('fin.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.problems.slice(0, 200).map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{p.row || ''}</Table.Td>
                      <Table.Td>{lang === 'mn' ? p.columnMn : p.column}</Table.Td>
                      <Table.Td>{errorText({ message: p.reason, key: p.key, vars: p.vars })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <>
                <Table withTableBorder aria-label={t('fin.preview')}>
                  <Table.Tbody>
                    {result.preview.map((p) => (
                      <Table.Tr key={p.row}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td>{date(p.spentOn)}</Table.Td>
                        <Table.Td>{p.voucher}</Table.Td>
                        <Table.Td>{p.lineCode}</Table.Td>
                        <Table.Td>{p.costCentre}</Table.Td>
                        <Table.Td>{p.description}</Table.Td>
                        <Table.Td ta="right">{p.currency === 'MNT' ? mnt(p.amountMinor) : `DKK ${dkk(p.amountMinor)}`}</Table.Td>
                        <Table.Td>{p.source}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Group>
                  <Button onClick={() => run(false)} loading={busy}>
                    {t('fin.importRows', { n: result.rows })}
                  </Button>
                </Group>
              </>
            )}
          </>
        )}
      </Stack>
    </Modal>
  )
}
