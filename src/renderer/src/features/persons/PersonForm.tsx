import { Group, Select, TextInput } from '@mantine/core'
import { personInput } from '../../../../shared/api/contract'
import type { Person } from '../../../../shared/api/types'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { BranchSelect, useBranches } from '../../components/pickers'
import { useContractForm } from '../../components/useContractForm'
import { DateField } from '../../components/DateField'

interface Props {
  person: Person | null
  /** Defaults for a new person (e.g. added from a household page). */
  defaults?: { branchId?: number; householdId?: number }
  onClose(): void
  onSaved(person: Person): void
}

export function PersonForm({ person, defaults, onClose, onSaved }: Props) {
  const { t } = useI18n()
  const branches = useBranches()
  const f = useContractForm(
    personInput,
    {
      clanName: person?.clanName ?? '',
      patronymic: person?.patronymic ?? '',
      givenName: person?.givenName ?? '',
      latinName: person?.latinName ?? '',
      registerNumber: person?.registerNumber ?? '',
      gender: person?.gender ?? (null as 'female' | 'male' | null),
      birthDate: person?.birthDate ?? '',
      phone: person?.phone ?? '',
      branchId: person?.branchId ?? defaults?.branchId ?? (null as number | null),
      householdId: person?.householdId ?? defaults?.householdId ?? (null as number | null),
    },
    'person.',
  )
  const submit = async () => {
    // Optional, as in the register: children often have none yet.
    const input = f.parse((v) => ({ ...v, registerNumber: v.registerNumber.trim() || null, birthDate: v.birthDate || null, gender: v.gender ?? undefined, branchId: v.branchId ?? undefined }))
    if (!input) return
    f.setBusy(true)
    const r = person ? await write('persons.update', { id: person.id, version: person.version, person: input }) : await write('persons.create', input)
    f.setBusy(false)
    if (r.ok) onSaved(r.value)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t(person ? 'person.edit' : 'person.add')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <TextInput label={t('person.clanName')} value={f.values.clanName} onChange={(e) => f.set('clanName', e.currentTarget.value)} error={f.errors.clanName} />
        <TextInput label={t('person.patronymic')} required value={f.values.patronymic} onChange={(e) => f.set('patronymic', e.currentTarget.value)} error={f.errors.patronymic} />
        <TextInput label={t('person.givenName')} required value={f.values.givenName} onChange={(e) => f.set('givenName', e.currentTarget.value)} error={f.errors.givenName} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('person.latinName')} value={f.values.latinName} onChange={(e) => f.set('latinName', e.currentTarget.value)} error={f.errors.latinName} />
        <TextInput label={t('person.registerNumber')} description={t('person.registerOptional')} placeholder="УБ99112233" value={f.values.registerNumber} onChange={(e) => f.set('registerNumber', e.currentTarget.value)} error={f.errors.registerNumber} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('person.gender')}
          required
          allowDeselect={false}
          value={f.values.gender}
          onChange={(v) => f.set('gender', v as 'female' | 'male' | null)}
          data={[
            { value: 'female', label: t('person.female') },
            { value: 'male', label: t('person.male') },
          ]}
          error={f.errors.gender}
        />
        <DateField label={t('person.birthDate')} value={f.values.birthDate} onChange={(v) => f.set('birthDate', v)} error={f.errors.birthDate} />
        <TextInput label={t('person.phone')} value={f.values.phone} onChange={(e) => f.set('phone', e.currentTarget.value)} error={f.errors.phone} />
      </Group>
      <BranchSelect
        label={t('person.branch')}
        required
        branches={branches.data ?? []}
        value={f.values.branchId}
        onChange={(v) => f.set('branchId', v)}
        error={f.errors.branchId}
      />
      {f.values.householdId !== null && <TextInput label={t('person.household')} value={`№ ${f.values.householdId}`} readOnly />}
    </FormModal>
  )
}
