import { Checkbox, Group, NumberInput, Select, TextInput } from '@mantine/core'
import { householdInput } from '../../../../shared/api/contract'
import type { Household, PersonRow } from '../../../../shared/api/types'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { AreaSelect, BranchSelect, useBranches } from '../../components/pickers'
import { useContractForm } from '../../components/useContractForm'
import { DateField } from '../../components/DateField'

export function HouseholdForm({ household, members, onClose, onSaved }: { household: Household | null; members: PersonRow[]; onClose(): void; onSaved(h: Household): void }) {
  const { t } = useI18n()
  const branches = useBranches()
  const f = useContractForm(
    householdInput,
    {
      branchId: household?.branchId ?? (null as number | null),
      headPersonId: household?.headPersonId ?? (null as number | null),
      singleWomanHeaded: household?.singleWomanHeaded ?? false,
      childrenCount: household?.childrenCount ?? 0,
      areaCode: household?.areaCode ?? (null as string | null),
      soum: household?.soum ?? '',
      bag: household?.bag ?? '',
      addressLine: household?.addressLine ?? '',
      registeredOn: household?.registeredOn ?? '',
    },
    'household.',
  )
  const submit = async () => {
    const input = f.parse((v) => ({ ...v, branchId: v.branchId ?? undefined, areaCode: v.areaCode ?? undefined, registeredOn: v.registeredOn || null }))
    if (!input) return
    f.setBusy(true)
    const r = household ? await write('households.update', { id: household.id, version: household.version, household: input }) : await write('households.create', input)
    f.setBusy(false)
    if (r.ok) onSaved(r.value)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t(household ? 'household.edit' : 'household.add')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <BranchSelect label={t('person.branch')} required branches={branches.data ?? []} value={f.values.branchId} onChange={(v) => f.set('branchId', v)} error={f.errors.branchId} />
      {household && (
        <Select
          label={t('household.head')}
          clearable
          value={f.values.headPersonId === null ? null : String(f.values.headPersonId)}
          onChange={(v) => f.set('headPersonId', v ? Number(v) : null)}
          data={members.map((m) => ({ value: String(m.id), label: `${m.shortName} (${m.registerNumber ?? '—'})` }))}
          error={f.errors.headPersonId}
        />
      )}
      <Group grow align="flex-start">
        <NumberInput label={t('household.children')} min={0} max={30} value={f.values.childrenCount} onChange={(v) => f.set('childrenCount', typeof v === 'number' ? v : 0)} error={f.errors.childrenCount} />
        <Checkbox mt="lg" label={t('household.swh')} checked={f.values.singleWomanHeaded} onChange={(e) => f.set('singleWomanHeaded', e.currentTarget.checked)} error={f.errors.singleWomanHeaded} />
      </Group>
      <AreaSelect label={t('household.area')} required value={f.values.areaCode} onChange={(v) => f.set('areaCode', v)} error={f.errors.areaCode} />
      <Group grow align="flex-start">
        <TextInput label={t('household.soum')} value={f.values.soum} onChange={(e) => f.set('soum', e.currentTarget.value)} error={f.errors.soum} />
        <TextInput label={t('household.bag')} value={f.values.bag} onChange={(e) => f.set('bag', e.currentTarget.value)} error={f.errors.bag} />
      </Group>
      <DateField label={t('household.registered')} value={f.values.registeredOn} onChange={(v) => f.set('registeredOn', v)} error={f.errors.registeredOn} />
      <TextInput label={t('household.address')} value={f.values.addressLine} onChange={(e) => f.set('addressLine', e.currentTarget.value)} error={f.errors.addressLine} />
    </FormModal>
  )
}
