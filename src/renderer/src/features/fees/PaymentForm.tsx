import { NumberInput, Group, TextInput } from '@mantine/core'
import { todayIso } from '../../../../shared/domain/dates'
import type { FeePayment } from '../../../../shared/api/governanceTypes'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { useState } from 'react'

export type PaymentTarget = { kind: 'member'; membershipId: number; name: string } | { kind: 'branch'; branchId: number; name: string }

/** A payment in a few keystrokes: payer, year and amount come filled in; the receipt number has the focus. */
export function PaymentForm({ target, year, amountMinor, onClose, onSaved }: { target: PaymentTarget; year: number; amountMinor: number; onClose(): void; onSaved(p: FeePayment): void }) {
  const { t, errorText } = useI18n()
  const [amount, setAmount] = useState<number | string>(amountMinor / 100)
  const [paidOn, setPaidOn] = useState(todayIso())
  const [receipt, setReceipt] = useState('')
  const [payer, setPayer] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    const common = { year, paidOn, amountMinor: Math.round(Number(amount) * 100), receiptNumber: receipt, payer: payer || null }
    const r = target.kind === 'member' ? await write('fees.pay', { kind: 'member', membershipId: target.membershipId, ...common }) : await write('fees.pay', { kind: 'branch', branchId: target.branchId, ...common })
    setBusy(false)
    if (r.ok) return onSaved(r.value)
    const field = r.error.field === 'amountMinor' ? 'amount' : r.error.field
    if (field && ['amount', 'paidOn', 'receiptNumber', 'payer'].includes(field)) setErrors({ [field]: errorText(r.error) })
    else setFormError(errorText(r.error))
  }
  return (
    <FormModal opened title={`${t(target.kind === 'member' ? 'fee.pay' : 'fee.payCentral')}: ${target.name} · ${year}`} onClose={onClose} onSubmit={submit} busy={busy} error={formError}>
      <Group grow align="flex-start">
        <TextInput label={t('fee.receipt')} required data-autofocus value={receipt} onChange={(e) => setReceipt(e.currentTarget.value)} error={errors.receiptNumber} />
        <NumberInput label={t('fee.amount')} required min={0} thousandSeparator=" " value={amount} onChange={setAmount} error={errors.amount} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('fee.paidOn')} required placeholder={t('person.dateHint')} value={paidOn} onChange={(e) => setPaidOn(e.currentTarget.value)} error={errors.paidOn} />
        <TextInput label={t('fee.payer')} value={payer} onChange={(e) => setPayer(e.currentTarget.value)} error={errors.payer} />
      </Group>
    </FormModal>
  )
}
