import { useEffect, useState, type ReactNode } from 'react'
import { Alert, Button, Card, Group, Loader, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { LOAN_REPORTS, PROJECT_REPORTS, REPORTS, reportRequest } from '../../../../shared/api/contract'
import type { Lang } from '../../../../shared/i18n'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { useContractForm } from '../../components/useContractForm'
import { fileToBlob as toBlob } from '../../components/download'
import { saveReport } from '../../components/ReportButton'
import { useProject } from '../finance/useProject'
import { DateField } from '../../components/DateField'
import { SubmitButton, SubmittedList, canSubmit } from './Submitted'

type Report = (typeof REPORTS)[number]
const REPORT_OPTIONS = REPORTS
/** The reports that also take a period (from, to); the others a year or a project year. */
const PERIOD_REPORTS: readonly string[] = ['membership', 'ledger', 'attendance', 'activities']

const thisYear = new Date().getFullYear()
const YEARS = Array.from({ length: thisYear - 2004 + 1 }, (_, i) => String(thisYear - i))

/** The options of the savings-and-loan reports, as the contract takes them. */
function loanOptions(v: { report: Report; date: string; scope: 'group' | 'lsg' | 'area'; code: string; person: string; from: string; to: string }) {
  if (v.report === 'collection') return { date: v.date, [v.scope]: v.code.trim() || undefined }
  if (v.report === 'portfolio') return { date: v.date }
  if (v.report === 'group-funds') return { from: v.from, to: v.to }
  return { person: v.person.trim() || undefined, date: v.date }
}

export function ReportsPage() {
  const { t, lang } = useI18n()
  const [kind, setKind] = useState<'year' | 'range'>('year')
  const f = useContractForm(reportRequest, {
    report: 'membership' as Report,
    year: '2009',
    from: '2007-03-01',
    to: '2008-02-29',
    lang: lang as Lang,
    format: 'pdf' as 'pdf' | 'xlsx',
    projectYear: 'all',
    date: '2010-06-30',
    scope: 'group' as 'group' | 'lsg' | 'area',
    code: '',
    person: '',
  }, { fields: { group: 'code', lsg: 'code', area: 'code' } })
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null)
  const [message, setMessage] = useState<ReactNode>(null)
  const [preview, setPreview] = useState<string | null>(null)
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview])

  const finance = PROJECT_REPORTS.includes(f.values.report)
  const loans = LOAN_REPORTS.includes(f.values.report)
  // The finance reports are about the project chosen on the finance pages.
  const { project } = useProject()
  const projectYears = Array.from({ length: project?.years ?? 0 }, (_, i) => String(i + 1))
  const request = (format: 'pdf' | 'xlsx') =>
    f.parse((v) => ({
      report: v.report,
      lang: v.lang,
      format,
      ...(loans
        ? loanOptions(v)
        : finance
        ? { ...(project ? { projectId: project.id } : {}), ...(kind === 'range' ? { from: v.from, to: v.to } : v.projectYear === 'all' ? {} : { projectYear: Number(v.projectYear) }) }
        : kind === 'year' ? { year: Number(v.year) } : { from: v.from, to: v.to }),
    }))

  const run = async (action: 'preview' | 'save') => {
    const input = request(action === 'preview' ? 'pdf' : f.values.format)
    if (!input) return
    setBusy(action)
    setMessage(null)
    f.setFormError(null)
    try {
      if (action === 'save') {
        const r = await saveReport(input, t)
        if (r.ok) setMessage(r.message)
        else f.serverError(r.error)
        return
      }
      const r = await call('reports.generate', input)
      if (!r.ok) return f.serverError(r.error)
      setPreview(URL.createObjectURL(toBlob(r.value)))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Stack>
      <Title order={2}>{t('reports.title')}</Title>
      <Card withBorder>
        <Stack>
          <Select
            label={t('reports.report')}
            allowDeselect={false}
            value={f.values.report}
            onChange={(v) => {
              if (!v) return
              f.set('report', v as Report)
              if (!PERIOD_REPORTS.includes(v)) setKind('year')
            }}
            data={REPORT_OPTIONS.map((r) => ({ value: r, label: t(`reports.${r}`) }))}
            error={f.errors.report}
          />
          <Text size="sm" c="dimmed">
            {t(`reports.${f.values.report}Desc`)}
          </Text>
          <Group align="flex-end">
            {loans ? (
              <>
                {f.values.report === 'collection' && (
                  <>
                    <Select
                      label={t('reports.scope')}
                      allowDeselect={false}
                      value={f.values.scope}
                      onChange={(v) => v && f.set('scope', v as 'group' | 'lsg' | 'area')}
                      data={[
                        { value: 'group', label: t('reports.scopeGroup') },
                        { value: 'lsg', label: t('reports.scopeLsg') },
                        { value: 'area', label: t('reports.scopeArea') },
                      ]}
                      w={200}
                    />
                    <TextInput label={t('reports.code')} value={f.values.code} onChange={(e) => f.set('code', e.currentTarget.value)} error={f.errors.code} w={140} />
                  </>
                )}
                {f.values.report === 'passbook' && (
                  <TextInput label={t('reports.person')} value={f.values.person} onChange={(e) => f.set('person', e.currentTarget.value)} error={f.errors.person} w={240} />
                )}
                {f.values.report === 'group-funds' ? (
                  <>
                    <DateField label={t('reports.from')} value={f.values.from} onChange={(v) => f.set('from', v)} error={f.errors.from} w={150} />
                    <DateField label={t('reports.to')} value={f.values.to} onChange={(v) => f.set('to', v)} error={f.errors.to} w={150} />
                  </>
                ) : (
                  <DateField label={t('reports.date')} value={f.values.date} onChange={(v) => f.set('date', v)} error={f.errors.date} w={150} />
                )}
              </>
            ) : (
            <>
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('reports.periodKind')}
              </Text>
              <SegmentedControl
                value={kind}
                onChange={(v) => setKind(v as 'year' | 'range')}
                data={[
                  { value: 'year', label: t('reports.year') },
                  { value: 'range', label: t('reports.range'), disabled: !PERIOD_REPORTS.includes(f.values.report) },
                ]}
              />
            </div>
            {kind === 'year' && finance ? (
              <Select
                label={t('reports.projectYear')}
                allowDeselect={false}
                value={f.values.projectYear}
                onChange={(v) => v && f.set('projectYear', v)}
                data={[{ value: 'all', label: t('reports.wholeProject') }, ...projectYears.map((y) => ({ value: y, label: `${t('reports.projectYear')} ${y}` }))]}
                error={f.errors.projectYear}
                w={240}
              />
            ) : kind === 'year' ? (
              <Select label={t('reports.year')} allowDeselect={false} searchable value={f.values.year} onChange={(v) => v && f.set('year', v)} data={YEARS} error={f.errors.year} w={120} />
            ) : (
              <>
                <DateField label={t('reports.from')} value={f.values.from} onChange={(v) => f.set('from', v)} error={f.errors.from} w={150} />
                <DateField label={t('reports.to')} value={f.values.to} onChange={(v) => f.set('to', v)} error={f.errors.to} w={150} />
              </>
            )}
            </>
            )}
            <Select
              label={t('reports.lang')}
              allowDeselect={false}
              value={f.values.lang}
              onChange={(v) => v && f.set('lang', v as Lang)}
              data={[
                { value: 'mn', label: 'Монгол' },
                { value: 'en', label: 'English' },
              ]}
              w={160}
            />
            <Select
              label={t('reports.format')}
              allowDeselect={false}
              value={f.values.format}
              onChange={(v) => v && f.set('format', v as 'pdf' | 'xlsx')}
              data={[
                { value: 'pdf', label: 'PDF' },
                { value: 'xlsx', label: 'Excel (.xlsx)' },
              ]}
              w={150}
            />
          </Group>
          <Group>
            <Button variant="light" onClick={() => run('preview')} disabled={busy !== null} loading={busy === 'preview'}>
              {t('reports.preview')}
            </Button>
            <Button onClick={() => run('save')} disabled={busy !== null} loading={busy === 'save'}>
              {t('reports.save')}
            </Button>
            {canSubmit(f.values.report) && kind === 'year' && (
              <SubmitButton
                project={project}
                request={() => {
                  const input = request(f.values.format)
                  return input && canSubmit(input.report)
                    ? { report: input.report, projectId: project?.id, projectYear: f.values.projectYear === 'all' ? null : Number(f.values.projectYear), lang: input.lang, format: input.format }
                    : undefined
                }}
                onDone={setMessage}
              />
            )}
            {busy && (
              <Group gap="xs" role="status">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t('reports.generating')}
                </Text>
              </Group>
            )}
          </Group>
          {f.formError && (
            <Alert color="red" role="alert">
              {f.formError}
            </Alert>
          )}
          {message && (
            <Text size="sm" c="teal" role="status" data-testid="report-message">
              {message}
            </Text>
          )}
        </Stack>
      </Card>
      <SubmittedList projectId={project?.id} />
      {preview && (
        <Card withBorder p={0}>
          <iframe title={t('reports.previewTitle')} src={preview} style={{ width: '100%', height: '75vh', border: 0 }} />
        </Card>
      )}
    </Stack>
  )
}
