import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { ATTENDANCE_STATUSES, type AttendanceStatus, type GroupType, type MeetingRow } from '../../../../shared/api/groupsTypes'
import { isIsoDate, normalizeDate, todayIso } from '../../../../shared/domain/dates'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { DateField } from '../../components/DateField'
import { DataTable } from '../../components/DataTable'
import { Verbatim } from '../../components/Verbatim'
import { Writes } from '../../components/permissions'

/** The meetings shown at first: the latest. */
const LATEST = 12

const rateText = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

/** A group's meetings: held against expected, the weeks or months missed, attendance pooled; each meeting opens its sheet. */
export function MeetingsCard({ groupType, groupId }: { groupType: GroupType; groupId: number }) {
  const { t, date, num } = useI18n()
  const list = useOperation('meetings.list', { groupType, groupId })
  const [open, setOpen] = useState<'new' | number | null>(null)
  const [all, setAll] = useState(false)
  const d = list.data
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('g.meetings')}</Title>
        <Writes>
          <Button size="xs" onClick={() => setOpen('new')}>
            {t('g.recordMeeting')}
          </Button>
        </Writes>
      </Group>
      {d && (
        <Stack gap={4} mb="sm">
          <Text size="sm" data-testid="meetings-summary">
            {d.hasRule
              ? t('g.meetingsSummary', { held: num(d.held), expected: num(d.expected), missed: num(d.missed.length), rate: rateText(d.attendance.rate) })
              : t('g.meetingsSummaryNoRule', { held: num(d.held), rate: rateText(d.attendance.rate) })}
          </Text>
          {d.missed.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('g.missedLatest', { dates: d.missed.slice(0, 6).map(date).join(', ') })}
            </Text>
          )}
        </Stack>
      )}
      <DataTable
        label={t('g.meetings')}
        state={list}
        rows={(x) => (all ? x.meetings : x.meetings.slice(0, LATEST))}
        rowKey={(m) => m.id}
        onOpen={(m) => setOpen(m.id)}
        columns={[
          {
            key: 'date',
            header: t('g.heldOn'),
            numeric: true,
            cell: (m: MeetingRow) => (
              <Button variant="subtle" size="compact-sm" onClick={() => setOpen(m.id)} aria-label={`${t('g.meeting')} ${date(m.heldOn)}`}>
                {date(m.heldOn)}
              </Button>
            ),
          },
          ...ATTENDANCE_STATUSES.map((s) => ({ key: s, header: t(`g.att.${s}` as 'g.att.present'), numeric: true, cell: (m: MeetingRow) => num(m[s]) })),
          {
            key: 'lock',
            header: '',
            cell: (m: MeetingRow) => (
              <Group gap={4}>
                {m.locked && <Badge variant="light" color="gray" size="sm">{t('g.locked')}</Badge>}
                {m.corrections > 0 && <Badge variant="light" color="orange" size="sm">{t('g.corrected', { n: m.corrections })}</Badge>}
              </Group>
            ),
          },
        ]}
      />
      {d && d.meetings.length > LATEST && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(!all)}>
          {all ? t('g.meetingsLatest', { n: LATEST }) : t('g.meetingsAll', { n: num(d.meetings.length) })}
        </Button>
      )}
      {open !== null && <MeetingDialog groupType={groupType} groupId={groupId} meetingId={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </Card>
  )
}

/** The keys that set a status on the sheet: 1 present … 5 absent. */
const KEYS: Record<string, AttendanceStatus> = { '1': 'present', '2': 'late', '3': 'represented', '4': 'excused', '5': 'absent' }

/**
 * A meeting's attendance sheet: every member, "present" by default, one
 * click or key (1-5) per change. A new meeting, or a recorded one corrected
 * (with the reason once a later meeting has locked it).
 */
