import { useState } from 'react'
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import type { Framework, Indicator, Measure, MeasureFigure } from '../../../../shared/api/resultsTypes'
import { contract } from '../../../../shared/api/contract'
import { formatDkkAmount, formatMnt, formatNumber } from '../../../../shared/domain/money'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { Fact } from '../../components/Fact'
import { AnchorLink } from '../../components/links'
import { Writes } from '../../components/permissions'
import { useContractForm } from '../../components/useContractForm'
import { localTime } from '../../components/localTime'
import { indicatorValue, percent } from './format'
import { achievedColor, shown } from './FrameworkPage'
import { IndicatorForm } from './IndicatorForm'
import { useProject } from '../finance/useProject'

/** One indicator: what it is, its figures per project year against the targets (a chart and a table), what they come from, and the entry for a year. */
export function IndicatorPage({ id }: { id: number }) {
  const state = useOperation('results.indicator', { id })
  return (
    <PageState state={state} reload={state.reload}>
      {(f) => <IndicatorView f={f} />}
    </PageState>
  )
}

function IndicatorView({ f }: { f: Framework }) {
  const { t, local, date } = useI18n()
  const i = f.indicators[0]!
  const { projects } = useProject()
  const years = projects.find((p) => p.id === f.project?.id)?.years ?? f.columns.length
  const [editing, setEditing] = useState(false)
  return (
    <Stack>
      <AnchorLink to="/results" size="sm">
        ← {t('nav.results')}
      </AnchorLink>
      <Group gap="sm" align="baseline">
        <Title order={2}>
          {i.code} · {local(i.name)}
        </Title>
        <Badge variant="light" tt="none">
          {t(`res.level.${i.level}`)}
        </Badge>
        <Badge variant="outline" tt="none" color="gray">
          {i.measure ? `${t('res.computed')}: ${t(`res.measure.${i.measure}`)}` : t('res.enteredKind')}
        </Badge>
        <Writes>
          <Button variant="subtle" size="xs" onClick={() => setEditing(true)}>
            {t('res.editIndicator')}
          </Button>
        </Writes>
      </Group>
      {editing && f.project && <IndicatorForm projectId={f.project.id} years={years} indicator={i} onClose={() => setEditing(false)} />}
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="xs">
          <Fact label={t('res.definition')}>{i.definition ? local(i.definition) : '—'}</Fact>
          <Fact label={t('res.mov')}>{i.meansOfVerification ?? '—'}</Fact>
          <Fact label={t('res.baseline')}>
            {indicatorValue(i, i.baseline.value)}
            {i.baseline.on ? ` (${date(i.baseline.on)})` : ''}
          </Fact>
          <Fact label={t('res.unit')}>{t(i.unit === 'percent' ? 'res.unit.percent' : 'res.unit.number')} · {t(i.cumulative ? 'res.cumulativeYes' : 'res.cumulativeNo')}</Fact>
          <Fact label={t('res.disaggregation')}>{i.disaggregation.length ? i.disaggregation.map((d) => t(`res.dis.${d}`)).join(', ') : '—'}</Fact>
        </SimpleGrid>
      </Paper>
      {i.years.some((y) => y.target !== null) && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('res.chartTitle')}
          </Text>
          <BarChart
            h={200}
            data={i.years.map((y) => ({ year: t('res.yearShort', { n: y.projectYear }), actual: shown(i, y) ?? 0, target: y.target ?? 0 }))}
            dataKey="year"
            withLegend
            valueFormatter={(v) => indicatorValue(i, v)}
            series={[
              { name: 'actual', label: t('res.actual'), color: 'teal.6' },
              { name: 'target', label: t('res.target'), color: 'gray.4' },
            ]}
          />
        </Stack>
      )}
      <Years f={f} i={i} />
      <Disaggregation i={i} />
      <Writes>
        <EnterForm i={i} years={f.columns.map((c) => c.projectYear)} />
      </Writes>
    </Stack>
  )
}


