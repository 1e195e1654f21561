import { useState, type ReactNode } from 'react'
import { Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { LineChart } from '@mantine/charts'
import type { PortfolioFigures, WriteOffCandidate } from '../../../../shared/api/portfolioTypes'
import type { FundCheck } from '../../../../shared/api/loansTypes'
import { DAY_BUCKETS, WEEK_BUCKETS, type Ratio } from '../../../../shared/domain/portfolio'
import { addDays, isIsoDate, normalizeDate, todayIso } from '../../../../shared/domain/dates'
import { useOperation } from '../../query'
import { ReportButton, ReportMessageLine, type ReportMessage } from '../../components/ReportButton'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { DateField } from '../../components/DateField'
import { Field } from '../../components/Field'
import { AnchorLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'

const pct = (r: Ratio) => (r.ratio === null ? '—' : `${(Math.round(r.ratio * 1000) / 10).toFixed(1)}%`)

/**
 * Portfolio quality on any date: the loans and borrowers, what is
 * outstanding and how late, PAR1 and PAR30 (the whole balance of late loans
 * over the active portfolio), the arrears rate apart, on-time and collection
 * rates, write-offs and recoveries; per area, large and small group; PAR30
 * month by month over the year before; the write-off candidates.
 */
export function PortfolioPage() {
  const { t, local, mnt, num, date, lang } = useI18n()
  const [fileMessage, setFileMessage] = useState<ReportMessage>(null)
  const done = (text: ReactNode, ok: boolean) => setFileMessage({ text, ok })
  // The groups are the project's: the date shown first is today, or the end of the last project if that is earlier.
  const projects = useOperation('finance.projects', {})
  const lastEnd = (projects.data ?? []).map((p) => p.endsOn).sort().at(-1)
  const first = lastEnd && lastEnd < todayIso() ? lastEnd : todayIso()
  const [typed, setTyped] = useState<string | null>(null)
  const iso = normalizeDate((typed ?? first).trim())
  const on = isIsoDate(iso) ? iso : first
  const q = useOperation('portfolio.quality', { on })
  const series = useOperation('portfolio.parSeries', { from: addDays(on, -365), to: on })
  const checks = useOperation('groupfunds.check', { on })
  const label = (r: PortfolioFigures) => (r.label === null ? t('common.total') : local(r.label))
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('pf.title')}</Title>
        <Group align="flex-end" gap="xs">
          <ReportButton input={{ report: 'portfolio', date: on, lang, format: 'pdf' }} label={t('pf.reportPdf')} onDone={done} />
          <ReportButton input={{ report: 'portfolio', date: on, lang, format: 'xlsx' }} label={t('pf.reportXlsx')} onDone={done} />
          <ReportButton input={{ report: 'group-funds', from: `${on.slice(0, 4)}-01-01`, to: on, lang, format: 'xlsx' }} label={t('pf.fundsXlsx')} onDone={done} variant="subtle" />
          <DateField label={t('pf.on')} value={typed ?? first} onChange={setTyped} w={180} />
        </Group>
      </Group>
      <ReportMessageLine message={fileMessage} />
      <PageState state={q} reload={q.reload}>
        {(p) => {
          const total = p.rows[0]!
          return (
            <Stack>
              <Card withBorder>
                <SimpleGrid cols={{ base: 2, md: 5 }}>
                  <Field label={t('pf.activeLoans')} value={num(total.activeLoans)} />
                  <Field label={t('pf.borrowers')} value={num(total.borrowers)} />
                  <Field label={t('pf.outstanding')} value={<span data-testid="pf-outstanding">{mnt(total.outstandingMinor)}</span>} />
                  <Field label="PAR1" value={<span data-testid="par1">{pct(total.par1)}</span>} />
                  <Field label="PAR30" value={<span data-testid="par30">{pct(total.par30)}</span>} />
                  <Field label={t('pf.arrears')} value={pct(total.arrears)} />
                  <Field label={t('pf.onTime', { from: date(p.from) })} value={pct(total.onTime)} />
                  <Field label={t('pf.collection')} value={pct(total.collection)} />
                  <Field label={t('pf.writtenOff')} value={mnt(total.writtenOffMinor)} />
                  <Field label={t('pf.recoveries')} value={mnt(total.recoveriesMinor)} />
                </SimpleGrid>
                <Text size="xs" c="dimmed" mt="sm">
                  {t('pf.help')}
                </Text>
              </Card>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Card withBorder>
                  <Title order={5} mb="xs">
                    {t('pf.ageingDays')}
                  </Title>
                  <Buckets buckets={DAY_BUCKETS.map((b) => [b === 'current' ? t('pf.current') : t('pf.daysBucket', { b }), total.days[b]] as const)} />
                </Card>
                <Card withBorder>
                  <Title order={5} mb="xs">
                    {t('pf.ageingWeeks')}
                  </Title>
                  <Buckets buckets={WEEK_BUCKETS.map((b) => [b === 'current' ? t('pf.current') : t('pf.weeksBucket', { b }), total.weeks[b]] as const)} />
                </Card>
              </SimpleGrid>
              <Card withBorder>
                <Title order={5} mb="xs">
                  {t('pf.par30Chart')}
                </Title>
                {series.data === undefined ? (
                  <Loader size="sm" />
                ) : series.data.some((x) => x.par30 !== null) ? (
                  <LineChart
                    h={200}
                    data={series.data.map((x) => ({ month: date(x.on).slice(0, 7), par30: x.par30 === null ? 0 : Math.round(x.par30 * 1000) / 10 }))}
                    dataKey="month"
                    unit="%"
                    series={[{ name: 'par30', label: 'PAR30', color: 'orange.6' }]}
                    curveType="linear"
                  />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('pf.noLoansYear')}
                  </Text>
                )}
              </Card>
              <Card withBorder>
                <Title order={5} mb="xs">
                  {t('pf.byGroup')}
                </Title>
                <DataTable
                  label={t('pf.byGroup')}
                  data={p.rows.slice(1)}
                  rows={(x) => x}
                  rowKey={(r) => `${r.level}-${r.id}`}
                  columns={[
                    {
                      key: 'group',
                      header: t('pf.group'),
                      cell: (r: PortfolioFigures) => (
                        <Text size="sm" fw={r.level === 'area' ? 700 : 400} pl={r.level === 'lsg' ? 'md' : r.level === 'ssg' ? 'xl' : 0}>
                          {r.level === 'lsg' ? (
                            <AnchorLink to="/groups/lsg/$id" params={{ id: r.id! }}>
                              <Verbatim>{label(r)}</Verbatim>
                            </AnchorLink>
                          ) : r.level === 'ssg' ? (
                            <AnchorLink to="/groups/ssg/$id" params={{ id: r.id! }}>
                              <Verbatim>{label(r)}</Verbatim>
                            </AnchorLink>
                          ) : (
                            label(r)
                          )}
                        </Text>
                      ),
                    },
                    { key: 'loans', header: t('pf.activeLoans'), numeric: true, cell: (r) => num(r.activeLoans) },
                    { key: 'outstanding', header: t('pf.outstanding'), numeric: true, cell: (r) => mnt(r.outstandingMinor) },
                    { key: 'par1', header: 'PAR1', numeric: true, cell: (r) => pct(r.par1) },
                    { key: 'par30', header: 'PAR30', numeric: true, cell: (r) => pct(r.par30) },
                    { key: 'arrears', header: t('pf.arrears'), numeric: true, cell: (r) => pct(r.arrears) },
                    { key: 'onTime', header: t('pf.onTimeShort'), numeric: true, cell: (r) => pct(r.onTime) },
                    { key: 'writtenOff', header: t('pf.writtenOff'), numeric: true, cell: (r) => mnt(r.writtenOffMinor) },
                  ]}
                />
              </Card>
              <Card withBorder>
                <Title order={5} mb="xs">
                  {t('fund.check')}
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('fund.checkHelp')}
                </Text>
                <DataTable
                  label={t('fund.check')}
                  state={checks}
                  rows={(x) => x}
                  rowKey={(c) => c.branchId}
                  columns={[
                    { key: 'area', header: t('g.area'), cell: (c: FundCheck) => local(c.name) },
                    { key: 'cash', header: t('fund.balance'), numeric: true, cell: (c) => mnt(c.cashMinor) },
                    { key: 'outstanding', header: t('pf.outstanding'), numeric: true, cell: (c) => mnt(c.outstandingMinor) },
                    { key: 'capital', header: t('fund.capital'), numeric: true, cell: (c) => mnt(c.capitalMinor) },
                    { key: 'interest', header: t('pf.interestFines'), numeric: true, cell: (c) => mnt(c.interestAndFinesMinor) },
                    { key: 'spent', header: t('fund.spent'), numeric: true, cell: (c) => mnt(c.spendingMinor) },
                    { key: 'writtenOff', header: t('pf.writtenOff'), numeric: true, cell: (c) => mnt(c.writtenOffNetMinor) },
                    {
                      key: 'result',
                      header: '',
                      cell: (c) => (
                        <Text size="sm" c={c.differenceMinor === 0 ? 'teal' : 'red'} data-testid={`fund-check-${c.branchId}`}>
                          {c.differenceMinor === 0 ? t('fund.checkOk') : t('fund.checkOff', { amount: mnt(c.differenceMinor) })}
                        </Text>
                      ),
                    },
                  ]}
                />
              </Card>
              <Card withBorder>
                <Title order={5} mb="xs">
                  {t('pf.candidates')}
                </Title>
                <DataTable
                  label={t('pf.candidates')}
                  data={p.candidates}
                  rows={(x) => x}
                  rowKey={(c) => c.loanId}
                  emptyText={t('pf.noCandidates')}
                  columns={[
                    {
                      key: 'name',
                      header: t('g.member'),
                      cell: (c: WriteOffCandidate) => (
                        <AnchorLink to="/persons/$id" params={{ id: c.personId }}>
                          {c.name}
                        </AnchorLink>
                      ),
                    },
                    { key: 'ssg', header: t('g.ssgs'), cell: (c) => <Verbatim>{c.ssgCode}</Verbatim> },
                    { key: 'days', header: t('loan.daysLate'), numeric: true, cell: (c) => num(c.daysInArrears) },
                    { key: 'outstanding', header: t('pf.outstanding'), numeric: true, cell: (c) => mnt(c.outstandingMinor) },
                  ]}
                />
              </Card>
            </Stack>
          )
        }}
      </PageState>
    </Stack>
  )
}

function Buckets({ buckets }: { buckets: ReadonlyArray<readonly [string, { loans: number; outstandingMinor: number }]> }) {
  const { t, num, mnt } = useI18n()
  return (
    <Table fz="sm" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="right">{t('pf.activeLoans')}</Table.Th>
          <Table.Th ta="right">{t('pf.outstanding')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {buckets.map(([name, b]) => (
          <Table.Tr key={name}>
            <Table.Td>{name}</Table.Td>
            <Table.Td ta="right">{num(b.loans)}</Table.Td>
            <Table.Td ta="right">{mnt(b.outstandingMinor)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
