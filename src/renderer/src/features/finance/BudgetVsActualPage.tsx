import { useState } from 'react'
import { Alert, Button, Group, NumberInput, Loader, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import type { BudgetVsActualRow, Project } from '../../../../shared/api/financeTypes'
import { contract } from '../../../../shared/api/contract'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { BudgetWarnings } from './BudgetWarnings'
import { useContractForm } from '../../components/useContractForm'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { FormModal } from '../../components/FormModal'
import { NoProject, ProjectPicker, useProject } from './useProject'
import { Writes } from '../../components/permissions'
import { AnchorLink } from '../../components/links'

function NoteForm({ projectId, row, projectYear, onClose, onSaved }: { projectId: number; row: BudgetVsActualRow; projectYear: number | null; onClose(): void; onSaved(): void }) {
  const { t, local } = useI18n()
  const f = useContractForm(contract['finance.setNote'].input, { note: row.note ?? '' })
  const period = projectYear === null ? 'cumulative' : `Y${projectYear}`
  const submit = async () => {
    const input = f.parse((v) => ({ projectId, lineId: row.lineId, period, note: v.note || null }))
    if (!input) return
    f.setBusy(true)
    const r = await write('finance.setNote', input)
    f.setBusy(false)
    if (r.ok) onSaved()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('fin.noteFor', { line: `${row.code} ${local(row.name)}`, period: projectYear === null ? t('fin.cumulative') : t('fin.year', { n: projectYear }) })} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Textarea label={t('fin.note')} autosize minRows={3} {...f.input('note')} data-autofocus />
    </FormModal>
  )
}

/** An actual figure that opens its vouchers. */
function Drill({ row, from, to, children }: { row: BudgetVsActualRow; from: string; to: string; children: string }) {
  const search = row.isMain ? { main: row.mainCode, from, to } : { line: row.lineId!, from, to }
  return (
    <AnchorLink to="/expenses" search={search} size="sm" c="inherit" underline="hover" aria-label={`${children} (${row.code})`}>
      {children}
    </AnchorLink>
  )
}

/** The project's variance threshold, set from the report's page. */
function Threshold({ project }: { project: Project }) {
  const { t } = useI18n()
  const [value, setValue] = useState<string | number>(project.varianceThresholdPercent)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { errorText } = useI18n()
  const save = async () => {
    setBusy(true)
    const r = await write('finance.setVarianceThreshold', { projectId: project.id, percent: Number(value) })
    setBusy(false)
    setMessage(r.ok ? t('fin.thresholdSaved', { pct: r.value.varianceThresholdPercent }) : errorText(r.error))
  }
  return (
    <Group align="flex-end" gap="xs">
      <NumberInput label={t('fin.threshold')} value={value} onChange={setValue} min={1} max={100} allowDecimal={false} w={260} />
      <Writes>
        <Button variant="light" onClick={() => void save()} loading={busy} disabled={Number(value) === project.varianceThresholdPercent}>
          {t('common.save')}
        </Button>
      </Writes>
      {message && (
        <Text size="sm" c="dimmed" role="status">
          {message}
        </Text>
      )}
    </Group>
  )
}

