import { useState } from 'react'
import { Alert, Button, Checkbox, FileButton, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { surveyInput } from '../../../../shared/api/survey'
import { HOUSING, SURVEY_ROUNDS, type SurveyEntry } from '../../../../shared/api/surveyTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { formatNumber } from '../../../../shared/domain/money'
import { call } from '../../api'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { FormModal } from '../../components/FormModal'
import { DateField } from '../../components/DateField'
import { AmountInput } from '../../components/AmountInput'
import { AnchorLink } from '../../components/links'
import { Writes } from '../../components/permissions'
import { useBranches } from '../../components/pickers'
import { useContractForm } from '../../components/useContractForm'
import { downloadFile, readAsBase64 } from '../../components/download'
import { pageSearch, patchSearch, searchFlag, searchId, searchOneOf, searchPage, searchYear } from '../../components/listSearch'

const PAGE_SIZE = 50
/** The survey list's address: `#/survey?round=…&year=…&area=…&replaced=true&page=…`. */
export const surveySearch = z.object({ round: searchOneOf(SURVEY_ROUNDS), year: searchYear, area: searchId, replaced: searchFlag, page: searchPage })
type Search = z.infer<typeof surveySearch>
const route = getRouteApi('/survey')
const thisYear = new Date().getFullYear()

/**
 * The household survey: the entries (a baseline per household, a follow-up a
 * year), one entered here or many from a filled sheet, and a correction that
 * replaces an entry while keeping it.
 */
export function SurveyPage() {
  const { t, local, mnt, date, num } = useI18n()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/survey' })
  const set = (patch: Partial<Search>) => void navigate(patchSearch<Search>({ ...patch, page: undefined }))
  const branches = useBranches()
  const [editing, setEditing] = useState<SurveyEntry | 'new' | null>(null)
  const list = useOperation('survey.list', {
    ...(search.round ? { round: search.round } : {}),
    ...(search.year ? { year: search.year } : {}),
    ...(search.area ? { branchId: search.area } : {}),
    withReplaced: search.replaced ?? false,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  })
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.survey')}</Title>
        <Writes>
          <Button onClick={() => setEditing('new')}>{t('survey.add')}</Button>
        </Writes>
      </Group>
      <Text size="sm" c="dimmed">
        {t('survey.help')}
      </Text>
      <SurveyFiles />
      <Group align="flex-end">
        <Select label={t('survey.col.round')} clearable placeholder={t('common.all')} value={search.round ?? null} onChange={(v) => set({ round: (v ?? undefined) as Search['round'] })} data={SURVEY_ROUNDS.map((r) => ({ value: r, label: t(`survey.round.${r}`) }))} w={160} />
        <Select label={t('reports.year')} clearable searchable placeholder={t('common.all')} value={search.year ? String(search.year) : null} onChange={(v) => set({ year: v ? Number(v) : undefined })} data={Array.from({ length: thisYear - 2004 + 1 }, (_, i) => String(thisYear - i))} w={120} />
        <Select label={t('g.area')} clearable placeholder={t('common.all')} value={search.area ? String(search.area) : null} onChange={(v) => set({ area: v ? Number(v) : undefined })} data={(branches.data ?? []).map((b) => ({ value: String(b.id), label: local({ mn: b.nameMn, en: b.nameEn }) }))} w={200} />
        <Checkbox label={t('survey.showReplaced')} checked={search.replaced ?? false} onChange={(e) => set({ replaced: e.currentTarget.checked || undefined })} mb={8} />
      </Group>
      <DataTable
        label={t('nav.survey')}
        state={list}
        rows={(d) => d.rows}
        rowKey={(r) => r.id}
        filtered={Boolean(search.round || search.year || search.area)}
        paging={{ pageSize: PAGE_SIZE, total: (d) => d.total, page: (d) => d.page, onPage: (p) => void navigate(pageSearch<Search>(p)) }}
        rowProps={(r) => (r.replacedBy ? { style: { textDecoration: 'line-through', opacity: 0.6 }, title: t('survey.replaced') } : {})}
        columns={[
          { key: 'on', header: t('survey.col.surveyedOn'), numeric: true, cell: (r: SurveyEntry) => date(r.surveyedOn) },
          { key: 'round', header: t('survey.col.round'), cell: (r) => t(`survey.round.${r.round}`) },
          {
            key: 'household',
            header: t('survey.col.householdId'),
            cell: (r) => (
              <AnchorLink to="/households/$id" params={{ id: r.householdId }} size="sm">
                {r.householdId} {r.headName ?? ''}
              </AnchorLink>
            ),
          },
          { key: 'area', header: t('g.area'), cell: (r) => local(r.area) },
          { key: 'income', header: t('survey.col.incomeMinor'), numeric: true, cell: (r) => mnt(r.incomeMinor) },
          { key: 'housing', header: t('survey.col.housing'), cell: (r) => t(`survey.housing.${r.housing}`) },
          { key: 'electricity', header: t('survey.col.electricity'), cell: (r) => t(r.electricity ? 'survey.yes' : 'survey.no') },
          { key: 'school', header: t('survey.schoolShort'), numeric: true, cell: (r) => `${num(r.childrenInSchool)} / ${num(r.childrenSchoolAge)}` },
          { key: 'fix', header: '', cell: (r) => (r.replacedBy ? null : <Writes><Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)}>{t('survey.correct')}</Button></Writes>) },
        ]}
      />
      {editing && <SurveyForm entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  )
}

