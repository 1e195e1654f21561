import { useState, type ReactNode } from 'react'
import { Alert, FileButton, Button, Group, Stack, Text } from '@mantine/core'
import type { SheetImportResult } from '../../../../shared/api/sheetsTypes'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { readAsBase64 } from '../../components/download'
import { ReportButton, type ReportMessage } from '../../components/ReportButton'
import { useCanWrite } from '../../components/permissions'

/**
 * The collection sheet as files: printed (PDF) or as .xlsx for this small
 * group and date, the sheets of its large group's week, and a filled .xlsx
 * imported back (every sheet of it in one go, or nothing).
 */
export function SheetFiles({ ssgCode, lsgCode, heldOn }: { ssgCode: string; lsgCode: string; heldOn: string }) {
  const { t, lang, mnt, errorText } = useI18n()
  const canWrite = useCanWrite()
  const [message, setMessage] = useState<ReportMessage>(null)
  const [imported, setImported] = useState<SheetImportResult | null>(null)
  const [busy, setBusy] = useState(false)
  const done = (text: ReactNode, ok: boolean) => setMessage({ text, ok })
  const importFile = async (file: File | null) => {
    if (!file) return
    setBusy(true)
    setImported(null)
    const r = await write('sheets.import', { fileName: file.name, base64: await readAsBase64(file) })
    setBusy(false)
    if (r.ok) {
      setImported(r.value)
      setMessage({ text: t('sheet.imported', { n: r.value.sheets.length }), ok: true })
    } else setMessage({ text: errorText(r.error), ok: false })
  }
  const base = { report: 'collection' as const, date: heldOn, lang }
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <ReportButton input={{ ...base, group: ssgCode, format: 'pdf' }} label={t('sheet.print')} onDone={done} />
        <ReportButton input={{ ...base, group: ssgCode, format: 'xlsx' }} label={t('sheet.excel')} onDone={done} />
        <ReportButton input={{ ...base, lsg: lsgCode, format: 'pdf' }} label={t('sheet.lsgWeek')} onDone={done} variant="subtle" />
        {canWrite && (
          <FileButton onChange={(f) => void importFile(f)} accept=".xlsx">
            {(props) => (
              <Button {...props} size="xs" variant="light" color="teal" loading={busy} title={t('sheet.importHelp')}>
                {t('sheet.import')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} data-testid="sheet-files-message" withCloseButton onClose={() => setMessage(null)}>
          {message.text}
          {imported?.sheets.map((s) => (
            <Text key={`${s.ssgCode}-${s.heldOn}`} size="sm">
              {s.ssgCode} {s.heldOn.replace(/-/g, '.')}: {t('sheet.savedLine', { cash: mnt(s.totals.cashMinor), f1: mnt(s.funds.f1), f2: mnt(s.funds.f2), f3: mnt(s.funds.f3) })}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  )
}
