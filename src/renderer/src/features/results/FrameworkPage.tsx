import { useState } from 'react'
import { Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import type { Framework, Indicator, IndicatorYear } from '../../../../shared/api/resultsTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { AnchorLink } from '../../components/links'
import { NoProject, ProjectPicker, useProject } from '../finance/useProject'
import { indicatorValue, percent } from './format'
import { IndicatorForm } from './IndicatorForm'
import { NarrativeCard } from './NarrativeCard'
import { Writes } from '../../components/permissions'

/** How far a year got: green from the target, yellow from three quarters of it, red below. */
export const achievedColor = (a: number | null) => (a === null ? 'gray' : a >= 100 ? 'teal' : a >= 75 ? 'yellow' : 'red')

/** The figure a year's target is set for: cumulative for a cumulative indicator, else the year's own. */
export const shown = (i: Indicator, y: IndicatorYear) => (i.cumulative ? y.cumulative : y.actual)

/** The project's results framework: each indicator per project year, its figure against the target. */
export function FrameworkPage() {
  const { t } = useI18n()
  const { project, loading } = useProject()
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.results')}</Title>
        <ProjectPicker />
      </Group>
      {loading ? <Loader size="sm" /> : project ? <FrameworkOf projectId={project.id} years={project.years} /> : <NoProject />}
    </Stack>
  )
}

function FrameworkOf({ projectId, years }: { projectId: number; years: number }) {
  const { t } = useI18n()
  const framework = useOperation('results.framework', { projectId })
  const [adding, setAdding] = useState(false)
  return (
    <Stack>
      <Writes>
        <Group justify="flex-end">
          <Button onClick={() => setAdding(true)}>{t('res.addIndicator')}</Button>
        </Group>
      </Writes>
      <PageState state={framework} reload={framework.reload}>
        {(f) => <FrameworkTable f={f} />}
      </PageState>
      <NarrativeCard projectId={projectId} years={years} />
      {adding && <IndicatorForm projectId={projectId} years={years} onClose={() => setAdding(false)} />}
    </Stack>
  )
}

function FrameworkTable({ f }: { f: Framework }) {
  const { t, local, date } = useI18n()
  if (f.indicators.length === 0) return <Text c="dimmed">{t('res.noIndicators')}</Text>
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('res.frameworkHelp')}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder aria-label={t('res.frameworkTitle')} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('res.code')}</Table.Th>
              <Table.Th>{t('res.indicator')}</Table.Th>
              <Table.Th ta="right">{t('res.baseline')}</Table.Th>
              {f.columns.map((c) => (
                <Table.Th key={c.projectYear} ta="right">
                  {c.running ? t('res.yearRunning', { n: c.projectYear, date: date(c.asOf) }) : t('res.year', { n: c.projectYear })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.indicators.map((i) => (
              <Table.Tr key={i.id} data-testid={`indicator-${i.code}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.code}</Table.Td>
                <Table.Td>
                  <AnchorLink to="/results/$id" params={{ id: i.id }} size="sm">
                    {local(i.name)}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {t(`res.level.${i.level}`)} · {t(i.measure ? 'res.computed' : 'res.enteredKind')} · {t(i.cumulative ? 'res.cumulativeYes' : 'res.cumulativeNo')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {indicatorValue(i, i.baseline.value)}
                </Table.Td>
                {i.years.map((y) => (
                  <Table.Td key={y.projectYear} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" span>
                      {indicatorValue(i, shown(i, y))}
                    </Text>
                    {y.target !== null && (
                      <Text size="xs" c="dimmed">
                        {t('res.target')} {indicatorValue(i, y.target)}{' '}
                        <Badge size="xs" variant="light" tt="none" color={achievedColor(y.achieved)}>
                          {percent(y.achieved)}
                        </Badge>
                      </Text>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}
