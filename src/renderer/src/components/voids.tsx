import { useState, type CSSProperties } from 'react'
import { Button, Text, Textarea } from '@mantine/core'
import { voidInput } from '../../../shared/api/fields'
import type { Voided } from '../../../shared/api/types'
import { useI18n } from '../i18n'
import { write } from '../query'
import { FormModal } from './FormModal'
import { localTime } from './localTime'
import { useContractForm } from './useContractForm'
import { withVerbatim } from './Verbatim'

/** A voided entry's row: struck through and dimmed, with who voided it, when and why on hover. */
export function voidedRow(voided: Voided | null, t: (key: 'fin.voidedBy', vars: Record<string, string>) => string): { style?: CSSProperties; title?: string } {
  if (!voided) return {}
  return {
    style: { textDecoration: 'line-through', color: 'var(--mantine-color-dimmed)' },
    title: t('fin.voidedBy', { who: voided.by, when: localTime(voided.at), reason: voided.reason }),
  }
}

/** Under a voided entry: who, when and why, not struck through. */
export function VoidNote({ voided }: { voided: Voided }) {
  const { t } = useI18n()
  return (
    <Text size="xs" c="red" style={{ display: 'inline-block' }} data-testid="void-note">
      {withVerbatim(t('fin.voidedBy', { who: voided.by, when: localTime(voided.at), reason: voided.reason }), voided.by)}
    </Text>
  )
}

type VoidOperation = 'transfers.void' | 'expenses.void' | 'funds.void' | 'fees.voidPayment'

/** "Void" on a row: asks why, then voids the entry; the lists and totals follow at once. */
export function VoidButton({ operation, id, what }: { operation: VoidOperation; id: number; what: string }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpen(true)} aria-label={`${t('fin.void')}: ${what}`}>
        {t('fin.void')}
      </Button>
      {open && <VoidDialog operation={operation} id={id} what={what} onClose={() => setOpen(false)} />}
    </>
  )
}

function VoidDialog({ operation, id, what, onClose }: { operation: VoidOperation; id: number; what: string; onClose(): void }) {
  const { t } = useI18n()
  return <ReasonDialog operation={operation} id={id} title={`${t('fin.voidTitle')}: ${what}`} help={t('fin.voidHelp')} onClose={onClose} />
}

/** The operations that take an entry back with the reason: a void, or a reversal that appends the exact negative. */
export type ReasonOperation = VoidOperation | 'savings.reverse' | 'loans.reverseRepayment'

/** Asks why, then voids or reverses the entry. */
export function ReasonDialog({ operation, id, title, help, onClose }: { operation: ReasonOperation; id: number; title: string; help: string; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(voidInput, { reason: '' })
  const submit = async () => {
    const input = f.parse((v) => ({ id, reason: v.reason }))
    if (!input) return
    f.setBusy(true)
    const r = await write(operation, input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={title} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Text size="sm">{help}</Text>
      <Textarea label={t('fin.voidReason')} required autosize minRows={2} data-autofocus {...f.input('reason')} />
    </FormModal>
  )
}
