import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core'
import { useLocalStorage } from '@mantine/hooks'
import { useNavigate } from '@tanstack/react-router'
import type { Project } from '../../../../shared/api/financeTypes'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { Writes } from '../../components/permissions'
import { Verbatim } from '../../components/Verbatim'

/**
 * The project the finance pages work on: the one chosen on this computer
 * (remembered), else the newest. More than one project may exist — SPN will
 * have the next one.
 */
export function useProject(): { project: Project | null; projects: Project[]; choose(id: number): void; loading: boolean; reload(): void } {
  const projects = useOperation('finance.projects', {}, { lookup: true })
  const [chosen, setChosen] = useLocalStorage<number | null>({ key: 'spn.project', defaultValue: null })
  const all = projects.data ?? []
  const project = all.find((p) => p.id === chosen) ?? all[all.length - 1] ?? null
  return { project, projects: all, choose: setChosen, loading: projects.data === undefined && projects.status === 'loading', reload: projects.reload }
}

/** Which project a finance page shows, and the way to set up another. */
export function ProjectPicker() {
  const { t, local } = useI18n()
  const { project, projects, choose } = useProject()
  const navigate = useNavigate()
  if (!project) return null
  return (
    <Group align="flex-end" gap="sm">
      {projects.length > 1 ? (
        <Select
          label={t('fin.project')}
          allowDeselect={false}
          value={String(project.id)}
          onChange={(v) => v && choose(Number(v))}
          data={projects.map((p) => ({ value: String(p.id), label: `${p.code} · ${local(p.name)}` }))}
          w={420}
        />
      ) : (
        <Text size="sm" c="dimmed">
          <Verbatim>{project.code}</Verbatim> · {local(project.name)}
        </Text>
      )}
      <Writes>
        <Button variant="subtle" size="xs" onClick={() => void navigate({ to: '/projects/new' })}>
          {t('fin.newProject')}
        </Button>
      </Writes>
    </Group>
  )
}

export function NoProject() {
  const { t } = useI18n()
  const navigate = useNavigate()
  return (
    <Alert color="gray">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('fin.noProject')}</Text>
        <Writes>
          <Button size="xs" onClick={() => void navigate({ to: '/projects/new' })}>
            {t('fin.newProject')}
          </Button>
        </Writes>
      </Stack>
    </Alert>
  )
}