/** The figures behind a computed one: its parts, and numerator over denominator where it is a ratio. */
function Behind({ figure }: { figure: MeasureFigure }) {
  const { t } = useI18n()
  const value = (p: MeasureFigure['parts'][number]) => (p.type === 'mnt' ? formatMnt(p.value) : p.type === 'dkk' ? `DKK ${formatDkkAmount(p.value)}` : formatNumber(p.value))
  return (
    <Stack gap={0}>
      {figure.parts.map((p) => (
        <Text key={p.key} size="xs">
          {t(p.key as 'res.part.women')}: {value(p)}
        </Text>
      ))}
    </Stack>
  )
}

const yearStartOf = (startsOn: string, n: number) => `${Number(startsOn.slice(0, 4)) + n - 1}${startsOn.slice(4)}`

/** Where the records a computed figure counts are listed (the activities and the survey with the period's filters). */
function Records({ measure, from, to }: { measure: Measure; from: string; to: string }) {
  const { t } = useI18n()
  const kind = MEASURE_RECORDS[measure]
  const link = (() => {
    switch (kind) {
      case 'activities':
        return <AnchorLink to="/activities" search={{ from, to }} size="xs">{t('res.records.activities')}</AnchorLink>
      case 'survey':
        return <AnchorLink to="/survey" search={{ year: Number(to.slice(0, 4)) }} size="xs">{t('res.records.survey')}</AnchorLink>
      case 'loans':
        return <AnchorLink to="/portfolio" size="xs">{t('res.records.loans')}</AnchorLink>
      default:
        return <AnchorLink to="/groups" size="xs">{t('res.records.groups')}</AnchorLink>
    }
  })()
  return <div>{link}</div>
}

const MEASURE_RECORDS: Record<Measure, 'groups' | 'activities' | 'survey' | 'loans'> = {
  families_in_groups: 'groups',
  persons_of_member_families: 'groups',
  lsgs_constituted: 'groups',
  ssgs_active: 'groups',
  ssgs_properly_run: 'groups',
  attendance_rate: 'groups',
  retention_rate: 'groups',
  savings_total: 'groups',
  savings_per_member: 'groups',
  loans_disbursed: 'loans',
  par30: 'loans',
  common_interest_projects: 'groups',
  cbos_formed: 'groups',
  cbos_registered: 'groups',
  events: 'activities',
  unique_participants: 'activities',
  cost_per_participant: 'activities',
  median_income: 'survey',
  income_rose_share: 'survey',
}

