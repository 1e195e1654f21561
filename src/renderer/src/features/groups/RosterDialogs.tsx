import { useState } from 'react'
import { Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import type { GroupMembership, SsgRow } from '../../../../shared/api/groupsTypes'
import { isIsoDate, normalizeDate, todayIso } from '../../../../shared/domain/dates'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { DateField } from '../../components/DateField'
import { Verbatim } from '../../components/Verbatim'
import { useContractForm } from '../../components/useContractForm'
import { groupsOps } from '../../../../shared/api/groups'

/** A person of the area joins the small group: found by name among those in no group on the date. */
export function JoinDialog({ ssg, onClose }: { ssg: SsgRow; onClose(): void }) {
  const { t, errorText } = useI18n()
  const [query, setQuery] = useState('')
  const [on, setOn] = useState(todayIso())
  const [personId, setPersonId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const date = normalizeDate(on.trim())
  const candidates = useOperation('roster.candidates', { ssgId: ssg.id, on: isIsoDate(date) ? date : todayIso(), query: query.trim() })
  const submit = async () => {
    if (!personId) return setError(t('g.chooseMember'))
    if (!isIsoDate(date)) return setError(t('v.isoDate'))
    setBusy(true)
    const r = await write('roster.join', { ssgId: ssg.id, personId: Number(personId), joinedOn: date })
    setBusy(false)
    if (r.ok) onClose()
    else setError(errorText(r.error))
  }
  return (
    <FormModal opened title={`${t('g.join')}: ${ssg.code}`} onClose={onClose} onSubmit={() => void submit()} busy={busy} error={error}>
      <DateField label={t('g.joinedOn')} required value={on} onChange={setOn} />
      <TextInput label={t('g.findPerson')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-autofocus />
      <Radio.Group label={t('g.candidates')} value={personId} onChange={setPersonId}>
        <Stack gap={6} mt={4}>
          {(candidates.data ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              {t('g.noCandidates')}
            </Text>
          )}
          {(candidates.data ?? []).map((c) => (
            <Radio
              key={c.personId}
              value={String(c.personId)}
              label={
                <>
                  {c.name}{' '}
                  <Text span size="xs" c="dimmed">
                    {c.registerNumber && <Verbatim>{c.registerNumber}</Verbatim>} · {t('g.household', { n: c.householdId })}
                    {c.householdInGroup && ` · ${t('g.flag.householdTwice')}`}
                  </Text>
                </>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
    </FormModal>
  )
}

export function LeaveDialog({ member, onClose }: { member: GroupMembership; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(groupsOps['roster.leave'].input, { leftOn: todayIso(), reason: '' })
  const submit = async () => {
    const input = f.parse((v) => ({ id: member.id, ...v }))
    if (!input) return
    f.setBusy(true)
    const r = await write('roster.leave', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={`${t('g.leave')}: ${member.personName}`} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <DateField label={t('g.leftOn')} required {...f.input('leftOn')} />
      <Textarea label={t('g.leftReason')} required autosize minRows={2} {...f.input('reason')} />
    </FormModal>
  )
}

export function MoveDialog({ member, siblings, onClose }: { member: GroupMembership; siblings: Array<{ id: number; code: string; name: string }>; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(groupsOps['roster.move'].input, { toSsgId: null as string | null, movedOn: todayIso() }, { fields: {} })
  const submit = async () => {
    const input = f.parse((v) => ({ id: member.id, toSsgId: v.toSsgId ? Number(v.toSsgId) : undefined, movedOn: v.movedOn }))
    if (!input) return
    f.setBusy(true)
    const r = await write('roster.move', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={`${t('g.move')}: ${member.personName}`} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Select label={t('g.moveTo')} required allowDeselect={false} data={siblings.map((s) => ({ value: String(s.id), label: `${s.code} ${s.name}` }))} {...f.input('toSsgId')} />
      <DateField label={t('g.movedOn')} required {...f.input('movedOn')} />
    </FormModal>
  )
}
