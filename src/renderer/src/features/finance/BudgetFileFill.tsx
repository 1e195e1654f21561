import { useState } from 'react'
import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core'
import type { BudgetFileResult, Project } from '../../../../shared/api/financeTypes'
import { call } from '../../api'
import { useI18n } from '../../i18n'
import { downloadFile, readAsBase64 } from '../../components/download'
import { ImportProblems } from './ImportProblems'

/**
 * Part of a budget version from the .xlsx template: the file is checked as a
 * whole; with any bad cell nothing is filled and every bad cell is listed.
 */
export function BudgetFileFill({ project, onFilled }: { project: Project; onFilled(result: BudgetFileResult): void }) {
  const { t, errorText, lang, local } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<BudgetFileResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const fill = async () => {
    if (!file) return
    setBusy(true)
    setError(null)
    const r = await call('budget.readFile', { projectId: project.id, fileName: file.name, base64: await readAsBase64(file) })
    setBusy(false)
    if (!r.ok) return setError(errorText(r.error))
    setResult(r.value)
    if (!r.value.problems.length) onFilled(r.value)
  }
  const template = async () => {
    const r = await call('budget.template', { projectId: project.id, lang })
    if (r.ok) downloadFile(r.value)
    else setError(errorText(r.error))
  }
  const names = (ids: number[]) => ids.map((id) => local(project.sources.find((s) => s.id === id)?.name ?? { en: '', mn: '' })).join(', ')
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('fin.budgetFileHelp')}
      </Text>
      <Group align="flex-end">
        <FileInput
          label={t('fin.budgetFileLabel')}
          accept=".xlsx"
          value={file}
          onChange={(f) => {
            setFile(f)
            setResult(null)
          }}
          w={320}
          clearable
        />
        <Button variant="light" onClick={fill} disabled={!file} loading={busy}>
          {t('fin.budgetFile')}
        </Button>
        <Button variant="subtle" onClick={template}>
          {t('fin.budgetTemplate')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {result && result.problems.length > 0 && (
        <>
          <Text size="sm" data-testid="budget-file-summary">
            {t('fin.importSummary', { rows: result.rows, problems: result.problems.length, header: result.headerRow ?? '—' })}
          </Text>
          <ImportProblems problems={result.problems} />
        </>
      )}
      {result && result.problems.length === 0 && (
        <Alert color="green" role="status">
          {t('fin.budgetFilled', { file: result.fileName, sources: names(result.sourceIds), cells: result.amounts.length })}
        </Alert>
      )}
    </Stack>
  )
}
