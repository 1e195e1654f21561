import { Group, NumberInput, Select, TextInput } from '@mantine/core'
import { cboInput, groupsOps, lsgInput, ssgInput } from '../../../../shared/api/groups'
import type { Cbo, LsgRow, SsgRow } from '../../../../shared/api/groupsTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { useContractForm } from '../../components/useContractForm'
import { DateField } from '../../components/DateField'

/** Weekdays 1 (Monday) … 7 (Sunday), in the user's language. */
export function useWeekdays() {
  const { t } = useI18n()
  return [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`g.weekday.${d}` as 'g.weekday.1') }))
}

/** Records an area's CBO, or changes one (name, founding date, state registration). */
export function CboForm({ branchId, cbo, onClose }: { branchId: number; cbo: Cbo | null; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(
    cbo ? groupsOps['cbos.update'].input : cboInput,
    { branchId, name: cbo?.name ?? '', foundedOn: cbo?.foundedOn ?? '', registrationNumber: cbo?.registrationNumber ?? '', registeredOn: cbo?.registeredOn ?? '' },
    cbo ? { fields: Object.fromEntries(['name', 'foundedOn', 'registrationNumber', 'registeredOn'].map((k) => [`cbo.${k}`, k])) } : {},
  )
  const submit = async () => {
    const input = f.parse((v) => {
      const values = { ...v, registeredOn: v.registeredOn || null }
      return cbo ? { id: cbo.id, version: cbo.version, cbo: values } : values
    })
    if (!input) return
    f.setBusy(true)
    const r = cbo ? await write('cbos.update', input as never) : await write('cbos.create', input as never)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t(cbo ? 'g.cboEdit' : 'g.cboAdd')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <TextInput label={t('g.cboName')} required {...f.input('name')} />
      <DateField label={t('g.cboFounded')} required {...f.input('foundedOn')} />
      <Group grow align="flex-start">
        <TextInput label={t('g.registrationNumber')} {...f.input('registrationNumber')} />
        <DateField label={t('g.registeredOn')} {...f.input('registeredOn')} />
      </Group>
    </FormModal>
  )
}

export function LsgForm({ branchId, lsg, onClose }: { branchId: number; lsg: LsgRow | null; onClose(): void }) {
  const { t } = useI18n()
  const weekdays = useWeekdays()
  const f = useContractForm(lsg ? groupsOps['lsgs.update'].input : lsgInput, {
    branchId,
    code: lsg?.code ?? '',
    name: lsg?.name ?? '',
    formedOn: lsg?.formedOn ?? todayIso(),
    projectYear: lsg?.projectYear ?? 1,
    meetingWeek: String(lsg?.meetingWeek ?? 1),
    meetingWeekday: String(lsg?.meetingWeekday ?? 1),
  }, lsg ? { fields: Object.fromEntries(['code', 'name', 'formedOn', 'projectYear', 'meetingWeek', 'meetingWeekday'].map((k) => [`lsg.${k}`, k])) } : {})
  const submit = async () => {
    const input = f.parse((v) => {
      const values = { ...v, meetingWeek: Number(v.meetingWeek), meetingWeekday: Number(v.meetingWeekday) }
      return lsg ? { id: lsg.id, version: lsg.version, lsg: values } : values
    })
    if (!input) return
    f.setBusy(true)
    const r = lsg ? await write('lsgs.update', input as never) : await write('lsgs.create', input as never)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t(lsg ? 'g.lsgEdit' : 'g.lsgAdd')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <TextInput label={t('g.code')} required {...f.input('code')} />
        <TextInput label={t('g.name')} required {...f.input('name')} />
      </Group>
      <Group grow align="flex-start">
        <DateField label={t('g.formedOn')} required {...f.input('formedOn')} />
        <NumberInput label={t('g.projectYear')} required min={1} max={20} {...f.input('projectYear')} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('g.meetingWeek')}
          allowDeselect={false}
          data={[1, 2, 3, 4, 5].map((w) => ({ value: String(w), label: t(`g.week.${w}` as 'g.week.1') }))}
          {...f.input('meetingWeek')}
        />
        <Select label={t('g.meetingWeekday')} allowDeselect={false} data={weekdays} {...f.input('meetingWeekday')} />
      </Group>
    </FormModal>
  )
}

export function SsgForm({ lsgId, ssg, onClose }: { lsgId: number; ssg: SsgRow | null; onClose(): void }) {
  const { t } = useI18n()
  const weekdays = useWeekdays()
  const f = useContractForm(ssg ? groupsOps['ssgs.update'].input : ssgInput, {
    lsgId,
    code: ssg?.code ?? '',
    name: ssg?.name ?? '',
    formedOn: ssg?.formedOn ?? todayIso(),
    meetingWeekday: String(ssg?.meetingWeekday ?? 1),
  }, ssg ? { fields: Object.fromEntries(['code', 'name', 'formedOn', 'meetingWeekday'].map((k) => [`ssg.${k}`, k])) } : {})
  const submit = async () => {
    const input = f.parse((v) => {
      const values = { ...v, meetingWeekday: Number(v.meetingWeekday) }
      return ssg ? { id: ssg.id, version: ssg.version, ssg: values } : values
    })
    if (!input) return
    f.setBusy(true)
    const r = ssg ? await write('ssgs.update', input as never) : await write('ssgs.create', input as never)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t(ssg ? 'g.ssgEdit' : 'g.ssgAdd')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <TextInput label={t('g.code')} required {...f.input('code')} />
        <TextInput label={t('g.name')} required {...f.input('name')} />
      </Group>
      <Group grow align="flex-start">
        <DateField label={t('g.formedOn')} required {...f.input('formedOn')} />
        <Select label={t('g.weeklyMeeting')} allowDeselect={false} data={weekdays} {...f.input('meetingWeekday')} />
      </Group>
    </FormModal>
  )
}
