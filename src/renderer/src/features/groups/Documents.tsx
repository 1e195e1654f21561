import { useState } from 'react'
import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { CBO_CLAUSES, LSG_CLAUSES, SSG_CLAUSES, type Clause, type GroupDocument, type GroupType } from '../../../../shared/api/groupsTypes'
import { amountText, parseAmount } from '../../../../shared/domain/amount'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { AmountInput } from '../../components/AmountInput'
import { Writes } from '../../components/permissions'
import type { LoanSettings } from '../../../../shared/domain/eligibility'
import { draftOf, LoanSettingsFields, LoanSettingsLine, settingsInForce, settingsOf } from '../loans/LoanSettings'

const clausesOf = (type: GroupType): readonly Clause[] => ({ lsg: LSG_CLAUSES, ssg: SSG_CLAUSES, cbo: CBO_CLAUSES })[type]
const TITLE = { lsg: 'g.regulations', ssg: 'g.rules', cbo: 'g.charter' } as const
const HELP = { lsg: 'g.regulationsHelp', ssg: 'g.rulesHelp', cbo: 'g.charterHelp' } as const

/** A large group's regulations, a small group's rules or a CBO's charter: the version in force, clause by clause, and the versions before. */
export function DocumentsCard({ groupType, groupId }: { groupType: GroupType; groupId: number }) {
  const { t, date, mnt } = useI18n()
  const docs = useOperation('documents.ofGroup', { groupType, groupId })
  const [adopting, setAdopting] = useState(false)
  const current = docs.data?.[0] ?? null
  const title = t(TITLE[groupType])
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        <Writes>
          <Button size="xs" variant="light" onClick={() => setAdopting(true)}>
            {t('g.adopt')}
          </Button>
        </Writes>
      </Group>
      {!current ? (
        <Text size="sm" c="dimmed">
          {t('g.noDocument')}
        </Text>
      ) : (
        <Stack gap={6}>
          <Text size="sm" fw={600} data-testid="document-version">
            {t('g.documentVersion', { version: current.version, date: date(current.adoptedOn) })}
          </Text>
          {clausesOf(groupType).map((c) => (
            <Text size="sm" key={c}>
              <b>{t(`g.clause.${c}` as 'g.clause.election')}:</b> {current.clauses[c]}
            </Text>
          ))}
          {groupType === 'lsg' && <LoanSettingsLine settings={settingsInForce(docs.data!)} />}
          {current.weeklySavingsMinor !== null && (
            <Text size="sm">
              <b>{t('g.weeklySavings')}:</b> {mnt(current.weeklySavingsMinor)}
            </Text>
          )}
          {docs.data!.length > 1 && (
            <Text size="xs" c="dimmed">
              {t('g.earlierVersions', { list: docs.data!.slice(1).map((d) => t('g.documentVersion', { version: d.version, date: date(d.adoptedOn) })).join('; ') })}
            </Text>
          )}
        </Stack>
      )}
      {adopting && <AdoptDialog groupType={groupType} groupId={groupId} current={current} settings={groupType === 'lsg' ? settingsInForce(docs.data ?? []) : null} title={title} onClose={() => setAdopting(false)} />}
    </Card>
  )
}

/** A new version, starting from the one in force, adopted at one of the group's meetings. */
function AdoptDialog({ groupType, groupId, current, settings, title, onClose }: { groupType: GroupType; groupId: number; current: GroupDocument | null; settings: LoanSettings | null; title: string; onClose(): void }) {
  const { t, date, errorText } = useI18n()
  const meetings = useOperation('meetings.list', { groupType, groupId })
  const [meetingId, setMeetingId] = useState<string | null>(null)
  const chosen = meetingId ?? (meetings.data?.meetings[0] ? String(meetings.data.meetings[0].id) : null)
  const [clauses, setClauses] = useState<Partial<Record<Clause, string>>>(current?.clauses ?? {})
  const [savings, setSavings] = useState(current?.weeklySavingsMinor != null ? amountText(current.weeklySavingsMinor, 'MNT') : '')
  const [draft, setDraft] = useState(settings ? draftOf(settings) : null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!chosen) return setError(t('g.electNeedsMeeting'))
    let weeklySavingsMinor: number | null = null
    if (groupType === 'ssg') {
      const r = parseAmount(savings, 'MNT', 'nonNegative')
      if (!r.ok) return setError(`${t('g.weeklySavings')}: ${t(r.key, r.vars)}`)
      weeklySavingsMinor = r.minor
    }
    let loanSettings: LoanSettings | null = null
    if (draft) {
      const s = settingsOf(draft)
      if (!s.ok) return setError(`${t('ls.cap', { n: s.index + 1 })}: ${t(s.key, s.vars)}`)
      loanSettings = s.settings
    }
    setBusy(true)
    const r = await write('documents.adopt', { meetingId: Number(chosen), clauses, weeklySavingsMinor, loanSettings })
    setBusy(false)
    if (r.ok) onClose()
    else setError(errorText(r.error))
  }
  return (
    <FormModal opened title={`${title}: ${t('g.adopt')}`} onClose={onClose} onSubmit={() => void submit()} busy={busy} error={error}>
      <Text size="xs" c="dimmed">
        {t(HELP[groupType])}
      </Text>
      <Select
        label={t('g.adoptedAt')}
        required
        allowDeselect={false}
        value={chosen}
        onChange={setMeetingId}
        data={(meetings.data?.meetings ?? []).map((m) => ({ value: String(m.id), label: date(m.heldOn) }))}
      />
      {clausesOf(groupType).map((c) => (
        <Textarea key={c} label={t(`g.clause.${c}` as 'g.clause.election')} required autosize minRows={1} value={clauses[c] ?? ''} onChange={(e) => setClauses({ ...clauses, [c]: e.currentTarget.value })} />
      ))}
      {groupType === 'ssg' && <AmountInput label={t('g.weeklySavings')} required currency="MNT" value={savings} onChange={setSavings} />}
      {draft && <LoanSettingsFields draft={draft} onChange={setDraft} />}
    </FormModal>
  )
}
