import { useState } from 'react'
import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import type { GroupType, Office, OfficeTerm } from '../../../../shared/api/groupsTypes'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { DataTable } from '../../components/DataTable'
import { AnchorLink } from '../../components/links'
import { Writes } from '../../components/permissions'

/** Who holds each office of the group now, the terms before, and whether the yearly election is overdue. */
export function OfficesCard({ groupType, groupId }: { groupType: GroupType; groupId: number }) {
  const { t, date } = useI18n()
  const offices = useOperation('offices.ofGroup', { groupType, groupId })
  const [electing, setElecting] = useState(false)
  const d = offices.data
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={4}>{t('g.offices')}</Title>
          {d?.overdue && (
            <Badge color="red" variant="light" data-testid="election-overdue">
              {t('g.electionOverdue')}
            </Badge>
          )}
        </Group>
        <Writes>
          <Button size="xs" variant="light" onClick={() => setElecting(true)}>
            {t('g.elect')}
          </Button>
        </Writes>
      </Group>
      {d && (
        <Stack gap={4} mb="sm">
          {d.offices.map((o) => {
            const holder = d.current.find((c) => c.office === o)
            return (
              <Text size="sm" key={o} data-testid={`office-${o}`}>
                {t(`g.office.${o}` as 'g.office.chair')}:{' '}
                {holder ? (
                  <>
                    <AnchorLink to="/persons/$id" params={{ id: holder.personId }}>
                      {holder.name}
                    </AnchorLink>{' '}
                    ({t('g.electedOn', { date: date(holder.electedOn) })})
                  </>
                ) : (
                  '—'
                )}
              </Text>
            )
          })}
        </Stack>
      )}
      {d && d.history.length > 0 && (
        <DataTable
          label={t('g.officeHistory')}
          data={d.history}
          rows={(rows) => rows}
          rowKey={(x) => x.id}
          columns={[
            { key: 'office', header: t('g.officeCol'), cell: (x: OfficeTerm) => t(`g.office.${x.office}` as 'g.office.chair') },
            { key: 'name', header: t('g.member'), cell: (x) => x.name },
            { key: 'from', header: t('g.electedOnCol'), numeric: true, cell: (x) => date(x.electedOn) },
            { key: 'until', header: t('g.until'), numeric: true, cell: (x) => date(x.until) },
            { key: 'why', header: t('g.leftReason'), cell: (x) => (x.ended ? t(`g.ended.${x.ended}` as 'g.ended.left_group') : '') },
          ]}
        />
      )}
      {electing && d && <ElectDialog groupType={groupType} groupId={groupId} offices={d.offices} onClose={() => setElecting(false)} />}
    </Card>
  )
}

/** An office holder elected at one of the group's meetings, among those on its sheet. */
function ElectDialog({ groupType, groupId, offices, onClose }: { groupType: GroupType; groupId: number; offices: Office[]; onClose(): void }) {
  const { t, date, errorText } = useI18n()
  const meetings = useOperation('meetings.list', { groupType, groupId })
  const [meetingId, setMeetingId] = useState<string | null>(null)
  const chosen = meetingId ?? (meetings.data?.meetings[0] ? String(meetings.data.meetings[0].id) : null)
  const meeting = useOperation('meetings.get', { id: Number(chosen ?? 0) }, { enabled: chosen !== null })
  const [office, setOffice] = useState<string | null>(offices[0] ?? null)
  const [personId, setPersonId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!chosen || !office || !personId) return setError(t('g.electChoose'))
    setBusy(true)
    const r = await write('offices.elect', { meetingId: Number(chosen), office: office as Office, personId: Number(personId) })
    setBusy(false)
    if (r.ok) onClose()
    else setError(errorText(r.error))
  }
  return (
    <FormModal opened title={t('g.elect')} onClose={onClose} onSubmit={() => void submit()} busy={busy} error={error}>
      {meetings.data && meetings.data.meetings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('g.electNeedsMeeting')}
        </Text>
      ) : (
        <>
          <Select
            label={t('g.electedAt')}
            required
            allowDeselect={false}
            value={chosen}
            onChange={(v) => {
              setMeetingId(v)
              setPersonId(null)
            }}
            data={(meetings.data?.meetings ?? []).map((m) => ({ value: String(m.id), label: date(m.heldOn) }))}
          />
          <Select label={t('g.officeCol')} required allowDeselect={false} value={office} onChange={setOffice} data={offices.map((o) => ({ value: o, label: t(`g.office.${o}` as 'g.office.chair') }))} />
          <Select
            label={t('g.member')}
            required
            searchable
            value={personId}
            onChange={setPersonId}
            data={(meeting.data?.attendance ?? []).map((a) => ({ value: String(a.personId), label: a.registerNumber ? `${a.name} ${a.registerNumber}` : a.name }))}
          />
        </>
      )}
    </FormModal>
  )
}
