import { useState } from 'react'
import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { write } from '../../query'
import { useNavigate } from '@tanstack/react-router'
import { MEMBERSHIP_STATUSES } from '../../../../shared/domain/membership'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import type { DashboardSummary } from '../../../../shared/api/types'
import { Writes } from '../../components/permissions'
import { isIsoDate, normalizeDate } from '../../../../shared/domain/dates'
import { GroupProgressCard } from '../results/GroupProgressCard'

type BranchSummary = DashboardSummary['byBranch'][number]

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`stat-${label}`}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  )
}

export function DashboardPage() {
  const { t, num, date, local, errorText } = useI18n()
  const navigate = useNavigate()
  const [asOf, setAsOf] = useState('')
  // Typed as the app shows dates (2005.12.31) or as 2005-12-31.
  const asOfDate = normalizeDate(asOf)
  const validAsOf = isIsoDate(asOfDate)
  const summary = useOperation('dashboard.summary', validAsOf ? { asOf: asOfDate } : {})
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const loadDemo = async () => {
    setLoading(true)
    const r = await write('demo.load', {})
    setLoading(false)
    if (!r.ok) setError(errorText(r.error))
  }
  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      <PageState state={summary} reload={summary.reload}>
        {(s) => (
          <Stack>
            <Group align="flex-end" gap="sm">
              <Text c="dimmed" size="sm">
                {t('dashboard.asOf', { date: date(s.asOf) })}
              </Text>
              <TextInput size="xs" aria-label={t('dashboard.asOfLabel')} placeholder={t('dashboard.asOfLabel')} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={190} />
            </Group>
            <SimpleGrid cols={{ base: 2, lg: 4 }}>
              <Stat label={t('dashboard.branches')} value={num(s.totals.branches)} note={t('dashboard.projectBranches', { n: s.totals.projectBranches })} />
              <Stat label={t('dashboard.activeMembers')} value={num(s.membersByStatus.active)} />
              <Stat label={t('dashboard.households')} value={num(s.totals.households)} note={t('dashboard.swh', { n: num(s.totals.singleWomanHeaded) })} />
              <Stat label={t('dashboard.persons')} value={num(s.totals.persons)} note={`${t('dashboard.children')}: ${num(s.totals.children)}`} />
            </SimpleGrid>
            <GroupProgressCard />
            <Title order={4}>{t('dashboard.byBranch')}</Title>
            {s.byBranch.length === 0 ? (
              <Alert title={t('dashboard.emptyTitle')} color="teal">
                <Stack gap="sm" align="flex-start">
                  <Text size="sm">{t('dashboard.emptyBody')}</Text>
                  <Writes>
                  <Group>
                    <Button size="xs" onClick={() => void navigate({ to: '/branches' })}>
                      {t('dashboard.addBranches')}
                    </Button>
                    <Button size="xs" variant="light" loading={loading} onClick={loadDemo}>
                      {t('dashboard.loadDemo')}
                    </Button>
                  </Group>
                  </Writes>
                  {error && (
                    <Text size="sm" c="red" role="alert">
                      {error}
                    </Text>
                  )}
                </Stack>
              </Alert>
            ) : (
              <DataTable
                label={t('dashboard.byBranch')}
                data={s.byBranch}
                rows={(rows) => rows}
                rowKey={(b) => b.branchId}
                columns={[
                  {
                    key: 'branch',
                    header: t('branch.name'),
                    sortValue: (b: BranchSummary) => local(b.branchName),
                    cell: (b) => (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={b.isProjectBranch ? 600 : 400}>
                          {local(b.branchName)}
                        </Text>
                        {b.isProjectBranch && (
                          <Text size="xs" c="teal">
                            ★
                          </Text>
                        )}
                      </Group>
                    ),
                  },
                  { key: 'persons', header: t('branch.persons'), numeric: true, sortValue: (b) => b.persons, cell: (b) => num(b.persons) },
                  { key: 'households', header: t('branch.households'), numeric: true, sortValue: (b) => b.households, cell: (b) => num(b.households) },
                  ...MEMBERSHIP_STATUSES.map((st) => ({ key: st, header: t(`status.${st}`), numeric: true, sortValue: (b: BranchSummary) => b.byStatus[st], cell: (b: BranchSummary) => num(b.byStatus[st]) })),
                ]}
                footer={() => (
                  <Table.Tfoot>
                    <Table.Tr fw={700}>
                      <Table.Td>{t('common.total')}</Table.Td>
                      <Table.Td ta="right">{num(s.totals.persons)}</Table.Td>
                      <Table.Td ta="right">{num(s.totals.households)}</Table.Td>
                      {MEMBERSHIP_STATUSES.map((st) => (
                        <Table.Td key={st} ta="right">
                          {num(s.membersByStatus[st])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  </Table.Tfoot>
                )}
              />
            )}
          </Stack>
        )}
      </PageState>
    </Stack>
  )
}
