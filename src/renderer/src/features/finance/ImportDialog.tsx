import { useState } from 'react'
import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core'
import { DataTable } from '../../components/DataTable'
import type { ImportResult } from '../../../../shared/api/financeTypes'
import { call } from '../../api'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { downloadFile, readAsBase64 } from '../../components/download'
import { Verbatim } from '../../components/Verbatim'
import { useReturnFocus } from '../../components/useReturnFocus'
import { ImportProblems } from './ImportProblems'

/** Import a ledger: pick the file, see every bad row or a preview, then import all rows at once. */
export function ImportDialog({ projectId, onClose }: { projectId: number; onClose(): void }) {
  const { t, mnt, dkk, date, errorText, lang } = useI18n()
  useReturnFocus()
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
    const r = await call('expenses.template', { projectId, lang })
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
              <ImportProblems problems={result.problems} />
            ) : (
              <>
                <DataTable
                  label={t('fin.preview')}
                  data={result.preview}
                  rows={(rows) => rows}
                  rowKey={(p) => p.row}
                  columns={[
                    { key: 'row', header: t('fin.row'), numeric: true, cell: (p: ImportResult['preview'][number]) => p.row },
                    { key: 'date', header: t('fin.date'), numeric: true, cell: (p) => date(p.spentOn) },
                    { key: 'voucher', header: t('fin.voucher'), cell: (p) => <Verbatim>{p.voucher}</Verbatim> },
                    { key: 'line', header: t('fin.line'), cell: (p) => p.lineCode },
                    { key: 'centre', header: t('fin.costCentre'), cell: (p) => p.costCentre },
                    { key: 'description', header: t('fin.description'), cell: (p) => p.description },
                    { key: 'amount', header: t('fin.amount'), numeric: true, cell: (p) => (p.currency === 'MNT' ? mnt(p.amountMinor) : `DKK ${dkk(p.amountMinor)}`) },
                    { key: 'source', header: t('fin.source'), cell: (p) => p.source },
                  ]}
                />
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
