import { DataTable } from '../../components/DataTable'
import type { ImportProblem } from '../../../../shared/api/financeTypes'
import { useI18n } from '../../i18n'

/** Every bad cell of an imported file: row, column and why, in the user's language (the first 200). */
export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const { t, errorText, lang } = useI18n()
  return (
    <DataTable
      label={t('fin.problems')}
      data={problems.slice(0, 200)}
      rows={(rows) => rows}
      rowKey={(p) => `${p.row}/${p.column}/${p.reason}`}
      columns={[
        { key: 'row', header: t('fin.row'), numeric: true, cell: (p: ImportProblem) => p.row || '' },
        { key: 'column', header: t('fin.column'), cell: (p) => (lang === 'mn' ? p.columnMn : p.column) },
        { key: 'reason', header: t('fin.reason'), cell: (p) => errorText({ message: p.reason, key: p.key, vars: p.vars }) },
      ]}
    />
  )
}
