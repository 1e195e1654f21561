import { useState } from 'react'
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import type { Budget, Project } from '../../../../shared/api/financeTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { budgetRevisionInput } from '../../../../shared/api/finance'
import { write } from '../../query'
import { useContractForm } from '../../components/useContractForm'
import { AmountInput } from '../../components/AmountInput'
import { amountText, parseAmount } from '../../../../shared/domain/amount'
import { useI18n } from '../../i18n'
import { useReturnFocus } from '../../components/useReturnFocus'
import { BudgetFileFill } from './BudgetFileFill'
import type { BudgetFileResult } from '../../../../shared/api/financeTypes'
import { DateField } from '../../components/DateField'

const cellKey = (lineId: number, year: number, sourceId: number) => `${lineId}/${year}/${sourceId}`

/** A budget revision: starts from the shown version; every cell in DKK, one funding source at a time. */
/** No budget yet: the first version starts from empty cells. */
export const NO_BUDGET: Budget = { version: { id: 0, number: -1, approvedOn: '', reason: '', createdBy: '', donorApproval: null }, amounts: [], totalsByMainLine: {}, totalsBySource: {}, totalMinor: 0, warnings: [] }

export function RevisionForm({ project, budget, onClose, onSaved }: { project: Project; budget: Budget; onClose(): void; onSaved(): void }) {
  const first = budget.version.number < 0
  const { t, local, dkk } = useI18n()
  useReturnFocus()
  const f = useContractForm(budgetRevisionInput, {
    approvedOn: todayIso(),
    reason: first ? t('fin.originalBudget') : '',
    donorApproval: '',
    // Each cell as text in the display format, read by the app's one reader of amounts.
    cells: Object.fromEntries(budget.amounts.map((a) => [cellKey(a.lineId, a.projectYear, a.sourceId), amountText(a.amountMinor, 'DKK')])) as Record<string, string>,
  })
  const [sourceId, setSourceId] = useState(String(project.sources[0]?.id ?? ''))
  const years = Array.from({ length: project.years }, (_, i) => i + 1)
  const cells = f.values.cells
  const total = Object.values(cells).reduce((s, v) => {
    const r = v.trim() ? parseAmount(v, 'DKK', 'nonNegative') : null
    return s + (r?.ok ? r.minor : 0)
  }, 0)
  // The sources a file covers are set from it, every cell (a blank one is 0); the others stay as typed.
  const filled = (r: BudgetFileResult) => {
    const next = { ...f.values.cells }
    for (const sid of r.sourceIds) for (const l of project.lines) for (const y of years) next[cellKey(l.id, y, sid)] = ''
    for (const a of r.amounts) next[cellKey(a.lineId, a.projectYear, a.sourceId)] = amountText(a.amountMinor, 'DKK')
    f.set('cells', next)
    if (r.sourceIds.length) setSourceId(String(r.sourceIds[0]))
  }
  const save = async () => {
    const input = f.parse((v) => ({
      projectId: project.id,
      approvedOn: v.approvedOn,
      reason: v.reason,
      donorApproval: v.donorApproval.trim() || null,
      amounts: Object.entries(v.cells)
        .map(([k, text]) => [k, f.amount(text, 'DKK', `cells.${k}`, 'nonNegative') ?? 0] as const)
        .filter(([, amountMinor]) => amountMinor > 0)
        .map(([k, amountMinor]) => {
          const [lineId, projectYear, source] = k.split('/').map(Number)
          return { lineId, projectYear, sourceId: source, amountMinor }
        }),
    }))
    // A cell that cannot be read may be on another funding source's tab: say so above the buttons.
    if (!input && Object.keys(f.form.errors).some((k) => k.startsWith('cells.'))) f.setFormError(t('common.fixErrors'))
    if (!input) return
    f.setBusy(true)
    const r = await write('budget.revise', input)
    f.setBusy(false)
    if (r.ok) onSaved()
    else f.serverError(r.error)
  }
  return (
    <Modal opened onClose={onClose} title={t(first ? 'fin.firstBudget' : 'fin.revise')} size="90%">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('fin.reviseHelp')}
        </Text>
        <Group align="flex-start" grow>
          <DateField label={t('fin.approvedOn')} required {...f.input('approvedOn')} />
          <Textarea label={t('fin.reasonLabel')} required autosize {...f.input('reason')} />
          {!first && <TextInput label={t('fin.donorApproval')} description={t('fin.donorApprovalHelp')} {...f.input('donorApproval')} />}
        </Group>
        <BudgetFileFill project={project} onFilled={filled} />
        <SegmentedControl value={sourceId} onChange={setSourceId} data={project.sources.map((s) => ({ value: String(s.id), label: local(s.name) }))} />
        <Table withTableBorder aria-label={t('fin.revise')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fin.line')}</Table.Th>
              {years.map((y) => (
                <Table.Th key={y}>{t('fin.year', { n: y })}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  {l.code} {local(l.name)}
                </Table.Td>
                {years.map((y) => {
                  const k = cellKey(l.id, y, Number(sourceId))
                  return (
                    <Table.Td key={y}>
                      <AmountInput aria-label={`${l.code} ${t('fin.year', { n: y })}`} size="xs" currency={null} {...f.input(`cells.${k}`)} />
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm">
          {t('fin.total')}: DKK {dkk(total)}
        </Text>
        {f.formError && (
          <Alert color="red" role="alert">
            {f.formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={f.busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
