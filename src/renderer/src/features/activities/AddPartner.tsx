import { TextInput } from '@mantine/core'
import { contract } from '../../../../shared/api/contract'
import { useContractForm } from '../../components/useContractForm'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'

/** A partner organisation the list does not have yet. */
export function AddPartner({ onClose, onAdded }: { onClose(): void; onAdded(id: number): void }) {
  const { t } = useI18n()
  const f = useContractForm(contract['activities.addPartner'].input, { nameMn: '', nameEn: '' })
  const submit = async () => {
    const input = f.parse((v) => ({ nameMn: v.nameMn, nameEn: v.nameEn || null }))
    if (!input) return
    f.setBusy(true)
    const r = await write('activities.addPartner', input)
    f.setBusy(false)
    if (!r.ok) return f.serverError(r.error)
    onAdded(r.value.id)
    onClose()
  }
  return (
    <FormModal opened title={t('act.addPartner')} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} error={f.formError}>
      <TextInput label={t('proj.nameMn')} required data-autofocus {...f.input('nameMn')} />
      <TextInput label={t('proj.nameEn')} {...f.input('nameEn')} />
    </FormModal>
  )
}