function Years({ f, i }: { f: Framework; i: Indicator }) {
  const { t, date } = useI18n()
  return (
    <Table withTableBorder striped fz="sm" aria-label={t('res.indicator')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="right">{t('res.target')}</Table.Th>
          <Table.Th ta="right">{t('res.yearFigure')}</Table.Th>
          <Table.Th ta="right">{t('res.cumulativeFigure')}</Table.Th>
          <Table.Th ta="right">{t('res.achieved')}</Table.Th>
          <Table.Th>{i.measure ? t('res.behind') : t('res.source')}</Table.Th>
          <Table.Th>{t('res.comment')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {i.years.map((y) => {
          const c = f.columns.find((x) => x.projectYear === y.projectYear)!
          return (
            <Table.Tr key={y.projectYear} data-testid={`year-${y.projectYear}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.running ? t('res.yearRunning', { n: c.projectYear, date: date(c.asOf) }) : t('res.year', { n: c.projectYear })}</Table.Td>
              <Table.Td ta="right">{indicatorValue(i, y.target)}</Table.Td>
              <Table.Td ta="right">{indicatorValue(i, y.actual)}</Table.Td>
              <Table.Td ta="right">{indicatorValue(i, y.cumulative)}</Table.Td>
              <Table.Td ta="right">
                <Badge size="sm" variant="light" tt="none" color={achievedColor(y.achieved)}>
                  {percent(y.achieved)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {y.figure ? <Behind figure={y.figure} /> : (y.entered?.source ?? '')}
                {i.measure && <Records measure={i.measure} from={i.cumulative ? f.project!.startsOn : yearStartOf(f.project!.startsOn, y.projectYear)} to={y.asOf} />}
              </Table.Td>
              <Table.Td>
                {y.entered?.comment ?? ''}
                {y.entered && (
                  <Text size="xs" c="dimmed">
                    {t('res.enteredBy', { when: localTime(y.entered.enteredAt), who: y.entered.enteredBy })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}

/** The figure broken down by each dimension the indicator asks for, year by year. */
function Disaggregation({ i }: { i: Indicator }) {
  const { t, local, num } = useI18n()
  const dims = i.disaggregation.filter((d) => i.years.some((y) => y.figure?.breakdown?.[d]?.length))
  if (!dims.length) return null
  const text = (l: { key: string } | { name: { mn: string; en: string } }) => ('key' in l ? t(l.key as 'res.part.women') : local(l.name))
  return (
    <Stack gap="xs">
      <Title order={4}>{t('res.disaggregation')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {dims.map((d) => {
          const labels = [...new Set(i.years.flatMap((y) => (y.figure?.breakdown?.[d] ?? []).map((x) => text(x.label))))]
          return (
            <Table key={d} withTableBorder fz="sm" aria-label={t(`res.dis.${d}`)} data-testid={`breakdown-${d}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`res.dis.${d}`)}</Table.Th>
                  {i.years.map((y) => (
                    <Table.Th key={y.projectYear} ta="right">
                      {t('res.yearShort', { n: y.projectYear })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {labels.map((l) => (
                  <Table.Tr key={l}>
                    <Table.Td>{l}</Table.Td>
                    {i.years.map((y) => {
                      const v = (y.figure?.breakdown?.[d] ?? []).find((x) => text(x.label) === l)?.value
                      return (
                        <Table.Td key={y.projectYear} ta="right">
                          {v === undefined ? '—' : num(v)}
                        </Table.Td>
                      )
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        })}
      </SimpleGrid>
    </Stack>
  )
}

function EnterForm({ i, years }: { i: Indicator; years: number[] }) {
  const { t } = useI18n()
  const last = i.years[i.years.length - 1]
  const f = useContractForm(contract['indicators.enter'].input, { projectYear: String(years[years.length - 1] ?? 1) as string | null, value: '', source: last?.entered?.source ?? '', comment: '' })
  const [saved, setSaved] = useState(false)
  const submit = async () => {
    const input = f.parse((v) => ({ indicatorId: i.id, projectYear: Number(v.projectYear), value: i.measure ? null : v.value || null, source: i.measure ? null : v.source || null, comment: v.comment || null }))
    if (!input) return
    f.setBusy(true)
    const r = await write('indicators.enter', input)
    f.setBusy(false)
    if (!r.ok) return f.serverError(r.error)
    setSaved(true)
    f.setValues({ ...f.values, value: '', comment: '' })
  }
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Stack gap="sm">
          <Title order={4}>{t('res.enterTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t(i.measure ? 'res.enterHelpComputed' : 'res.enterHelpManual')}
          </Text>
          <Group align="flex-start" grow>
            <Select label={t('reports.projectYear')} allowDeselect={false} {...f.input('projectYear')} data={years.map((y) => ({ value: String(y), label: t('res.year', { n: y }) }))} />
            {!i.measure && <TextInput label={t('res.value')} required {...f.input('value')} />}
            {!i.measure && <TextInput label={t('res.source')} required {...f.input('source')} />}
          </Group>
          <Textarea label={t('res.comment')} autosize minRows={2} {...f.input('comment')} />
          {f.formError && (
            <Text c="red" size="sm" role="alert">
              {f.formError}
            </Text>
          )}
          <Group justify="space-between">
            <Text size="sm" c="teal" role="status">
              {saved ? t('common.saved') : ''}
            </Text>
            <Button type="submit" loading={f.busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