function Report({ project }: { project: Project }) {
  const { t, dkk, mnt, local, date } = useI18n()
  const [period, setPeriod] = useState('cumulative')
  const projectYear = period === 'cumulative' ? null : Number(period)
  const bva = useOperation('finance.budgetVsActual', { projectId: project.id, projectYear })
  const [editing, setEditing] = useState<BudgetVsActualRow | null>(null)
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`)
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
      <SegmentedControl
        value={period}
        onChange={setPeriod}
        data={[...Array.from({ length: project.years }, (_, i) => ({ value: String(i + 1), label: t('fin.year', { n: i + 1 }) })), { value: 'cumulative', label: t('fin.cumulative') }]}
        w="fit-content"
      />
      <Threshold key={project.varianceThresholdPercent} project={project} />
      </Group>
      <PageState state={bva} reload={bva.reload}>
        {(b) => (
          <Stack>
            <Text size="sm" c="dimmed">
              {date(b.from)} – {date(b.to)} · {t('fin.approved')}: v{b.approvedVersion.number} · {t('fin.revised')}: v{b.revisedVersion.number}
            </Text>
            <BudgetWarnings warnings={b.warnings} />
            <Alert color={b.unexplained.length ? 'orange' : 'green'} data-testid="bva-unexplained">
              {b.unexplained.length
                ? t('fin.unexplained', { n: b.unexplained.length, pct: b.thresholdPercent, lines: b.unexplained.join(', ') })
                : t('fin.allExplained', { pct: b.thresholdPercent })}
            </Alert>
            <DataTable
              label={t('nav.bva')}
              data={b}
              rows={(d) => d.rows}
              rowKey={(r) => `${r.code}-${r.isMain}`}
              rowProps={(r) => (r.isMain ? { style: { fontWeight: 700, background: 'var(--mantine-color-gray-0)' } } : {})}
              columns={[
                { key: 'line', header: t('fin.line'), cell: (r: BudgetVsActualRow) => `${r.code} ${local(r.name)}` },
                { key: 'approved', header: t('fin.approved'), numeric: true, cell: (r) => dkk(r.approvedMinor) },
                { key: 'revised', header: t('fin.revised'), numeric: true, cell: (r) => dkk(r.revisedMinor) },
                // Each actual opens the vouchers behind it: the expenses list filtered to its line and period, with the same totals.
                { key: 'actualMnt', header: t('fin.actualMnt'), numeric: true, cell: (r) => <Drill row={r} from={b.from} to={b.to}>{mnt(r.actualMntMinor)}</Drill> },
                { key: 'actualDkk', header: t('fin.actualDkk'), numeric: true, cell: (r) => <Drill row={r} from={b.from} to={b.to}>{dkk(r.actualDkkMinor)}</Drill> },
                { key: 'variance', header: t('fin.variance'), numeric: true, cell: (r) => <Text span inherit c={r.varianceMinor < 0 ? 'red' : undefined}>{dkk(r.varianceMinor)}</Text> },
                {
                  key: 'variancePct',
                  header: t('fin.variancePct'),
                  numeric: true,
                  cell: (r) => (
                    <Text span inherit c={r.overThreshold ? 'orange.8' : undefined} fw={r.overThreshold ? 700 : undefined} title={r.overThreshold ? t('fin.over') : undefined}>
                      {r.overThreshold && r.variancePercent === null ? '∞' : pct(r.variancePercent)}
                    </Text>
                  ),
                },
                {
                  key: 'note',
                  header: t('fin.note'),
                  cell: (r) =>
                    r.lineId !== null && (
                      <>
                        <Text size="xs" span>
                          {r.note ?? ''}
                        </Text>{' '}
                        <Writes>
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)} aria-label={`${t('fin.editNote')} ${r.code}`}>
                          {t('fin.editNote')}
                        </Button>
                        </Writes>
                      </>
                    ),
                },
              ]}
              footer={() => (
                <Table.Tfoot>
                  <Table.Tr fw={700} style={{ whiteSpace: 'nowrap' }}>
                    <Table.Td>{t('fin.total')}</Table.Td>
                    <Table.Td ta="right">{dkk(b.totals.approvedMinor)}</Table.Td>
                    <Table.Td ta="right">{dkk(b.totals.revisedMinor)}</Table.Td>
                    <Table.Td ta="right">{mnt(b.totals.actualMntMinor)}</Table.Td>
                    <Table.Td ta="right" data-testid="bva-total-dkk">
                      {dkk(b.totals.actualDkkMinor)}
                    </Table.Td>
                    <Table.Td ta="right">{dkk(b.totals.varianceMinor)}</Table.Td>
                    <Table.Td ta="right">{pct(b.totals.revisedMinor ? b.totals.varianceMinor / b.totals.revisedMinor : null)}</Table.Td>
                    <Table.Td />
                  </Table.Tr>
                </Table.Tfoot>
              )}
            />
          </Stack>
        )}
      </PageState>
      {editing && (
        <NoteForm
          projectId={project.id}
          row={editing}
          projectYear={projectYear}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}

export function BudgetVsActualPage() {
  const { t } = useI18n()
  const { project, loading } = useProject()
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.bva')}</Title>
        <ProjectPicker />
      </Group>
      {loading ? <Loader size="sm" /> : project ? <Report project={project} /> : <NoProject />}
    </Stack>
  )
}
