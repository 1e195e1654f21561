import { useState } from 'react'
import { Button, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core'
import type { GroupMembership } from '../../../../shared/api/groupsTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { AnchorLink, BackLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'
import { Writes } from '../../components/permissions'
import { SsgForm } from './GroupForms'
import { Flags } from './GroupsPage'
import { Field } from '../../components/Field'
import { JoinDialog, LeaveDialog, MoveDialog } from './RosterDialogs'
import { MeetingsCard } from './Meetings'
import { OfficesCard } from './Offices'
import { DocumentsCard } from './Documents'
import { SsgSavingsCard } from '../savings/SavingsCards'
import { SsgLoansCard } from '../loans/LoansCard'

/** Why a period ended, in words: a move names the group moved to. */
export function useLeftReason() {
  const { t } = useI18n()
  return (p: GroupMembership) => (p.leftReason === 'moved' ? t('g.movedTo', { code: p.movedToSsgCode ?? '' }) : (p.leftReason ?? ''))
}

/** A small group: its details and members today (join, move, leave), and its past members. */
export function SsgPage({ id }: { id: number }) {
  const { t, date, num } = useI18n()
  const detail = useOperation('ssgs.get', { id })
  const leftReason = useLeftReason()
  const [dialog, setDialog] = useState<'edit' | 'join' | { leave: GroupMembership } | { move: GroupMembership } | null>(null)
  const close = () => setDialog(null)
  return (
    <PageState state={detail} reload={detail.reload}>
      {(d) => {
        const s = d.ssg
        const name = (m: GroupMembership) => (
          <AnchorLink to="/persons/$id" params={{ id: m.personId }}>
            {m.personName}
          </AnchorLink>
        )
        return (
          <Stack>
            <Group justify="space-between">
              <Group>
                <BackLink to="/groups/lsg/$id" params={{ id: d.lsg.id }} label={`${d.lsg.code} ${d.lsg.name}`} />
                <Title order={2}>
                  <Verbatim>{s.code}</Verbatim> {s.name}
                </Title>
                <Flags flags={s.flags} />
              </Group>
              <Writes>
                <Group>
                  <AnchorLink to="/groups/sheet" search={{ ssg: s.id }}>
                    {t('sheet.title')}
                  </AnchorLink>
                  <Button variant="light" onClick={() => setDialog('edit')}>
                    {t('common.edit')}
                  </Button>
                </Group>
              </Writes>
            </Group>
            <Card withBorder>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Field label={t('g.lsg')} value={`${d.lsg.code} ${d.lsg.name}`} />
                <Field label={t('g.formedOn')} value={date(s.formedOn)} />
                <Field label={t('g.weeklyMeeting')} value={t(`g.weekday.${s.meetingWeekday}` as 'g.weekday.1')} />
                <Field label={t('g.members')} value={num(s.members)} />
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={4}>{t('g.members')}</Title>
                <Writes>
                  <Button size="xs" onClick={() => setDialog('join')}>
                    {t('g.join')}
                  </Button>
                </Writes>
              </Group>
              <DataTable
                label={t('g.members')}
                data={d.members}
                rows={(rows) => rows}
                rowKey={(m) => m.id}
                columns={[
                  { key: 'name', header: t('g.member'), sortValue: (m: GroupMembership) => m.personName, cell: name },
                  { key: 'reg', header: t('person.registerNumber'), cell: (m) => <Verbatim>{m.registerNumber ?? '—'}</Verbatim> },
                  { key: 'joined', header: t('g.joinedOn'), numeric: true, cell: (m) => date(m.joinedOn) },
                  {
                    key: 'actions',
                    header: '',
                    cell: (m) => (
                      <Writes>
                        <Group gap={4} wrap="nowrap">
                          {d.siblings.length > 0 && (
                            <Button size="compact-xs" variant="subtle" aria-label={`${t('g.move')}: ${m.personName}`} onClick={() => setDialog({ move: m })}>
                              {t('g.move')}
                            </Button>
                          )}
                          <Button size="compact-xs" variant="subtle" color="red" aria-label={`${t('g.leave')}: ${m.personName}`} onClick={() => setDialog({ leave: m })}>
                            {t('g.leave')}
                          </Button>
                        </Group>
                      </Writes>
                    ),
                  },
                ]}
              />
            </Card>
            <SsgSavingsCard ssgId={s.id} />
            <SsgLoansCard ssgId={s.id} />
            <MeetingsCard groupType="ssg" groupId={s.id} />
            <OfficesCard groupType="ssg" groupId={s.id} />
            <DocumentsCard groupType="ssg" groupId={s.id} />
            {d.past.length > 0 && (
              <Card withBorder>
                <Title order={4} mb="sm">
                  {t('g.pastMembers')}
                </Title>
                <DataTable
                  label={t('g.pastMembers')}
                  data={d.past}
                  rows={(rows) => rows}
                  rowKey={(m) => m.id}
                  columns={[
                    { key: 'name', header: t('g.member'), cell: name },
                    { key: 'joined', header: t('g.joinedOn'), numeric: true, cell: (m: GroupMembership) => date(m.joinedOn) },
                    { key: 'left', header: t('g.leftOn'), numeric: true, cell: (m) => date(m.leftOn) },
                    { key: 'why', header: t('g.leftReason'), cell: leftReason },
                  ]}
                />
              </Card>
            )}
            {dialog === 'edit' && <SsgForm lsgId={s.lsgId} ssg={s} onClose={close} />}
            {dialog === 'join' && <JoinDialog ssg={s} onClose={close} />}
            {dialog && typeof dialog === 'object' && 'leave' in dialog && <LeaveDialog member={dialog.leave} onClose={close} />}
            {dialog && typeof dialog === 'object' && 'move' in dialog && <MoveDialog member={dialog.move} siblings={d.siblings} onClose={close} />}
          </Stack>
        )
      }}
    </PageState>
  )
}
