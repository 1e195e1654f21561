import { Group, TextInput } from '@mantine/core'
import { todayIso } from '../../../../shared/domain/dates'
import { paymentInput } from '../../../../shared/api/governance'
import type { FeePayment } from '../../../../shared/api/governanceTypes'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { useContractForm } from '../../components/useContractForm'
import { AmountInput } from '../../components/AmountInput'
import { amountText } from '../../../../shared/domain/amount'
import { DateField } from '../../components/DateField'

export type PaymentTarget = { kind: 'member'; membershipId: number; name: string } | { kind: 'branch'; branchId: number; name: string }

/** A payment in a few keystrokes: payer, year and amount come filled in; the receipt number has the focus. */
export function PaymentForm({ target, year, amountMinor, onClose, onSaved }: { target: PaymentTarget; year: number; amountMinor: number; onClose(): void; onSaved(p: FeePayment): void }) {
  const { t } = useI18n()
  const f = useContractForm(paymentInput, { amount: amountText(amountMinor, 'MNT'), paidOn: todayIso(), receiptNumber: '', payer: '' }, { fields: { amountMinor: 'amount' } })
  const submit = async () => {
    const input = f.parse((v) => ({
      ...(target.kind === 'member' ? { kind: 'member', membershipId: target.membershipId } : { kind: 'branch', branchId: target.branchId }),
      year,
      paidOn: v.paidOn,
      amountMinor: f.amount(v.amount, 'MNT', 'amount'),
      receiptNumber: v.receiptNumber,
      payer: v.payer || null,
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('fees.pay', input)
    f.setBusy(false)
    if (r.ok) onSaved(r.value)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={`${t(target.kind === 'member' ? 'fee.pay' : 'fee.payCentral')}: ${target.name} · ${year}`} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <TextInput label={t('fee.receipt')} required data-autofocus {...f.input('receiptNumber')} />
        <AmountInput label={t('fee.amount')} required currency="MNT" {...f.input('amount')} />
      </Group>
      <Group grow align="flex-start">
        <DateField label={t('fee.paidOn')} required {...f.input('paidOn')} />
        <TextInput label={t('fee.payer')} {...f.input('payer')} />
      </Group>
    </FormModal>
  )
}
