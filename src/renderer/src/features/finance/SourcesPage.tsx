import { useState } from 'react'
import { Alert, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import type { Project, SourceUse } from '../../../../shared/api/financeTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { NoProject, ProjectPicker, useProject } from './useProject'
import { AnchorLink } from '../../components/links'

/** Sources and uses of the project's money per funding source (issue 15): the same figures as the financial report's sheet. */
function Sources({ project }: { project: Project }) {
  const { t, dkk, local, date, lang } = useI18n()
  const [period, setPeriod] = useState('cumulative')
  const projectYear = period === 'cumulative' ? null : Number(period)
  const su = useOperation('finance.sourcesAndUses', { projectId: project.id, projectYear })
  const money = (v: number | null) => (v === null ? '—' : dkk(v))
  return (
    <Stack>
      <SegmentedControl
        value={period}
        onChange={setPeriod}
        data={[...Array.from({ length: project.years }, (_, i) => ({ value: String(i + 1), label: t('fin.year', { n: i + 1 }) })), { value: 'cumulative', label: t('fin.cumulative') }]}
        w="fit-content"
      />
      <PageState state={su} reload={su.reload}>
        {(s) => {
          const whole = s.projectYear === null
          const columns = [
            {
              key: 'source',
              header: t('fin.source'),
              cell: (r: SourceUse) => (
                <>
                  <Text span inherit fw={700}>{r.code}</Text>
                  {r.sourceId !== null && <Text size="xs" c="dimmed">{local(r.name)}</Text>}
                </>
              ),
            },
            { key: 'committed', header: t('su.committed'), numeric: true, cell: (r: SourceUse) => money(r.committedMinor) },
            // The whole project starts from nothing and spends to date what it spends: those two columns only for a year.
            ...(whole ? [] : [{ key: 'opening', header: t('su.opening'), numeric: true, cell: (r: SourceUse) => dkk(r.openingMinor) }]),
            { key: 'transfers', header: t('su.transfers'), numeric: true, cell: (r: SourceUse) => dkk(r.transfersMinor) },
            { key: 'paidInDenmark', header: t('su.paidInDenmark'), numeric: true, cell: (r: SourceUse) => dkk(r.paidInDenmarkMinor) },
            { key: 'interest', header: t('su.interest'), numeric: true, cell: (r: SourceUse) => dkk(r.interestMinor) },
            { key: 'exchange', header: t('su.exchange'), numeric: true, cell: (r: SourceUse) => dkk(r.exchangeMinor) },
            {
              key: 'spent',
              header: t('su.spent'),
              numeric: true,
              // What a source spent opens its vouchers of the period (the list's DKK total is this figure).
              cell: (r: SourceUse) =>
                r.sourceId === null ? (
                  dkk(r.spentMinor)
                ) : (
                  <AnchorLink to="/expenses" search={{ source: r.sourceId, from: s.from, to: s.to }} size="sm" c={whole && r.overCommitted ? 'red' : 'inherit'} underline="hover">
                    {dkk(r.spentMinor)}
                  </AnchorLink>
                ),
            },
            { key: 'closing', header: t('su.closing'), numeric: true, cell: (r: SourceUse) => <Text span inherit c={r.closingMinor < 0 ? 'red' : undefined}>{dkk(r.closingMinor)}</Text> },
            ...(whole ? [] : [{ key: 'spentToDate', header: t('su.spentToDate'), numeric: true, cell: (r: SourceUse) => <Text span inherit c={r.overCommitted ? 'red' : undefined} fw={r.overCommitted ? 700 : undefined}>{dkk(r.spentToDateMinor)}</Text> }]),
            ...(s.ended ? [{ key: 'dueBack', header: t('su.dueBack'), numeric: true, cell: (r: SourceUse) => money(r.dueBackMinor) }] : []),
          ]
          return (
            <Stack>
              <Text size="sm" c="dimmed">
                {date(s.from)} – {date(s.to)} · {t('su.explain')}
              </Text>
              {s.warnings.length > 0 && (
                <Alert color="orange" title={t('fin.warnings')}>
                  {s.warnings.map((w, i) => (
                    <Text size="sm" key={i}>
                      {t(w.key, { ...w.vars, source: lang === 'mn' ? w.vars.sourceMn : w.vars.source })}
                    </Text>
                  ))}
                </Alert>
              )}
              <DataTable
                label={t('su.title')}
                data={s}
                rows={(d) => d.rows}
                rowKey={(r) => String(r.sourceId)}
                columns={columns}
                minWidth={columns.length > 9 ? 1150 : 0}
                footer={() => (
                  <Table.Tfoot>
                    <Table.Tr fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {columns.map((c, i) => (
                        <Table.Td key={c.key} ta={i === 0 ? undefined : 'right'} data-testid={`su-total-${c.key}`}>
                          {i === 0 ? t('su.total') : c.cell(s.total)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  </Table.Tfoot>
                )}
              />
            </Stack>
          )
        }}
      </PageState>
    </Stack>
  )
}

export function SourcesPage() {
  const { t } = useI18n()
  const { project, loading } = useProject()
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('su.title')}</Title>
        <ProjectPicker />
      </Group>
      {loading ? <Loader size="sm" /> : project ? <Sources project={project} /> : <NoProject />}
    </Stack>
  )
}
