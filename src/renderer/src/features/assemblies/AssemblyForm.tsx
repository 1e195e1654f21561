import { Checkbox, Group, NumberInput, SegmentedControl, Text, TextInput, Textarea } from '@mantine/core'
import { assemblyInput } from '../../../../shared/api/governance'
import type { AssemblyRow } from '../../../../shared/api/governanceTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { BranchSelect, useBranches } from '../../components/pickers'
import { useContractForm } from '../../components/useContractForm'

export function AssemblyForm({ assembly, detail, onClose, onSaved }: { assembly: AssemblyRow | null; detail?: { decisions: string | null; minutes: string | null }; onClose(): void; onSaved(a: AssemblyRow): void }) {
  const { t } = useI18n()
  const branches = useBranches()
  const f = useContractForm(
    assemblyInput,
    {
      kind: (assembly?.kind ?? 'local') as 'local' | 'general',
      branchId: assembly?.branchId ?? (null as number | null),
      heldOn: assembly?.heldOn ?? todayIso(),
      place: assembly?.place ?? '',
      membersPresent: assembly?.membersPresent ?? 0,
      quorumPercent: assembly?.quorumPercent ?? 50,
      quorumStrict: assembly?.quorumStrict ?? true,
      decisions: detail?.decisions ?? '',
      minutes: detail?.minutes ?? '',
    },
    'assembly.',
  )
  const submit = async () => {
    const input = f.parse((v) => ({ ...v, branchId: v.kind === 'general' ? null : v.branchId }))
    if (!input) return
    f.setBusy(true)
    const r = assembly ? await write('assemblies.update', { id: assembly.id, version: assembly.version, assembly: input }) : await write('assemblies.create', input)
    f.setBusy(false)
    if (r.ok) onSaved(r.value)
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t(assembly ? 'assembly.edit' : 'assembly.add')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      {!assembly && (
        <SegmentedControl
          value={f.values.kind}
          onChange={(v) => f.set('kind', v as 'local' | 'general')}
          data={[
            { value: 'local', label: t('assembly.local') },
            { value: 'general', label: t('assembly.general') },
          ]}
        />
      )}
      {f.values.kind === 'local' && (
        <BranchSelect label={t('person.branch')} required branches={branches.data ?? []} value={f.values.branchId} onChange={(v) => f.set('branchId', v)} error={f.errors.branchId} />
      )}
      <Group grow align="flex-start">
        <TextInput label={t('assembly.heldOn')} required placeholder={t('person.dateHint')} value={f.values.heldOn} onChange={(e) => f.set('heldOn', e.currentTarget.value)} error={f.errors.heldOn} />
        <TextInput label={t('assembly.place')} value={f.values.place} onChange={(e) => f.set('place', e.currentTarget.value)} error={f.errors.place} />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('assembly.present')} required min={0} value={f.values.membersPresent} onChange={(v) => f.set('membersPresent', typeof v === 'number' ? v : 0)} error={f.errors.membersPresent} />
        <NumberInput label={t('assembly.quorumPercent')} min={1} max={100} value={f.values.quorumPercent} onChange={(v) => f.set('quorumPercent', typeof v === 'number' ? v : 50)} error={f.errors.quorumPercent} />
      </Group>
      <Checkbox label={t('assembly.quorumStrict')} checked={f.values.quorumStrict} onChange={(e) => f.set('quorumStrict', e.currentTarget.checked)} />
      <Text size="xs" c="dimmed">
        {t('assembly.eligible')}: {assembly ? assembly.membersEligible : '—'}
      </Text>
      <Textarea label={t('assembly.decisions')} autosize minRows={3} value={f.values.decisions} onChange={(e) => f.set('decisions', e.currentTarget.value)} error={f.errors.decisions} />
      <Textarea label={t('assembly.minutes')} autosize minRows={2} value={f.values.minutes} onChange={(e) => f.set('minutes', e.currentTarget.value)} error={f.errors.minutes} />
    </FormModal>
  )
}
