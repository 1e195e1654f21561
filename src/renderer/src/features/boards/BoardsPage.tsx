import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { BoardSeat, BoardService as BoardTerm } from '../../../../shared/api/governanceTypes'
import { DataTable } from '../../components/DataTable'
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
                  <DataTable
                    label={b.kind === 'central' ? t('board.central') : local(b.bodyName)}
                    data={b.seats}
                    rows={(seats) => seats}
                    rowKey={(s) => s.membershipId}
                    columns={[
                      {
                        key: 'name',
                        header: t('fee.member'),
                        cell: (s: BoardSeat) =>
                          s.personId ? (
                            <AnchorLink to="/persons/$id" params={{ id: s.personId }}>
                              {s.name}
                            </AnchorLink>
                          ) : (
                            s.name
                          ),
                      },
                      { key: 'role', header: t('election.roles'), cell: (s) => t(`role.${s.role}`) },
                    ]}
                  />
                  {b.vacated.map((v) => (
                    <Text key={v.membershipId} size="xs" c="dimmed" mt={4} data-testid="vacated-seat">
                      {t('board.vacated', { name: v.name, role: t(`role.${v.role}`), why: t(`status.${v.why === 'died' ? 'deceased' : v.why}`), date: date(v.leftOn) })}
                    </Text>
                  ))}
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
      <DataTable
        label={t('board.service')}
        data={history.data}
        rows={(terms) => terms}
        rowKey={(s) => s.electionId}
        columns={[
          { key: 'body', header: t('assembly.body'), cell: (s: BoardTerm) => (s.kind === 'central' ? t('board.central') : local(s.bodyName)) },
          { key: 'role', header: t('election.roles'), cell: (s) => t(`role.${s.role}`) },
          { key: 'from', header: t('board.from'), numeric: true, cell: (s) => date(s.from) },
          { key: 'to', header: t('board.to'), numeric: true, cell: (s) => (s.until ? date(s.until) : t('board.ongoing')) },
        ]}
      />
    </Card>
  )
}
