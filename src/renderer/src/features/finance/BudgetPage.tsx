import { useState } from 'react'
import { Alert, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useI18n } from '../../i18n'
import { BudgetWarnings } from './BudgetWarnings'
import { useOperation } from '../../query'
import { PageState } from '../../components/PageState'
import { NoProject, ProjectPicker, useProject } from './useProject'
import type { Project } from '../../../../shared/api/financeTypes'
import { NO_BUDGET, RevisionForm } from './RevisionForm'
import { Writes } from '../../components/permissions'

function BudgetTable({ project, onRevised }: { project: Project; onRevised(): void }) {
  const { t, dkk, mnt, date, local } = useI18n()
  const [versionId, setVersionId] = useState<string | null>(null)
  const [revising, setRevising] = useState(false)
  const budget = useOperation('budget.get', { projectId: project.id, ...(versionId ? { versionId: Number(versionId) } : {}) })
  const years = Array.from({ length: project.years }, (_, i) => i + 1)
  return (
    <Stack>
      <Group justify="flex-end">
        <Writes>
        <Button variant="light" onClick={() => setRevising(true)} disabled={!budget.data}>
          {t('fin.revise')}
        </Button>
        </Writes>
      </Group>
      {revising && budget.data && (
        <RevisionForm
          project={project}
          budget={budget.data}
          onClose={() => setRevising(false)}
          onSaved={() => {
            setRevising(false)
            setVersionId(null)
            onRevised()
          }}
        />
      )}
      <Select
        label={t('fin.version')}
        allowDeselect={false}
        value={versionId ?? String(project.versions[project.versions.length - 1]?.id ?? '')}
        onChange={setVersionId}
        data={project.versions.map((v) => ({ value: String(v.id), label: t('fin.versionLabel', { number: v.number, date: date(v.approvedOn), reason: v.reason }) }))}
        maw={720}
      />
      <PageState state={budget} reload={budget.reload}>
        {(b) => {
          const cell = (lineId: number, year?: number) => b.amounts.filter((a) => a.lineId === lineId && (year === undefined || a.projectYear === year)).reduce((s, a) => s + a.amountMinor, 0)
          return (
            <Stack>
              <BudgetWarnings warnings={b.warnings} none />
              <Table striped withTableBorder aria-label={t('nav.budget')} style={{ whiteSpace: 'nowrap' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fin.line')}</Table.Th>
                    {years.map((y) => (
                      <Table.Th key={y} ta="right">
                        {t('fin.year', { n: y })}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('fin.total')} DKK</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {project.lines.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td>
                        {l.code} {local(l.name)}
                      </Table.Td>
                      {years.map((y) => (
                        <Table.Td key={y} ta="right">
                          {dkk(cell(l.id, y))}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={600}>
                        {dkk(cell(l.id))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={700}>
                    <Table.Td>{t('fin.total')}</Table.Td>
                    {years.map((y) => (
                      <Table.Td key={y} ta="right">
                        {dkk(b.amounts.filter((a) => a.projectYear === y).reduce((s, a) => s + a.amountMinor, 0))}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{dkk(b.totalMinor)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Group gap="xl">
                {project.sources.map((s) => (
                  <Text size="sm" key={s.id}>
                    {local(s.name)}: <b>DKK {dkk(b.totalsBySource[s.id] ?? 0)}</b>
                    {s.committedMinor !== null && ` / ${s.committedCurrency === 'DKK' ? dkk(s.committedMinor) : mnt(s.committedMinor)}`}
                  </Text>
                ))}
              </Group>
            </Stack>
          )
        }}
      </PageState>
    </Stack>
  )
}

/** A project without a budget yet: its first version is entered here. */
function FirstBudget({ project }: { project: Project }) {
  const { t } = useI18n()
  const [entering, setEntering] = useState(false)
  return (
    <Alert color="teal" title={t('fin.noBudgetYet')}>
      <Writes>
        <Button size="xs" onClick={() => setEntering(true)}>
          {t('fin.firstBudget')}
        </Button>
      </Writes>
      {entering && <RevisionForm project={project} budget={NO_BUDGET} onClose={() => setEntering(false)} onSaved={() => setEntering(false)} />}
    </Alert>
  )
}

export function BudgetPage() {
  const { t, date, local } = useI18n()
  const { project, loading, reload } = useProject()
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.budget')}</Title>
        <ProjectPicker />
      </Group>
      {loading ? (
        <Loader size="sm" />
      ) : project ? (
        <>
          <Text c="dimmed" size="sm">
            {local(project.name)} · {local(project.donor)} · {date(project.startsOn)} – {date(project.endsOn)}
          </Text>
          {project.versions.length === 0 ? <FirstBudget project={project} /> : <BudgetTable key={`${project.id}-${project.versions.length}`} project={project} onRevised={reload} />}
        </>
      ) : (
        <NoProject />
      )}
    </Stack>
  )
}
