import { useState } from 'react'
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { BackLink } from '../../components/links'
import { Writes } from '../../components/permissions'
import { Field } from '../../components/Field'
import { CboForm } from './GroupForms'
import { LsgTable } from './GroupsPage'
import { MeetingsCard } from './Meetings'
import { OfficesCard } from './Offices'
import { DocumentsCard } from './Documents'
import { FundsCard } from '../loans/FundsCard'

/** An area's community-based organisation: founding, registration, its large groups, unified meetings, leaders and charter. */
export function CboPage({ id }: { id: number }) {
  const { t, local, date, num } = useI18n()
  const detail = useOperation('cbos.get', { id })
  const [editing, setEditing] = useState(false)
  return (
    <PageState state={detail} reload={detail.reload}>
      {(d) => {
        const c = d.cbo
        return (
          <Stack>
            <Group justify="space-between">
              <Group>
                <BackLink to="/groups" label={t('nav.groups')} />
                <Title order={2}>{c.name}</Title>
                {c.registeredOn === null && (
                  <Badge color="gray" variant="light">
                    {t('g.notRegistered')}
                  </Badge>
                )}
              </Group>
              <Writes>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
              </Writes>
            </Group>
            <Card withBorder>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Field label={t('g.area')} value={local(d.branchName)} />
                <Field label={t('g.cboFounded')} value={date(c.foundedOn)} />
                <Field label={t('g.foundingMeeting')} value={d.foundingMeeting ? date(d.foundingMeeting.heldOn) : t('g.foundingMissing')} />
                <Field label={t('g.registration')} value={c.registeredOn ? t('g.registrationLine', { number: c.registrationNumber ?? '', date: date(c.registeredOn) }) : t('g.notRegistered')} />
                <Field label={t('g.lsgs')} value={num(d.lsgs.length)} />
                <Field label={t('g.families')} value={num(d.families)} />
                <Field label={t('g.persons')} value={num(d.persons)} />
                <Field label={t('g.cboMembers')} value={num(d.members)} />
              </SimpleGrid>
              <Text size="xs" c="dimmed" mt="sm">
                {t('g.cboMembersHelp')}
              </Text>
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('g.lsgs')}
              </Title>
              <LsgTable label={t('g.lsgs')} lsgs={d.lsgs} />
            </Card>
            <FundsCard branchId={c.branchId} funds={['f3']} />
            <MeetingsCard groupType="cbo" groupId={c.id} />
            <OfficesCard groupType="cbo" groupId={c.id} />
            <DocumentsCard groupType="cbo" groupId={c.id} />
            {editing && <CboForm branchId={c.branchId} cbo={c} onClose={() => setEditing(false)} />}
          </Stack>
        )
      }}
    </PageState>
  )
}
