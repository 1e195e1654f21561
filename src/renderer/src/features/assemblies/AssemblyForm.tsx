import { Checkbox, Group, NumberInput, SegmentedControl, Switch, Text, TextInput, Textarea } from '@mantine/core'
import { assemblyInput, governanceOps } from '../../../../shared/api/governance'
import type { AssemblyRow } from '../../../../shared/api/governanceTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { BranchSelect, useBranches } from '../../components/pickers'
import { useContractForm } from '../../components/useContractForm'
import { AttendanceList } from './AttendanceList'
import { DateField } from '../../components/DateField'

const FIELDS = ['kind', 'branchId', 'heldOn', 'place', 'membersPresent', 'attendees', 'quorumPercent', 'quorumStrict', 'decisions', 'minutes']

/**
 * A new assembly, or the correction of one: a correction says why, and the
 * assembly keeps each changed field's old and new value. Who attended is
 * ticked on the list of eligible members (members present is their count);
 * an assembly recorded with only a count can keep it.
 */
export function AssemblyForm({
  assembly,
  detail,
  onClose,
  onSaved,
}: {
  assembly: AssemblyRow | null
  detail?: { decisions: string | null; minutes: string | null; attendees: Array<{ membershipId: number }> | null }
  onClose(): void
  onSaved(a: AssemblyRow): void
}) {
  const { t } = useI18n()
  const branches = useBranches()
  const correcting = assembly !== null
  const f = useContractForm(
    correcting ? governanceOps['assemblies.update'].input : assemblyInput,
    {
      kind: (assembly?.kind ?? 'local') as 'local' | 'general',
      branchId: assembly?.branchId ?? (null as number | null),
      heldOn: assembly?.heldOn ?? todayIso(),
      place: assembly?.place ?? '',
      membersPresent: assembly?.membersPresent ?? 0,
      listed: assembly ? assembly.attendanceListed : true,
      attendees: (detail?.attendees ?? []).map((m) => m.membershipId),
      quorumPercent: assembly?.quorumPercent ?? 50,
      quorumStrict: assembly?.quorumStrict ?? true,
      decisions: detail?.decisions ?? '',
      minutes: detail?.minutes ?? '',
      reason: '',
    },
    correcting ? { fields: Object.fromEntries(FIELDS.map((k) => [`assembly.${k}`, k])) } : {},
  )
  const v = f.values
  const submit = async () => {
    const input = f.parse(({ listed, attendees, reason, ...rest }) => {
      const a = { ...rest, branchId: rest.kind === 'general' ? null : rest.branchId, attendees: listed ? attendees : null, membersPresent: listed ? attendees.length : rest.membersPresent }
      return correcting ? { id: assembly.id, version: assembly.version, assembly: a, reason } : a
    })
    if (!input) return
    f.setBusy(true)
    const r = correcting ? await write('assemblies.update', input as never) : await write('assemblies.create', input as never)
    f.setBusy(false)
    if (r.ok) onSaved(r.value)
    else f.serverError(r.error)
  }
  const body = v.kind === 'general' ? null : v.branchId
  return (
    <FormModal opened title={t(correcting ? 'assembly.correct' : 'assembly.add')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      {!correcting && (
        <SegmentedControl
          value={v.kind}
          onChange={(k) => f.set('kind', k as 'local' | 'general')}
          data={[
            { value: 'local', label: t('assembly.local') },
            { value: 'general', label: t('assembly.general') },
          ]}
        />
      )}
      {v.kind === 'local' && !correcting && (
        <BranchSelect label={t('person.branch')} required branches={branches.data ?? []} value={v.branchId} onChange={(b) => f.set('branchId', b)} error={f.errors.branchId} />
      )}
      <Group grow align="flex-start">
        <DateField label={t('assembly.heldOn')} required {...f.input('heldOn')} />
        <TextInput label={t('assembly.place')} {...f.input('place')} />
      </Group>
      <Switch label={t('assembly.recordList')} checked={v.listed} onChange={(e) => f.set('listed', e.currentTarget.checked)} />
      {v.listed && (v.kind === 'general' || v.branchId !== null) ? (
        <AttendanceList branchId={body} heldOn={v.heldOn} value={v.attendees} onChange={(a) => f.set('attendees', a)} error={f.errors.attendees ?? f.errors.membersPresent} />
      ) : v.listed ? (
        <Text size="sm" c="dimmed">
          {t('assembly.attendanceNeedsBranch')}
        </Text>
      ) : null}
      <Group grow align="flex-start">
        {!v.listed && (
          <NumberInput label={t('assembly.present')} required min={0} value={v.membersPresent} onChange={(n) => f.set('membersPresent', typeof n === 'number' ? n : 0)} error={f.errors.membersPresent} />
        )}
        <NumberInput label={t('assembly.quorumPercent')} min={1} max={100} value={v.quorumPercent} onChange={(n) => f.set('quorumPercent', typeof n === 'number' ? n : 50)} error={f.errors.quorumPercent} />
      </Group>
      <Checkbox label={t('assembly.quorumStrict')} checked={v.quorumStrict} onChange={(e) => f.set('quorumStrict', e.currentTarget.checked)} />
      <Textarea label={t('assembly.decisions')} autosize minRows={3} {...f.input('decisions')} />
      <Textarea label={t('assembly.minutes')} autosize minRows={2} {...f.input('minutes')} />
      {correcting && <Textarea label={t('assembly.correctionReason')} description={t('assembly.correctionHelp')} required autosize minRows={2} {...f.input('reason')} />}
    </FormModal>
  )
}
