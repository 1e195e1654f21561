import { Textarea } from '@mantine/core'
import { applyInput } from '../../../../shared/api/contract'
import { todayIso } from '../../../../shared/domain/dates'
import type { Membership } from '../../../../shared/api/types'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { BranchSelect, useBranches } from '../../components/pickers'
import { useContractForm } from '../../components/useContractForm'
import { DateField } from '../../components/DateField'

type Member = { type: 'person'; personId: number } | { type: 'organisation'; organisationId: number }

/** Records an application for SPN membership at a local organisation. */
export function ApplyDialog({ member, name, branchId, onClose, onSaved }: { member: Member; name: string; branchId: number | null; onClose(): void; onSaved(m: Membership): void }) {
  const { t } = useI18n()
  const branches = useBranches()
  const f = useContractForm(applyInput, { member, branchId, date: todayIso(), note: '' })
  const submit = async () => {
    const input = f.parse((v) => ({ ...v, branchId: v.branchId ?? undefined }))
    if (!input) return
    f.setBusy(true)
    const r = await write('members.apply', input)
    f.setBusy(false)
    if (r.ok) onSaved(r.value)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={`${t('members.applyFor')}: ${name}`} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <BranchSelect label={t('person.branch')} required branches={branches.data ?? []} value={f.values.branchId} onChange={(v) => f.set('branchId', v)} error={f.errors.branchId} />
      <DateField label={t('members.date')} required value={f.values.date} onChange={(v) => f.set('date', v)} error={f.errors.date} />
      <Textarea label={t('members.note')} value={f.values.note} onChange={(e) => f.set('note', e.currentTarget.value)} error={f.errors.note} />
    </FormModal>
  )
}
