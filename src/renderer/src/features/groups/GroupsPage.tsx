import { useState } from 'react'
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { GroupFlag, LsgRow } from '../../../../shared/api/groupsTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { AnchorLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'
import { Writes } from '../../components/permissions'
import { CboForm, LsgForm } from './GroupForms'

/** A group's warnings (outside the planned sizes), as badges. */
export function Flags({ flags }: { flags: GroupFlag[] }) {
  const { t } = useI18n()
  return (
    <Group gap={4}>
      {flags.map((f) => (
        <Badge key={f.code} color="orange" variant="light" size="sm">
          {t(f.key, f.vars)}
        </Badge>
      ))}
    </Group>
  )
}

/** Large groups with their small groups, families, persons and warnings: an area's on the groups page, a CBO's on its page. */
export function LsgTable({ label, lsgs }: { label: string; lsgs: LsgRow[] }) {
  const { t, date, num } = useI18n()
  return (
    <DataTable
      label={label}
      data={lsgs}
      rows={(rows) => rows}
      rowKey={(l) => l.id}
      columns={[
        {
          key: 'code',
          header: t('g.code'),
          sortValue: (l: LsgRow) => l.code,
          cell: (l) => (
            <AnchorLink to="/groups/lsg/$id" params={{ id: l.id }}>
              <Verbatim>{l.code}</Verbatim>
            </AnchorLink>
          ),
        },
        { key: 'name', header: t('g.name'), cell: (l) => l.name },
        { key: 'formed', header: t('g.formedOn'), numeric: true, cell: (l) => date(l.formedOn) },
        { key: 'year', header: t('g.projectYear'), numeric: true, cell: (l) => l.projectYear },
        { key: 'ssgs', header: t('g.ssgs'), numeric: true, cell: (l) => num(l.ssgs) },
        { key: 'families', header: t('g.families'), numeric: true, cell: (l) => num(l.families) },
        { key: 'persons', header: t('g.persons'), numeric: true, cell: (l) => num(l.persons) },
        { key: 'flags', header: t('g.flags'), cell: (l) => <Flags flags={l.flags} /> },
      ]}
    />
  )
}

/** The project areas: each one's CBO and large groups, with families and persons in groups today. */
export function GroupsPage() {
  const { t, local, date, num } = useI18n()
  const tree = useOperation('groups.tree', {})
  const [dialog, setDialog] = useState<{ cbo: number } | { lsg: number } | null>(null)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.groups')}</Title>
        <Writes>
          <AnchorLink to="/groups/week">{t('g.weekTitle')}</AnchorLink>
        </Writes>
      </Group>
      <PageState state={tree} reload={tree.reload}>
        {(areas) =>
          areas.length === 0 ? (
            <Text c="dimmed">{t('g.noAreas')}</Text>
          ) : (
            <Stack>
              {areas.map((a) => (
                <Card withBorder key={a.branchId}>
                  <Group justify="space-between" mb="xs">
                    <Title order={4}>{local(a.branchName)}</Title>
                    <Text size="sm" data-testid={`area-${a.branchId}`}>
                      {t('g.areaCounts', { lsgs: num(a.lsgs.length), families: num(a.families), persons: num(a.persons) })}
                    </Text>
                  </Group>
                  <Group gap="xs" mb="sm">
                    {a.cbo ? (
                      <>
                        <AnchorLink to="/groups/cbo/$id" params={{ id: a.cbo.id }}>
                          {t('g.cboLine', { name: a.cbo.name, date: date(a.cbo.foundedOn) })}
                        </AnchorLink>
                        {a.cbo.registeredOn === null && (
                          <Badge color="gray" variant="light" size="sm">
                            {t('g.notRegistered')}
                          </Badge>
                        )}
                      </>
                    ) : (
                      <>
                        <Text size="sm" c="dimmed">
                          {t('g.noCbo')}
                        </Text>
                        <Writes>
                          <Button size="xs" variant="subtle" onClick={() => setDialog({ cbo: a.branchId })}>
                            {t('g.cboAdd')}
                          </Button>
                        </Writes>
                      </>
                    )}
                  </Group>
                  <LsgTable label={`${t('g.lsgs')}: ${local(a.branchName)}`} lsgs={a.lsgs} />
                  <Writes>
                    <Group mt="sm">
                      <Button size="xs" variant="light" onClick={() => setDialog({ lsg: a.branchId })}>
                        {t('g.lsgAdd')}
                      </Button>
                    </Group>
                  </Writes>
                </Card>
              ))}
            </Stack>
          )
        }
      </PageState>
      {dialog && 'cbo' in dialog && <CboForm branchId={dialog.cbo} cbo={null} onClose={() => setDialog(null)} />}
      {dialog && 'lsg' in dialog && <LsgForm branchId={dialog.lsg} lsg={null} onClose={() => setDialog(null)} />}
    </Stack>
  )
}
