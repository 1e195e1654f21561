import { useState } from 'react'
import { Button, Card, Code, Stack, Text, Textarea, Title } from '@mantine/core'
import { SUBMITTABLE_REPORTS, type SubmittedReport } from '../../../../shared/api/financeTypes'
import { call } from '../../api'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { FormModal } from '../../components/FormModal'
import { downloadFile } from '../../components/download'
import { Writes } from '../../components/permissions'
import { formatTimeUlaanbaatar, periodOf } from '../../../../shared/domain/dates'

export const canSubmit = (report: string): report is SubmittedReport['report'] => (SUBMITTABLE_REPORTS as readonly string[]).includes(report)

type Request = { report: SubmittedReport['report']; projectId?: number; projectYear: number | null; lang: 'mn' | 'en'; format: 'xlsx' | 'pdf' }

/** Submits the chosen report to the donor, after saying what that locks. */
export function SubmitButton({ request, project, onDone }: { request: () => Request | undefined; project: { startsOn: string; endsOn: string } | null; onDone(message: string): void }) {
  const { t, date } = useI18n()
  const [asking, setAsking] = useState<Request | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { errorText } = useI18n()
  const period = asking && project ? periodOf(project, asking.projectYear) : null
  const submit = async () => {
    if (!asking) return
    setBusy(true)
    const r = await write('reports.submit', { ...asking, note: note.trim() || null })
    setBusy(false)
    if (!r.ok) return setError(errorText(r.error))
    setAsking(null)
    setNote('')
    onDone(t('sub.done', { file: r.value.fileName, to: date(r.value.to) }))
  }
  return (
    <Writes>
      <Button
        variant="outline"
        color="orange"
        onClick={() => {
          setError(null)
          const r = request()
          if (r) setAsking(r)
        }}
      >
        {t('sub.submit')}
      </Button>
      {asking && period && (
        <FormModal opened title={t('sub.title')} onClose={() => setAsking(null)} onSubmit={() => void submit()} busy={busy} error={error} submitLabel={t('sub.confirm')}>
          <Text size="sm">{t('sub.explain', { from: date(period.from), to: date(period.to) })}</Text>
          <Textarea label={t('sub.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
        </FormModal>
      )}
    </Writes>
  )
}

/** The reports submitted to the donor, each downloadable exactly as it was submitted. */
export function SubmittedList({ projectId }: { projectId?: number }) {
  const { t, date, num, errorText } = useI18n()
  const list = useOperation('reports.submitted', projectId === undefined ? {} : { projectId })
  const [error, setError] = useState<string | null>(null)
  const download = async (s: SubmittedReport) => {
    setError(null)
    const r = await call('reports.submittedFile', { id: s.id })
    if (r.ok) downloadFile(r.value)
    else setError(errorText(r.error))
  }
  if (!list.data?.length) return null
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('sub.list')}</Title>
        <DataTable
          label={t('sub.list')}
          state={list}
          rows={(d) => d}
          rowKey={(s) => s.id}
          columns={[
            { key: 'when', header: t('sub.when'), cell: (s: SubmittedReport) => formatTimeUlaanbaatar(s.submittedAt) },
            { key: 'report', header: t('reports.report'), cell: (s) => t(`reports.${s.report}`) },
            { key: 'period', header: t('sub.period'), cell: (s) => `${date(s.from)} – ${date(s.to)}` },
            { key: 'file', header: t('sub.file'), cell: (s) => <Text size="sm">{s.fileName} <Text span size="xs" c="dimmed">({num(Math.ceil(s.byteLength / 1024))} KB)</Text></Text> },
            { key: 'hash', header: 'SHA-256', cell: (s) => <Code title={s.sha256}>{s.sha256.slice(0, 12)}…</Code> },
            { key: 'who', header: t('sub.who'), cell: (s) => s.submittedBy },
            { key: 'note', header: t('sub.note'), cell: (s) => s.note ?? '' },
            {
              key: 'download',
              header: '',
              cell: (s) => (
                <Button size="compact-xs" variant="light" onClick={() => void download(s)} aria-label={`${t('sub.download')} ${s.fileName}`}>
                  {t('sub.download')}
                </Button>
              ),
            },
          ]}
        />
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
