import { Select, TextInput, Textarea } from '@mantine/core'
import { decideInput } from '../../../../shared/api/contract'
import { allowedNextEvents, type MembershipEventType, type MembershipStatus } from '../../../../shared/domain/membership'
import { todayIso } from '../../../../shared/domain/dates'
import type { Membership } from '../../../../shared/api/types'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { useContractForm } from '../../components/useContractForm'
import { DateField } from '../../components/DateField'

/** Records a decision on a membership; offers only the decisions the rules allow after its status. */
export function DecisionDialog({ membership, onClose, onSaved }: { membership: Membership; onClose(): void; onSaved(m: Membership): void }) {
  const { t } = useI18n()
  const options = allowedNextEvents(membership.status as MembershipStatus)
  const f = useContractForm(decideInput, {
    membershipId: membership.id,
    decision: (options[0] ?? null) as MembershipEventType | null,
    date: todayIso(),
    reason: '',
    reference: '',
  })
  const submit = async () => {
    const input = f.parse((v) => ({ ...v, decision: v.decision ?? undefined }))
    if (!input) return
    f.setBusy(true)
    const r = await write('members.decide', input)
    f.setBusy(false)
    if (r.ok) onSaved(r.value)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={`${t('members.decide')}: ${membership.memberName}`} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Select
        label={t('members.decision')}
        required
        allowDeselect={false}
        value={f.values.decision}
        onChange={(v) => f.set('decision', v as MembershipEventType)}
        data={options.map((o) => ({ value: o, label: t(`event.${o}`) }))}
        error={f.errors.decision}
      />
      <DateField label={t('members.date')} required value={f.values.date} onChange={(v) => f.set('date', v)} error={f.errors.date} />
      <Textarea
        label={t('members.reason')}
        required={f.values.decision === 'rejected' || f.values.decision === 'excluded'}
        value={f.values.reason}
        onChange={(e) => f.set('reason', e.currentTarget.value)}
        error={f.errors.reason}
      />
      <TextInput label={t('members.reference')} value={f.values.reference} onChange={(e) => f.set('reference', e.currentTarget.value)} error={f.errors.reference} />
    </FormModal>
  )
}