function MeetingDialog({ groupType, groupId, meetingId, onClose }: { groupType: GroupType; groupId: number; meetingId: number | null; onClose(): void }) {
  const { t, date, errorText } = useI18n()
  const existing = useOperation('meetings.get', { id: meetingId ?? 0 }, { enabled: meetingId !== null })
  const [heldOn, setHeldOn] = useState(todayIso())
  const day = normalizeDate(heldOn.trim())
  const sheet = useOperation('meetings.sheet', { groupType, groupId, heldOn: isIsoDate(day) ? day : todayIso() }, { enabled: meetingId === null })
  const [status, setStatus] = useState<Record<number, AttendanceStatus>>({})
  const [minutes, setMinutes] = useState('')
  const [decisions, setDecisions] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const detail = existing.status === 'ready' ? existing.data : null
  useEffect(() => {
    if (!detail) return
    setStatus(Object.fromEntries(detail.attendance.map((a) => [a.personId, a.status])))
    setMinutes(detail.minutes ?? '')
    setDecisions(detail.decisions ?? '')
  }, [detail])
  const members = meetingId === null ? (sheet.data ?? []) : (detail?.attendance ?? [])
  const of = (personId: number) => status[personId] ?? 'present'
  const submit = async () => {
    if (meetingId === null && !isIsoDate(day)) return setError(t('v.isoDate'))
    const attendance = members.map((m) => ({ personId: m.personId, status: of(m.personId) }))
    setBusy(true)
    const r =
      meetingId === null
        ? await write('meetings.record', { groupType, groupId, heldOn: day, attendance, minutes: minutes || null, decisions: decisions || null })
        : await write('meetings.correct', { id: meetingId, attendance, minutes: minutes || null, decisions: decisions || null, reason: reason || null })
    setBusy(false)
    if (r.ok) onClose()
    else setError(errorText(r.error))
  }
  const title = meetingId === null ? t('g.recordMeeting') : `${t('g.meeting')} ${detail ? date(detail.meeting.heldOn) : ''}`
  return (
    <FormModal opened title={title} onClose={onClose} onSubmit={() => void submit()} busy={busy} error={error}>
      {meetingId === null ? <DateField label={t('g.heldOn')} required value={heldOn} onChange={setHeldOn} /> : null}
      {detail?.meeting.locked && (
        <Alert color="gray" p="xs">
          {t('g.lockedHelp')}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('g.sheetHelp')}
      </Text>
      <Table aria-label={t('g.sheet')}>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr
              key={m.personId}
              tabIndex={0}
              onKeyDown={(e) => {
                const s = KEYS[e.key]
                if (s) {
                  e.preventDefault()
                  setStatus((x) => ({ ...x, [m.personId]: s }))
                }
              }}
              aria-label={m.name}
            >
              <Table.Td>
                {m.name}
                {m.registerNumber && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    <Verbatim>{m.registerNumber}</Verbatim>
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  aria-label={`${t('g.attendance')}: ${m.name}`}
                  value={of(m.personId)}
                  onChange={(v) => setStatus((x) => ({ ...x, [m.personId]: v as AttendanceStatus }))}
                  data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`g.att.${s}` as 'g.att.present') }))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {members.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('g.noMembersOnDate')}
        </Text>
      )}
      <Textarea label={t('g.minutes')} autosize minRows={2} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} />
      <Textarea label={t('g.decisions')} autosize minRows={2} value={decisions} onChange={(e) => setDecisions(e.currentTarget.value)} />
      {meetingId !== null && <Textarea label={t('assembly.correctionReason')} required={detail?.meeting.locked} autosize minRows={1} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
      {detail && detail.corrections.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('assembly.corrections')}
          </Text>
          {detail.corrections.map((c) => (
            <Text size="xs" key={c.id}>
              {c.field.replace(/^attendance:/, '')}: {statusWord(t, c.oldValue)} → {statusWord(t, c.newValue)} · {c.reason} · {c.correctedBy}
            </Text>
          ))}
        </Stack>
      )}
    </FormModal>
  )
}

function statusWord(t: ReturnType<typeof useI18n>['t'], v: string | null): string {
  if (v === null) return '—'
  return (ATTENDANCE_STATUSES as readonly string[]).includes(v) ? t(`g.att.${v}` as 'g.att.present') : v
}
