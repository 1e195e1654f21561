import { useState } from 'react'
import { Radio, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import type { Person } from '../../../../shared/api/types'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { Verbatim } from '../../components/Verbatim'

/**
 * This record is the same person as another: it is merged into the record
 * chosen here (kept), which receives her membership, household link and
 * headship and what it lacked; this one is removed, the merge kept with why.
 */
export function MergePerson({ person, name, onClose }: { person: Person; name: string; onClose(): void }) {
  const { t, date, local, errorText } = useI18n()
  const navigate = useNavigate()
  const [query, setQuery] = useState(person.givenName)
  const [keepId, setKeepId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ keep?: string; reason?: string }>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const found = useOperation('persons.search', { query: query.trim(), sort: 'givenName', dir: 'asc', page: 1, pageSize: 12 }, { enabled: query.trim().length > 1 })
  const others = (found.data?.rows ?? []).filter((p) => p.id !== person.id)
  const submit = async () => {
    const keep = others.find((p) => String(p.id) === keepId)
    const problems = { ...(keep ? {} : { keep: t('person.mergeChoose') }), ...(reason.trim() ? {} : { reason: t('v.required') }) }
    setErrors(problems)
    if (!keep || !reason.trim()) return
    setBusy(true)
    const r = await write('persons.merge', { keepId: keep.id, keepVersion: keep.version, mergeId: person.id, mergeVersion: person.version, reason })
    setBusy(false)
    if (r.ok) {
      onClose()
      void navigate({ to: '/persons/$id', params: { id: keep.id } })
    }
    else setError(errorText(r.error))
  }
  return (
    <FormModal opened title={`${t('person.merge')}: ${name}`} onClose={onClose} onSubmit={() => void submit()} busy={busy} error={error} submitLabel={t('person.mergeSubmit')}>
      <Text size="sm">{t('person.mergeHelp')}</Text>
      <TextInput label={t('person.mergeFind')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      <Radio.Group label={t('person.mergeInto')} value={keepId} onChange={setKeepId} error={errors.keep}>
        <Stack gap={6} mt={4}>
          {others.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('common.noMatches')}
            </Text>
          )}
          {others.map((p) => (
            <Radio
              key={p.id}
              value={String(p.id)}
              label={
                <>
                  {p.patronymic} {p.givenName}{' '}
                  <Text span size="xs" c="dimmed">
                    {p.registerNumber && <Verbatim>{p.registerNumber}</Verbatim>} · {date(p.birthDate)} · {local(p.branchName)}
                    {p.membershipStatus && ` · ${t(`status.${p.membershipStatus}`)}`}
                  </Text>
                </>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea label={t('person.mergeReason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
    </FormModal>
  )
}
