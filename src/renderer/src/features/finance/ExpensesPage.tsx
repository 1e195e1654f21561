import { useEffect, useState } from 'react'
import { Badge, Button, Checkbox, Group, Loader, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { Project } from '../../../../shared/api/financeTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { useOperation } from '../../components/useOperation'
import { Empty, PageState } from '../../components/PageState'
import { Pager } from '../../components/Pager'
import { FormModal } from '../../components/FormModal'
import { useBranches } from '../../components/pickers'
import { NoProject, useProject } from './useProject'
import { ImportDialog } from './ImportDialog'

const PAGE_SIZE = 50

function useCostCentres() {
  const { t, local } = useI18n()
  const branches = useBranches()
  return [{ value: 'secretariat', label: t('fin.secretariat') }, ...(branches.data ?? []).map((b) => ({ value: String(b.id), label: local({ mn: b.nameMn, en: b.nameEn }) }))]
}

/** Fast entry: the last line, cost centre, source and currency stay for the next voucher. */
function ExpenseForm({ project, onClose, onSaved }: { project: Project; onClose(): void; onSaved(): void }) {
  const { t, local, errorText } = useI18n()
  const centres = useCostCentres()
  const [v, setV] = useState({ spentOn: todayIso(), voucher: '', lineId: null as string | null, costCentre: 'secretariat' as string | null, description: '', amount: '' as number | string, currency: 'MNT', sourceId: String(project.sources[0]?.id ?? '') as string | null })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  const submit = async () => {
    setBusy(true)
    const r = await call('expenses.create', {
      projectId: project.id,
      spentOn: v.spentOn,
      voucher: v.voucher,
      lineId: Number(v.lineId),
      branchId: v.costCentre && v.costCentre !== 'secretariat' ? Number(v.costCentre) : null,
      description: v.description,
      amountMinor: Math.round(Number(v.amount) * 100),
      currency: v.currency as 'MNT' | 'DKK',
      sourceId: Number(v.sourceId),
    })
    setBusy(false)
    if (r.ok) {
      // Stay open for the next voucher; keep date, line, cost centre, source and currency.
      setSaved(`${r.value.voucher} ✓`)
      setErrors({})
      setFormError(null)
      setV({ ...v, voucher: '', description: '', amount: '' })
      return onSaved()
    }
    setSaved(null)
    const map: Record<string, string> = { amountMinor: 'amount', branchId: 'costCentre' }
    const field = r.error.field ? (map[r.error.field] ?? r.error.field) : undefined
    if (field && field in v) setErrors({ [field]: errorText(r.error) })
    else setFormError(errorText(r.error))
  }
  return (
    <FormModal opened title={t('fin.addExpense')} onClose={onClose} onSubmit={submit} busy={busy} error={formError}>
      <Group grow align="flex-start">
        <TextInput label={t('fin.date')} required value={v.spentOn} onChange={(e) => setV({ ...v, spentOn: e.currentTarget.value })} error={errors.spentOn} />
        <TextInput label={t('fin.voucher')} required data-autofocus value={v.voucher} onChange={(e) => setV({ ...v, voucher: e.currentTarget.value })} error={errors.voucher} />
      </Group>
      <Select label={t('fin.line')} required searchable allowDeselect={false} value={v.lineId} onChange={(x) => setV({ ...v, lineId: x })} data={project.lines.map((l) => ({ value: String(l.id), label: `${l.code} ${local(l.name)}` }))} error={errors.lineId} />
      <Group grow align="flex-start">
        <Select label={t('fin.costCentre')} required searchable allowDeselect={false} value={v.costCentre} onChange={(x) => setV({ ...v, costCentre: x })} data={centres} error={errors.costCentre} />
        <Select label={t('fin.source')} required allowDeselect={false} value={v.sourceId} onChange={(x) => setV({ ...v, sourceId: x })} data={project.sources.map((s) => ({ value: String(s.id), label: local(s.name) }))} error={errors.sourceId} />
      </Group>
      <TextInput label={t('fin.description')} required value={v.description} onChange={(e) => setV({ ...v, description: e.currentTarget.value })} error={errors.description} />
      <Group grow align="flex-start">
        <NumberInput label={t('fin.amount')} required min={0} decimalScale={2} thousandSeparator=" " value={v.amount} onChange={(x) => setV({ ...v, amount: x })} error={errors.amount} />
        <Select label={t('fin.currency')} allowDeselect={false} value={v.currency} onChange={(x) => setV({ ...v, currency: x ?? 'MNT' })} data={['MNT', 'DKK']} />
      </Group>
      {saved && (
        <Text size="sm" c="teal" role="status">
          {t('common.saved')}: {saved}
        </Text>
      )}
    </FormModal>
  )
}

function ExpenseList({ project }: { project: Project }) {
  const { t, mnt, dkk, date, local, num } = useI18n()
  const centres = useCostCentres()
  const [lineId, setLineId] = useState<string | null>(null)
  const [centre, setCentre] = useState<string | null>(null)
  const [sourceId, setSourceId] = useState<string | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [flaggedOnly, setFlaggedOnly] = useState(false)
  const [page, setPage] = useState(1)
  const [adding, setAdding] = useState(false)
  const [importing, setImporting] = useState(false)
  useEffect(() => setPage(1), [lineId, centre, sourceId, from, to, flaggedOnly])
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d)
  const result = useOperation('expenses.search', {
    projectId: project.id,
    ...(lineId ? { lineId: Number(lineId) } : {}),
    ...(centre ? { costCentre: centre === 'secretariat' ? ('secretariat' as const) : Number(centre) } : {}),
    ...(sourceId ? { sourceId: Number(sourceId) } : {}),
    ...(valid(from) ? { from } : {}),
    ...(valid(to) ? { to } : {}),
    flaggedOnly,
    page,
    pageSize: PAGE_SIZE,
  })
  const lineCode = new Map(project.lines.map((l) => [l.id, l]))
  return (
    <Stack>
      <Group justify="flex-end">
        <Button variant="light" onClick={() => setImporting(true)}>
          {t('fin.import')}
        </Button>
        <Button onClick={() => setAdding(true)}>{t('fin.addExpense')}</Button>
      </Group>
      <Group align="flex-end">
        <Select label={t('fin.line')} clearable searchable placeholder={t('common.all')} value={lineId} onChange={setLineId} data={project.lines.map((l) => ({ value: String(l.id), label: `${l.code} ${local(l.name)}` }))} w={300} />
        <Select label={t('fin.costCentre')} clearable searchable placeholder={t('common.all')} value={centre} onChange={setCentre} data={centres} w={220} />
        <Select label={t('fin.source')} clearable placeholder={t('common.all')} value={sourceId} onChange={setSourceId} data={project.sources.map((s) => ({ value: String(s.id), label: local(s.name) }))} w={220} />
        <TextInput label={t('fin.from')} placeholder={t('person.dateHint')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={130} />
        <TextInput label={t('fin.to')} placeholder={t('person.dateHint')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={130} />
        <Checkbox label={t('fin.flaggedOnly')} checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.currentTarget.checked)} mb={8} />
      </Group>
      <PageState state={result} reload={result.reload}>
        {(r) =>
          r.total === 0 ? (
            <Empty filtered />
          ) : (
            <>
              <Text size="sm" data-testid="expense-totals">
                {t('fin.totals', { count: num(r.total), mnt: mnt(r.totals.mntMinor), dkk: dkk(r.totals.dkkMinor) })}
              </Text>
              <Table striped withTableBorder aria-label={t('nav.expenses')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fin.date')}</Table.Th>
                    <Table.Th>{t('fin.voucher')}</Table.Th>
                    <Table.Th>{t('fin.line')}</Table.Th>
                    <Table.Th>{t('fin.costCentre')}</Table.Th>
                    <Table.Th>{t('fin.description')}</Table.Th>
                    <Table.Th ta="right">{t('fin.amount')}</Table.Th>
                    <Table.Th ta="right">{t('fin.dkkValue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.rows.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{date(e.spentOn)}</Table.Td>
                      <Table.Td>{e.voucher}</Table.Td>
                      <Table.Td>{lineCode.get(e.lineId)?.code}</Table.Td>
                      <Table.Td>{local(e.costCentre)}</Table.Td>
                      <Table.Td>{e.description}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {e.currency === 'MNT' ? mnt(e.amountMinor) : `DKK ${dkk(e.amountMinor)}`}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {e.dkkMinor === null ? '—' : dkk(e.dkkMinor)}
                        {e.uncoveredMntMinor > 0 && (
                          <Badge ml={4} size="xs" color="orange" title={t('fin.flagged')}>
                            !
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Pager page={r.page} total={r.total} pageSize={PAGE_SIZE} onChange={setPage} />
            </>
          )
        }
      </PageState>
      {importing && <ImportDialog projectId={project.id} onClose={() => setImporting(false)} onImported={() => result.reload()} />}
      {adding && (
        <ExpenseForm
          project={project}
          onClose={() => setAdding(false)}
          onSaved={() => result.reload()}
        />
      )}
    </Stack>
  )
}

export function ExpensesPage() {
  const { t } = useI18n()
  const { project, loading } = useProject()
  return (
    <Stack>
      <Title order={2}>{t('nav.expenses')}</Title>
      {loading ? <Loader size="sm" /> : project ? <ExpenseList project={project} /> : <NoProject />}
    </Stack>
  )
}
