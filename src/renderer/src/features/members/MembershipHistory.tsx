import { Text, Timeline } from '@mantine/core'
import type { Membership } from '../../../../shared/api/types'
import { useI18n } from '../../i18n'
import { Verbatim } from '../../components/Verbatim'
import { localTime } from '../../components/localTime'

export function MembershipHistory({ membership }: { membership: Membership }) {
  const { t, date, local } = useI18n()
  const events = [...membership.events].reverse()
  return (
    <Timeline active={events.length} bulletSize={14} lineWidth={2} aria-label={t('person.history')}>
      {events.map((e) => (
        <Timeline.Item key={e.id} title={`${date(e.effectiveDate)} · ${t(`event.${e.type}`)} · ${local(e.branchName)}`}>
          {e.reason && (
            <Text size="sm">
              {t('members.reason')}: {e.reason}
            </Text>
          )}
          {e.reference && (
            <Text size="xs" c="dimmed">
              {t('members.reference')}: {e.reference}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            <Verbatim>{e.recordedBy}</Verbatim>, {localTime(e.recordedAt).slice(0, 10)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
