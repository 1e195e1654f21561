import { useState } from 'react'
import { Button, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core'
import type { SsgRow } from '../../../../shared/api/groupsTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { AnchorLink, BackLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'
import { Writes } from '../../components/permissions'
import { LsgForm, SsgForm } from './GroupForms'
import { Flags } from './GroupsPage'
import { Field } from '../../components/Field'
import { MeetingsCard } from './Meetings'
import { OfficesCard } from './Offices'
import { DocumentsCard } from './Documents'
import { FundsCard } from '../loans/FundsCard'

/** A large group: its details, monthly meeting, and small groups with their members today. */
export function LsgPage({ id }: { id: number }) {
  const { t, local, date, num } = useI18n()
  const detail = useOperation('lsgs.get', { id })
  const [dialog, setDialog] = useState<'edit' | 'ssg' | null>(null)
  return (
    <PageState state={detail} reload={detail.reload}>
      {(d) => {
        const l = d.lsg
        return (
          <Stack>
            <Group justify="space-between">
              <Group>
                <BackLink to="/groups" label={t('nav.groups')} />
                <Title order={2}>
                  <Verbatim>{l.code}</Verbatim> {l.name}
                </Title>
                <Flags flags={l.flags} />
              </Group>
              <Writes>
                <Group>
                  <AnchorLink to="/groups/week" search={{ lsg: l.id }}>
                    {t('g.weekEnter')}
                  </AnchorLink>
                  <Button variant="light" onClick={() => setDialog('edit')}>
                    {t('common.edit')}
                  </Button>
                </Group>
              </Writes>
            </Group>
            <Card withBorder>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Field label={t('g.area')} value={local(l.branchName)} />
                <Field label={t('g.formedOn')} value={date(l.formedOn)} />
                <Field label={t('g.projectYear')} value={l.projectYear} />
                <Field label={t('g.monthlyMeeting')} value={t('g.monthlyRule', { week: t(`g.week.${l.meetingWeek}` as 'g.week.1'), day: t(`g.weekday.${l.meetingWeekday}` as 'g.weekday.1') })} />
                <Field label={t('g.families')} value={num(l.families)} />
                <Field label={t('g.persons')} value={num(l.persons)} />
                <Field label={t('g.swh')} value={num(l.singleWomanHeaded)} />
                <Field label={t('g.ssgs')} value={num(l.ssgs)} />
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={4}>{t('g.ssgs')}</Title>
                <Writes>
                  <Button size="xs" onClick={() => setDialog('ssg')}>
                    {t('g.ssgAdd')}
                  </Button>
                </Writes>
              </Group>
              <DataTable
                label={t('g.ssgs')}
                data={d.ssgs}
                rows={(rows) => rows}
                rowKey={(s) => s.id}
                columns={[
                  {
                    key: 'code',
                    header: t('g.code'),
                    sortValue: (s: SsgRow) => s.code,
                    cell: (s) => (
                      <AnchorLink to="/groups/ssg/$id" params={{ id: s.id }}>
                        <Verbatim>{s.code}</Verbatim>
                      </AnchorLink>
                    ),
                  },
                  { key: 'name', header: t('g.name'), cell: (s) => s.name },
                  { key: 'formed', header: t('g.formedOn'), numeric: true, cell: (s) => date(s.formedOn) },
                  { key: 'day', header: t('g.weeklyMeeting'), cell: (s) => t(`g.weekday.${s.meetingWeekday}` as 'g.weekday.1') },
                  { key: 'members', header: t('g.members'), numeric: true, cell: (s) => num(s.members) },
                  { key: 'flags', header: t('g.flags'), cell: (s) => <Flags flags={s.flags} /> },
                ]}
              />
            </Card>
            <FundsCard lsgId={l.id} branchId={l.branchId} funds={['f1', 'f2']} />
            <MeetingsCard groupType="lsg" groupId={l.id} />
            <OfficesCard groupType="lsg" groupId={l.id} />
            <DocumentsCard groupType="lsg" groupId={l.id} />
            {dialog === 'edit' && <LsgForm branchId={l.branchId} lsg={l} onClose={() => setDialog(null)} />}
            {dialog === 'ssg' && <SsgForm lsgId={l.id} ssg={null} onClose={() => setDialog(null)} />}
          </Stack>
        )
      }}
    </PageState>
  )
}
