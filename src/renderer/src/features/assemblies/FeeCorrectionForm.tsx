import { Group, Textarea } from '@mantine/core'
import type { FeeDecision } from '../../../../shared/api/governanceTypes'
import { governanceOps } from '../../../../shared/api/governance'
import { amountText } from '../../../../shared/domain/amount'
import { useContractForm } from '../../components/useContractForm'
import { FormModal } from '../../components/FormModal'
import { AmountInput } from '../../components/AmountInput'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { DateField } from '../../components/DateField'

/** Corrects a fee decision recorded wrongly: the new values and why; the old ones are kept with the correction. */
export function FeeCorrectionForm({ fee, onClose }: { fee: FeeDecision; onClose(): void }) {
  const { t } = useI18n()
  const central = fee.kind === 'central'
  const f = useContractForm(
    governanceOps['fees.correctDecision'].input,
    { amount: amountText(fee.amountMinor, 'MNT'), minimum: fee.minimumMinor === null ? '' : amountText(fee.minimumMinor, 'MNT'), referenceDate: fee.referenceDate ?? '', reason: '' },
    { fields: { amountMinor: 'amount', minimumMinor: 'minimum' } },
  )
  const submit = async () => {
    const input = f.parse((v) => ({
      id: fee.id,
      amountMinor: f.amount(v.amount, 'MNT', 'amount', 'nonNegative'),
      ...(central ? { minimumMinor: f.amount(v.minimum, 'MNT', 'minimum', 'nonNegative') ?? null, referenceDate: v.referenceDate || null } : {}),
      reason: v.reason,
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('fees.correctDecision', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('fee.correctTitle')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group align="flex-start" grow>
        <AmountInput label={t(central ? 'fee.centralRate' : 'fee.localAmount')} required currency="MNT" {...f.input('amount')} />
        {central && <AmountInput label={t('fee.minimum')} currency="MNT" {...f.input('minimum')} />}
        {central && <DateField label={t('fee.referenceDate')} {...f.input('referenceDate')} />}
      </Group>
      <Textarea label={t('assembly.correctionReason')} description={t('assembly.correctionHelp')} required autosize minRows={2} {...f.input('reason')} />
    </FormModal>
  )
}
