import { Alert } from '@mantine/core'
import type { Project } from '../../../../shared/api/financeTypes'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'

/** The finance pages work on the (first) project; the secretariat runs one donor project at a time. */
export function useProject(): { project: Project | null; loading: boolean; reload(): void } {
  const projects = useOperation('finance.projects', {}, { lookup: true })
  return { project: projects.data?.[0] ?? null, loading: projects.data === undefined && projects.status === 'loading', reload: projects.reload }
}

export function NoProject() {
  const { t } = useI18n()
  return <Alert color="gray">{t('fin.noProject')}</Alert>
}
