import { Alert, Stack, Text } from '@mantine/core'
import type { BudgetWarning } from '../../../../shared/domain/finance'
import { useI18n } from '../../i18n'

/** A budget's warnings; a move the donor approved (recorded on the version) shows apart, as approved. */
export function BudgetWarnings({ warnings, none }: { warnings: BudgetWarning[]; none?: boolean }) {
  const { t, lang } = useI18n()
  const say = (w: BudgetWarning) => t(w.key, { ...w.vars, source: lang === 'mn' ? (w.vars.sourceMn ?? '') : (w.vars.source ?? '') })
  const open = warnings.filter((w) => !w.approval)
  const approved = warnings.filter((w) => w.approval)
  return (
    <>
      {open.length > 0 && (
        <Alert color="orange" title={t('fin.warnings')}>
          <Stack gap={4}>
            {open.map((w, i) => (
              <Text size="sm" key={i}>
                {say(w)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {approved.length > 0 && (
        <Alert color="teal" title={t('fin.approvedByDonor')}>
          <Stack gap={4}>
            {approved.map((w, i) => (
              <Text size="sm" key={i}>
                {say(w)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {none && open.length === 0 && <Alert color="green">{t('fin.noWarnings')}</Alert>}
    </>
  )
}
