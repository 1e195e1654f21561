import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import type { GroupProgress, ProgressRow } from '../../../../shared/api/resultsTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'

/**
 * The project's self-help group figures at the end of each project year (today for
 * the year running) against the targets of its results framework: a table of every
 * figure and a chart for each one with targets.
 */
export function GroupProgressCard() {
  const progress = useOperation('results.groupProgress', {})
  const g = progress.data
  if (!g?.project || g.columns.length === 0) return null
  return <Progress g={g} />
}

function Progress({ g }: { g: GroupProgress }) {
  const { t, local, num, date } = useI18n()
  const yearLabel = (c: GroupProgress['columns'][number]) => (c.running ? t('res.yearRunning', { n: c.projectYear, date: date(c.asOf) }) : t('res.year', { n: c.projectYear }))
  const name = (r: ProgressRow) => t(`res.measure.${r.measure}` as 'res.measure.families_in_groups')
  const charted = g.rows.filter((r) => r.target.some((x) => x !== null))
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('res.progressTitle', { project: local(g.project!.name) })}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('res.progressHelp')}
      </Text>
      <Table striped withTableBorder aria-label={t('res.progressTitle', { project: local(g.project!.name) })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('res.figure')}</Table.Th>
            {g.columns.map((c) => (
              <Table.Th key={c.projectYear} ta="right">
                {yearLabel(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {g.rows.map((r) => (
            <Table.Tr key={r.measure} data-testid={`progress-${r.measure}`}>
              <Table.Td>
                {name(r)}
                {r.indicator && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({r.indicator.code})
                  </Text>
                )}
              </Table.Td>
              {g.columns.map((c, i) => (
                <Table.Td key={c.projectYear} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {r.target[i] === null || r.target[i] === undefined ? num(r.actual[i]!) : t('res.ofTarget', { actual: num(r.actual[i]!), target: num(r.target[i]!) })}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {charted.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
          {charted.map((r) => (
            <Stack key={r.measure} gap={4}>
              <Text size="sm" fw={600}>
                {name(r)}
              </Text>
              <BarChart
                h={180}
                data={g.columns.map((c, i) => ({ year: t('res.yearShort', { n: c.projectYear }), actual: r.actual[i]!, target: r.target[i] ?? 0 }))}
                dataKey="year"
                withLegend
                valueFormatter={(v) => num(v)}
                series={[
                  { name: 'actual', label: t('res.actual'), color: 'teal.6' },
                  { name: 'target', label: t('res.target'), color: 'gray.4' },
                ]}
              />
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  )
}
