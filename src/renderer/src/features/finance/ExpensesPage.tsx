import { useState } from 'react'
import { Badge, Button, Checkbox, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import type { Expense, Project } from '../../../../shared/api/financeTypes'
import { expenseInput } from '../../../../shared/api/finance'
import { useContractForm } from '../../components/useContractForm'
import { addDays, todayIso } from '../../../../shared/domain/dates'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { DataTable } from '../../components/DataTable'
import { SearchBox, filterDate, pageSearch, patchSearch, searchDate, searchFlag, searchId, searchPage } from '../../components/listSearch'
import { FormModal } from '../../components/FormModal'
import { useBranches } from '../../components/pickers'
import { NoProject, ProjectPicker, useProject } from './useProject'
import { ImportDialog } from './ImportDialog'
import { Verbatim } from '../../components/Verbatim'
import { AmountInput } from '../../components/AmountInput'
import { VoidButton, VoidNote, voidedRow } from '../../components/voids'
import { useCanWrite } from '../../components/permissions'
import { Writes } from '../../components/permissions'
import { ConfirmAlert, asksToConfirm } from '../../components/Confirm'
import type { ApiError } from '../../../../shared/domain/result'
import { DateField } from '../../components/DateField'

const PAGE_SIZE = 50

function useCostCentres() {
  const { t, local } = useI18n()
  const branches = useBranches()
  return [{ value: 'secretariat', label: t('fin.secretariat') }, ...(branches.data ?? []).map((b) => ({ value: String(b.id), label: local({ mn: b.nameMn, en: b.nameEn }) }))]
}

/**
 * Fast entry: the last line, cost centre, source and currency stay for the next voucher.
 * A correction of a voucher of a period submitted to the donor starts from that voucher, dated on the first open day;
 * its amount may be negative (what it takes back).
 */
function ExpenseForm({ project, corrects, onClose }: { project: Project; corrects?: Expense; onClose(): void }) {
  const { t, local, date } = useI18n()
  const centres = useCostCentres()
  const firstOpen = project.lockedThrough ? addDays(project.lockedThrough, 1) : null
  const f = useContractForm(
    expenseInput,
    {
      spentOn: corrects && firstOpen ? firstOpen : todayIso(),
      voucher: '',
      lineId: (corrects ? String(corrects.lineId) : null) as string | null,
      costCentre: (corrects ? (corrects.branchId === null ? 'secretariat' : String(corrects.branchId)) : 'secretariat') as string | null,
      description: corrects ? t('fin.correctionOf', { voucher: corrects.voucher }) : '',
      amount: '',
      currency: (corrects?.currency ?? 'MNT') as string | null,
      sourceId: String(corrects?.sourceId ?? project.sources[0]?.id ?? '') as string | null,
    },
    { fields: { amountMinor: 'amount', branchId: 'costCentre' } },
  )
  const [saved, setSaved] = useState<string | null>(null)
  const [asking, setAsking] = useState<ApiError | null>(null)
  const submit = async (confirmed = false) => {
    const input = f.parse((v) => ({
      confirmed,
      projectId: project.id,
      spentOn: v.spentOn,
      voucher: v.voucher,
      lineId: v.lineId === null ? undefined : Number(v.lineId),
      branchId: v.costCentre && v.costCentre !== 'secretariat' ? Number(v.costCentre) : null,
      description: v.description,
      amountMinor: f.amount(v.amount, v.currency === 'DKK' ? 'DKK' : 'MNT', 'amount', corrects ? 'any' : 'positive'),
      currency: v.currency,
      sourceId: v.sourceId ? Number(v.sourceId) : undefined,
      correctsId: corrects?.id ?? null,
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('expenses.create', input)
    f.setBusy(false)
    setAsking(null)
    if (r.ok && corrects) return onClose()
    if (r.ok) {
      // Stay open for the next voucher; keep date, line, cost centre, source and currency.
      setSaved(`${r.value.voucher} ✓`)
      f.setValues({ ...f.values, voucher: '', description: '', amount: '' })
      return
    }
    setSaved(null)
    if (asksToConfirm(r.error)) setAsking(r.error)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={corrects ? t('fin.correct', { voucher: corrects.voucher }) : t('fin.addExpense')} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} error={f.formError}>
      {corrects && (
        <Text size="sm" c="dimmed">
          {t('fin.correctHelp', { voucher: corrects.voucher, to: project.lockedThrough ? date(project.lockedThrough) : '' })}
        </Text>
      )}
      <Group grow align="flex-start">
        <DateField label={t('fin.date')} required {...f.input('spentOn')} />
        <TextInput label={t('fin.voucher')} required data-autofocus {...f.input('voucher')} />
      </Group>
      <Select label={t('fin.line')} required searchable allowDeselect={false} {...f.input('lineId')} data={project.lines.map((l) => ({ value: String(l.id), label: `${l.code} ${local(l.name)}` }))} />
      <Group grow align="flex-start">
        <Select label={t('fin.costCentre')} required searchable allowDeselect={false} {...f.input('costCentre')} data={centres} />
        <Select label={t('fin.source')} required allowDeselect={false} {...f.input('sourceId')} data={project.sources.map((s) => ({ value: String(s.id), label: local(s.name) }))} />
      </Group>
      <TextInput label={t('fin.description')} required {...f.input('description')} />
      <Group grow align="flex-start">
        <AmountInput label={t('fin.amount')} required currency={f.values.currency === 'DKK' ? 'DKK' : 'MNT'} {...f.input('amount')} />
        <Select label={t('fin.currency')} allowDeselect={false} {...f.input('currency')} data={['MNT', 'DKK']} disabled={Boolean(corrects)} />
      </Group>
      {asking && <ConfirmAlert error={asking} busy={f.busy} onConfirm={() => void submit(true)} />}
      {saved && (
        <Text size="sm" c="teal" role="status">
          {t('common.saved')}: {saved}
        </Text>
      )}
    </FormModal>
  )
}

/** The expenses list's address: `#/expenses?line=…&centre=secretariat&source=…&from=…&to=…&flagged=true&page=…`. */
export const expensesSearch = z.object({
  line: searchId,
  /** A main line (its every sub-line): where budget against actual's main-line figures open. */
  main: z.string().regex(/^\d{1,2}$/).optional().catch(undefined),
  centre: z.union([z.literal('secretariat'), z.number().int().positive()]).optional().catch(undefined),
  source: searchId,
  from: searchDate,
  to: searchDate,
  flagged: searchFlag,
  /** Also the voided expenses, struck through. */
  voided: searchFlag,
  page: searchPage,
})
type Search = z.infer<typeof expensesSearch>
const route = getRouteApi('/expenses')

function ExpenseList({ project }: { project: Project }) {
  const { t, mnt, dkk, date, local, num } = useI18n()
  const centres = useCostCentres()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/expenses' })
  const set = (patch: Partial<Search>) => void navigate(patchSearch<Search>(patch))
  const [adding, setAdding] = useState(false)
  const [correcting, setCorrecting] = useState<Expense | null>(null)
  const locked = (e: Expense) => project.lockedThrough !== null && e.spentOn <= project.lockedThrough
  const [importing, setImporting] = useState(false)
  const canWrite = useCanWrite()
  const result = useOperation('expenses.search', {
    projectId: project.id,
    ...(search.line ? { lineId: search.line } : {}),
    ...(search.main && !search.line ? { mainCode: search.main } : {}),
    ...(search.centre ? { costCentre: search.centre } : {}),
    ...(search.source ? { sourceId: search.source } : {}),
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
    flaggedOnly: search.flagged ?? false,
    withVoided: search.voided ?? false,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  })
  const lineCode = new Map(project.lines.map((l) => [l.id, l]))
  const filtered = Boolean(search.line || search.main || search.centre || search.source || search.from || search.to || search.flagged)
  return (
    <Stack>
      <Group justify="flex-end">
        <Writes>
        <Button variant="light" onClick={() => setImporting(true)}>
          {t('fin.import')}
        </Button>
        <Button onClick={() => setAdding(true)}>{t('fin.addExpense')}</Button>
        </Writes>
      </Group>
      <Group align="flex-end">
        <Select
          label={t('fin.line')}
          clearable
          searchable
          placeholder={t('common.all')}
          value={search.line ? String(search.line) : search.main ? `main:${search.main}` : null}
          onChange={(v) => set(v?.startsWith('main:') ? { main: v.slice(5), line: undefined } : { line: v ? Number(v) : undefined, main: undefined })}
          data={project.mainLines.flatMap((m) => [
            { value: `main:${m.code}`, label: `${m.code} ${local(m.name)}` },
            ...project.lines.filter((l) => l.mainCode === m.code).map((l) => ({ value: String(l.id), label: `  ${l.code} ${local(l.name)}` })),
          ])}
          w={300}
        />
        <Select
          label={t('fin.costCentre')}
          clearable
          searchable
          placeholder={t('common.all')}
          value={search.centre ? String(search.centre) : null}
          onChange={(v) => set({ centre: v === null ? undefined : v === 'secretariat' ? v : Number(v) })}
          data={centres}
          w={220}
        />
        <Select
          label={t('fin.source')}
          clearable
          placeholder={t('common.all')}
          value={search.source ? String(search.source) : null}
          onChange={(v) => set({ source: v ? Number(v) : undefined })}
          data={project.sources.map((s) => ({ value: String(s.id), label: local(s.name) }))}
          w={220}
        />
        <SearchBox label={t('fin.from')} placeholder={t('person.dateHint')} value={search.from ?? ''} onSearch={(d) => { const v = filterDate(d); if (v !== null) set({ from: v || undefined }) }} w={130} />
        <SearchBox label={t('fin.to')} placeholder={t('person.dateHint')} value={search.to ?? ''} onSearch={(d) => { const v = filterDate(d); if (v !== null) set({ to: v || undefined }) }} w={130} />
        <Checkbox label={t('fin.flaggedOnly')} checked={search.flagged ?? false} onChange={(e) => set({ flagged: e.currentTarget.checked || undefined })} mb={8} />
        <Checkbox label={t('fin.showVoided')} checked={search.voided ?? false} onChange={(e) => set({ voided: e.currentTarget.checked || undefined })} mb={8} />
      </Group>
      {project.lockedThrough && (
        <Text size="sm" c="dimmed" data-testid="expenses-locked">
          {t('fin.lockedThrough', { date: date(project.lockedThrough) })}
        </Text>
      )}
      {result.data && result.data.total > 0 && (
        <Text size="sm" data-testid="expense-totals">
          {t('fin.totals', { count: num(result.data.total), mnt: mnt(result.data.totals.mntMinor), dkk: dkk(result.data.totals.dkkMinor) })}
        </Text>
      )}
      <DataTable
        label={t('nav.expenses')}
        state={result}
        rows={(r) => r.rows}
        rowKey={(e) => e.id}
        filtered={filtered}
        paging={{ pageSize: PAGE_SIZE, total: (r) => r.total, page: (r) => r.page, onPage: (page) => void navigate(pageSearch<Search>(page)) }}
        rowProps={(e) => voidedRow(e.voided, t)}
        columns={[
          { key: 'date', header: t('fin.date'), numeric: true, cell: (e: Expense) => date(e.spentOn) },
          { key: 'voucher', header: t('fin.voucher'), cell: (e) => <Verbatim nowrap>{e.voucher}</Verbatim> },
          { key: 'line', header: t('fin.line'), cell: (e) => lineCode.get(e.lineId)?.code },
          { key: 'centre', header: t('fin.costCentre'), cell: (e) => local(e.costCentre) },
          {
            key: 'description',
            header: t('fin.description'),
            cell: (e) => (
              <>
                {e.description}
                {e.corrects && (
                  <Text size="xs" c="dimmed">
                    {t('fin.corrects', { voucher: e.corrects.voucher, date: date(e.corrects.spentOn) })}
                  </Text>
                )}
                {e.voided && <VoidNote voided={e.voided} />}
              </>
            ),
          },
          { key: 'amount', header: t('fin.amount'), numeric: true, cell: (e) => (e.currency === 'MNT' ? mnt(e.amountMinor) : `DKK ${dkk(e.amountMinor)}`) },
          {
            key: 'dkk',
            header: t('fin.dkkValue'),
            numeric: true,
            cell: (e) => (
              <>
                {e.dkkMinor === null ? '—' : dkk(e.dkkMinor)}
                {e.uncoveredMntMinor > 0 && (
                  <Badge ml={4} size="xs" color="orange" title={t('fin.flagged')}>
                    !
                  </Badge>
                )}
              </>
            ),
          },
          canWrite && {
            key: 'void',
            header: '',
            cell: (e) =>
              e.voided ? null : locked(e) ? (
                <Button size="compact-xs" variant="subtle" onClick={() => setCorrecting(e)} aria-label={`${t('fin.correctButton')} ${e.voucher}`}>
                  {t('fin.correctButton')}
                </Button>
              ) : (
                <VoidButton operation="expenses.void" id={e.id} what={e.voucher} />
              ),
          },
        ]}
      />
      {importing && <ImportDialog projectId={project.id} onClose={() => setImporting(false)} />}
      {adding && <ExpenseForm project={project} onClose={() => setAdding(false)} />}
      {correcting && <ExpenseForm project={project} corrects={correcting} onClose={() => setCorrecting(null)} />}
    </Stack>
  )
}

export function ExpensesPage() {
  const { t } = useI18n()
  const { project, loading } = useProject()
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.expenses')}</Title>
        <ProjectPicker />
      </Group>
      {loading ? <Loader size="sm" /> : project ? <ExpenseList project={project} /> : <NoProject />}
    </Stack>
  )
}
