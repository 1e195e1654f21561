import { Group, Select, TextInput } from '@mantine/core'
import { organisationInput } from '../../../../shared/api/contract'
import type { Organisation } from '../../../../shared/api/types'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { AreaSelect } from '../../components/pickers'
import { useContractForm } from '../../components/useContractForm'

export function OrganisationForm({ onClose, onSaved }: { onClose(): void; onSaved(o: Organisation): void }) {
  const { t } = useI18n()
  const f = useContractForm(organisationInput, {
    nameMn: '',
    nameEn: '',
    kind: 'group' as 'network' | 'group',
    areaCode: null as string | null,
    contactName: '',
    phone: '',
  })
  const submit = async () => {
    const input = f.parse((v) => ({ ...v, areaCode: v.areaCode ?? undefined }))
    if (!input) return
    f.setBusy(true)
    const r = await write('organisations.create', input)
    f.setBusy(false)
    if (r.ok) onSaved(r.value)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('members.addOrganisation')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <TextInput label={t('branch.nameMn')} required value={f.values.nameMn} onChange={(e) => f.set('nameMn', e.currentTarget.value)} error={f.errors.nameMn} />
      <TextInput label={t('branch.nameEn')} value={f.values.nameEn} onChange={(e) => f.set('nameEn', e.currentTarget.value)} error={f.errors.nameEn} />
      <Group grow align="flex-start">
        <Select
          label={t('members.orgKind')}
          required
          allowDeselect={false}
          value={f.values.kind}
          onChange={(v) => f.set('kind', (v ?? 'group') as 'network' | 'group')}
          data={[
            { value: 'network', label: t('members.network') },
            { value: 'group', label: t('members.group') },
          ]}
        />
        <AreaSelect label={t('branch.area')} required value={f.values.areaCode} onChange={(v) => f.set('areaCode', v)} error={f.errors.areaCode} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('members.contact')} value={f.values.contactName} onChange={(e) => f.set('contactName', e.currentTarget.value)} error={f.errors.contactName} />
        <TextInput label={t('person.phone')} value={f.values.phone} onChange={(e) => f.set('phone', e.currentTarget.value)} error={f.errors.phone} />
      </Group>
    </FormModal>
  )
}
