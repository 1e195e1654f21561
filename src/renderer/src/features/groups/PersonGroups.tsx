import { Card, Text, Title } from '@mantine/core'
import type { GroupMembership } from '../../../../shared/api/groupsTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { AnchorLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'
import { useLeftReason } from './SsgPage'

/** A person's periods in self-help groups, on her page. */
export function PersonGroups({ personId }: { personId: number }) {
  const { t, date } = useI18n()
  const periods = useOperation('roster.ofPerson', { personId })
  const leftReason = useLeftReason()
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('g.personGroups')}
      </Title>
      {periods.status === 'ready' && periods.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('g.noGroups')}
        </Text>
      ) : (
        <DataTable
          label={t('g.personGroups')}
          state={periods}
          rows={(rows) => rows}
          rowKey={(p) => p.id}
          columns={[
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
              cell: (p) => (
                <AnchorLink to="/groups/lsg/$id" params={{ id: p.lsgId }}>
                  <Verbatim>{p.lsgCode}</Verbatim> {p.lsgName}
                </AnchorLink>
              ),
            },
            { key: 'joined', header: t('g.joinedOn'), numeric: true, cell: (p) => date(p.joinedOn) },
            { key: 'left', header: t('g.leftOn'), numeric: true, cell: (p) => date(p.leftOn) },
            { key: 'why', header: t('g.leftReason'), cell: leftReason },
          ]}
        />
      )}
    </Card>
  )
}
