import { Card, Stack, Text, Title } from '@mantine/core'
import type { GroupMembership } from '../../../../shared/api/groupsTypes'
import { useOperation, type Loaded } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { AnchorLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'
import { useLeftReason } from './SsgPage'

/** Periods in small groups as a table: the small and large group, joined, left and why; the member's name on a household's page. */
function Periods({ periods, withName }: { periods: Loaded<GroupMembership[]> & { reload(): void }; withName?: boolean }) {
  const { t, date } = useI18n()
  const leftReason = useLeftReason()
  if (periods.status === 'ready' && periods.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('g.noGroups')}
      </Text>
    )
  }
  return (
    <DataTable
      label={t('g.personGroups')}
      state={periods}
      rows={(rows) => rows}
      rowKey={(p: GroupMembership) => p.id}
      columns={[
        Boolean(withName) && {
          key: 'member',
          header: t('g.member'),
          cell: (p: GroupMembership) => (
            <AnchorLink to="/persons/$id" params={{ id: p.personId }}>
              {p.personName}
            </AnchorLink>
          ),
        },
        {
          key: 'ssg',
          header: t('g.ssgs'),
          cell: (p: GroupMembership) => (
            <AnchorLink to="/groups/ssg/$id" params={{ id: p.ssgId }}>
              <Verbatim>{p.ssgCode}</Verbatim> {p.ssgName}
            </AnchorLink>
          ),
        },
        {
          key: 'lsg',
          header: t('g.lsg'),
          cell: (p: GroupMembership) => (
            <AnchorLink to="/groups/lsg/$id" params={{ id: p.lsgId }}>
              <Verbatim>{p.lsgCode}</Verbatim> {p.lsgName}
            </AnchorLink>
          ),
        },
        { key: 'joined', header: t('g.joinedOn'), numeric: true, cell: (p: GroupMembership) => date(p.joinedOn) },
        { key: 'left', header: t('g.leftOn'), numeric: true, cell: (p: GroupMembership) => date(p.leftOn) },
        { key: 'why', header: t('g.leftReason'), cell: leftReason },
      ]}
    />
  )
}

/** A person's periods in self-help groups and the group offices she was elected to, on her page. */
export function PersonGroups({ personId }: { personId: number }) {
  const { t, date } = useI18n()
  const periods = useOperation('roster.ofPerson', { personId })
  const offices = useOperation('offices.ofPerson', { personId })
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('g.personGroups')}
      </Title>
      <Stack gap="xs">
        <Periods periods={periods} />
        {(offices.data ?? []).map((o, i) => (
          <Text size="sm" key={i} data-testid="person-office">
            {t('g.officeLine', { office: t(`g.office.${o.office}` as 'g.office.chair'), group: o.groupCode, date: date(o.electedOn) })}
          </Text>
        ))}
      </Stack>
    </Card>
  )
}

/** The household's members in self-help groups, on its page (normally one: the household is then in the project). */
export function HouseholdGroups({ householdId }: { householdId: number }) {
  const { t } = useI18n()
  const periods = useOperation('roster.ofHousehold', { householdId })
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('g.personGroups')}
      </Title>
      <Periods periods={periods} withName />
    </Card>
  )
}