/** The sheet to fill in (the households in a group on a day) and the filled sheet imported. */
function SurveyFiles() {
  const { t, lang, errorText } = useI18n()
  const [round, setRound] = useState<string>('follow_up')
  const [on, setOn] = useState(todayIso())
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const template = async () => {
    const r = await call('survey.template', { on, round: round as 'baseline' | 'follow_up', lang })
    if (r.ok) downloadFile(r.value)
    else setMessage({ ok: false, text: errorText(r.error) })
  }
  const importFile = async (file: File | null) => {
    if (!file) return
    setBusy(true)
    const r = await write('survey.import', { fileName: file.name, base64: await readAsBase64(file) })
    setBusy(false)
    setMessage(r.ok ? { ok: true, text: t('survey.imported', { n: r.value.imported }) } : { ok: false, text: errorText(r.error) })
  }
  return (
    <Paper withBorder p="sm">
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('survey.filesTitle')}
      </Text>
      <Group align="flex-end" gap="xs">
        <Select label={t('survey.col.round')} allowDeselect={false} value={round} onChange={(v) => v && setRound(v)} data={SURVEY_ROUNDS.map((r) => ({ value: r, label: t(`survey.round.${r}`) }))} w={140} />
        <DateField label={t('survey.sheetOn')} value={on} onChange={setOn} w={150} />
        <Button variant="light" onClick={() => void template()}>
          {t('survey.template')}
        </Button>
        <Writes>
          <FileButton onChange={(f) => void importFile(f)} accept=".xlsx">
            {(props) => (
              <Button {...props} variant="light" color="teal" loading={busy}>
                {t('survey.import')}
              </Button>
            )}
          </FileButton>
        </Writes>
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} withCloseButton onClose={() => setMessage(null)} data-testid="survey-message">
          {message.text}
        </Alert>
      )}
    </Stack>
    </Paper>
  )
}

function SurveyForm({ entry, onClose }: { entry: SurveyEntry | null; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(
    surveyInput,
    {
      householdId: (entry?.householdId ?? '') as number | string,
      round: (entry?.round ?? 'baseline') as string | null,
      surveyedOn: entry?.surveyedOn ?? todayIso(),
      income: entry ? formatNumber(entry.incomeMinor / 100) : '',
      housing: (entry?.housing ?? 'ger') as string | null,
      electricity: entry?.electricity ?? true,
      childrenSchoolAge: (entry?.childrenSchoolAge ?? 0) as number | string,
      childrenInSchool: (entry?.childrenInSchool ?? 0) as number | string,
      notes: entry?.notes ?? '',
    },
    { fields: { incomeMinor: 'income' } },
  )
  const submit = async () => {
    const input = f.parse((v) => ({
      householdId: Number(v.householdId) || undefined,
      round: v.round ?? undefined,
      surveyedOn: v.surveyedOn,
      incomeMinor: f.amount(v.income, 'MNT', 'income', 'nonNegative'),
      housing: v.housing ?? undefined,
      electricity: v.electricity,
      childrenSchoolAge: Number(v.childrenSchoolAge),
      childrenInSchool: Number(v.childrenInSchool),
      notes: v.notes || null,
      replacesId: entry?.id ?? null,
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('survey.record', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={entry ? t('survey.correctTitle', { n: entry.householdId }) : t('survey.add')} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} error={f.formError}>
      <SimpleGrid cols={3}>
        <NumberInput label={t('survey.col.householdId')} required disabled={entry !== null} allowDecimal={false} min={1} data-autofocus {...f.input('householdId')} />
        <Select label={t('survey.col.round')} allowDeselect={false} disabled={entry !== null} {...f.input('round')} data={SURVEY_ROUNDS.map((r) => ({ value: r, label: t(`survey.round.${r}`) }))} />
        <DateField label={t('survey.col.surveyedOn')} required {...f.input('surveyedOn')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <AmountInput label={t('survey.col.incomeMinor')} required currency="MNT" {...f.input('income')} />
        <Select label={t('survey.col.housing')} allowDeselect={false} {...f.input('housing')} data={HOUSING.map((h) => ({ value: h, label: t(`survey.housing.${h}`) }))} />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <Checkbox mt="lg" label={t('survey.col.electricity')} {...f.form.getInputProps('electricity', { type: 'checkbox' })} />
        <NumberInput label={t('survey.col.childrenSchoolAge')} allowDecimal={false} min={0} {...f.input('childrenSchoolAge')} />
        <NumberInput label={t('survey.col.childrenInSchool')} allowDecimal={false} min={0} {...f.input('childrenInSchool')} />
      </SimpleGrid>
      <TextInput label={t('survey.col.notes')} {...f.input('notes')} />
    </FormModal>
  )
}
