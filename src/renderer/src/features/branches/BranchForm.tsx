import { Checkbox, Group, TextInput, Textarea } from '@mantine/core'
import { branchInput } from '../../../../shared/api/contract'
import type { Branch } from '../../../../shared/api/types'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { AreaSelect } from '../../components/pickers'
import { useContractForm } from '../../components/useContractForm'
import { DateField } from '../../components/DateField'

export function BranchForm({ branch, onClose, onSaved }: { branch: Branch | null; onClose(): void; onSaved(): void }) {
  const { t } = useI18n()
  const f = useContractForm(branchInput, {
    code: branch?.code ?? '',
    nameMn: branch?.nameMn ?? '',
    nameEn: branch?.nameEn ?? '',
    areaCode: branch?.areaCode ?? (null as string | null),
    isProjectBranch: branch?.isProjectBranch ?? false,
    establishedOn: branch?.establishedOn ?? '',
    notes: branch?.notes ?? '',
  }, 'branch.')
  const submit = async () => {
    const input = f.parse((v) => ({ ...v, establishedOn: v.establishedOn || null }))
    if (!input) return
    f.setBusy(true)
    const r = branch ? await write('branches.update', { id: branch.id, version: branch.version, branch: input }) : await write('branches.create', input)
    f.setBusy(false)
    if (r.ok) onSaved()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t(branch ? 'branch.edit' : 'branch.add')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow>
        <TextInput label={t('branch.code')} required value={f.values.code} onChange={(e) => f.set('code', e.currentTarget.value.toUpperCase())} error={f.errors.code} />
        <AreaSelect label={t('branch.area')} required value={f.values.areaCode} onChange={(v) => f.set('areaCode', v)} error={f.errors.areaCode} />
      </Group>
      <TextInput label={t('branch.nameMn')} required value={f.values.nameMn} onChange={(e) => f.set('nameMn', e.currentTarget.value)} error={f.errors.nameMn} />
      <TextInput label={t('branch.nameEn')} required value={f.values.nameEn} onChange={(e) => f.set('nameEn', e.currentTarget.value)} error={f.errors.nameEn} />
      <Group grow>
        <DateField label={t('branch.established')} value={f.values.establishedOn} onChange={(v) => f.set('establishedOn', v)} error={f.errors.establishedOn} />
        <Checkbox mt="lg" label={t('branch.project')} checked={f.values.isProjectBranch} onChange={(e) => f.set('isProjectBranch', e.currentTarget.checked)} />
      </Group>
      <Textarea label={t('branch.notes')} value={f.values.notes} onChange={(e) => f.set('notes', e.currentTarget.value)} error={f.errors.notes} />
    </FormModal>
  )
}
