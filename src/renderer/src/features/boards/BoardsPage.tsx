import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useI18n } from '../../i18n'
import { AnchorLink } from '../../components/links'
import { useOperation } from '../../query'
import { PageState } from '../../components/PageState'

export function BoardsPage() {
  const { t, date, local } = useI18n()
  const boards = useOperation('boards.current', {})
  return (
    <Stack>
      <Title order={2}>{t('board.current')}</Title>
      <PageState state={boards} reload={boards.reload}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('board.none')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
              {list.map((b) => (
                <Card withBorder key={b.electionId} data-testid={`board-${b.bodyName.en}`}>
                  <Group justify="space-between" mb="xs">
                    <Title order={4}>{b.kind === 'central' ? t('board.central') : local(b.bodyName)}</Title>
                    {b.tieOpen && <Badge color="orange">{t('election.tied')}</Badge>}
                  </Group>
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('board.electedOn', { date: date(b.electedOn) })} · {t('board.until')}
                  </Text>
                  <Table>
                    <Table.Tbody>
                      {b.seats.map((s) => (
                        <Table.Tr key={s.membershipId}>
                          <Table.Td>{s.personId ? <AnchorLink to="/persons/$id" params={{ id: s.personId }}>{s.name}</AnchorLink> : s.name}</Table.Td>
                          <Table.Td>{t(`role.${s.role}`)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </PageState>
    </Stack>
  )
}

/** A person's board service, for the person page. */
export function BoardService({ personId }: { personId: number }) {
  const { t, date, local } = useI18n()
  const history = useOperation('boards.history', { personId })
  if (!history.data || history.data.length === 0) return null
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('board.service')}
      </Title>
      <Table aria-label={t('board.service')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assembly.body')}</Table.Th>
            <Table.Th>{t('election.roles')}</Table.Th>
            <Table.Th>{t('board.from')}</Table.Th>
            <Table.Th>{t('board.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.map((s) => (
            <Table.Tr key={s.electionId}>
              <Table.Td>{s.kind === 'central' ? t('board.central') : local(s.bodyName)}</Table.Td>
              <Table.Td>{t(`role.${s.role}`)}</Table.Td>
              <Table.Td>{date(s.from)}</Table.Td>
              <Table.Td>{s.until ? date(s.until) : t('board.ongoing')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
