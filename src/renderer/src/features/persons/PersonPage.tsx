import { useState } from 'react'
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { allowedNextEvents } from '../../../../shared/domain/membership'
import { useI18n } from '../../i18n'
import { AnchorLink, BackLink } from '../../components/links'
import { useOperation } from '../../query'
import { PageState } from '../../components/PageState'
import { StatusBadge } from '../../components/pickers'
import { AuditTable } from '../../components/AuditTable'
import { MembershipHistory } from '../members/MembershipHistory'
import { DecisionDialog } from '../members/DecisionDialog'
import { ApplyDialog } from '../members/ApplyDialog'
import { PersonForm } from './PersonForm'
import { BoardService } from '../boards/BoardsPage'
import { Verbatim } from '../../components/Verbatim'
import { Writes } from '../../components/permissions'
import { useNavigate } from '@tanstack/react-router'
import type { Person } from '../../../../shared/api/types'
import { write } from '../../query'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { Field } from '../../components/Field'
import { MergePerson } from './MergePerson'
import { PersonGroups } from '../groups/PersonGroups'
import { PersonSavingsCard } from '../savings/SavingsCards'
import { PersonLoansCard } from '../loans/LoansCard'
import { localTime } from '../../components/localTime'

export function PersonPage({ id }: { id: number }) {
  const { t, date, local } = useI18n()
  const detail = useOperation('persons.get', { id })
  const [dialog, setDialog] = useState<'edit' | 'apply' | 'decide' | 'delete' | 'merge' | null>(null)
  const done = () => setDialog(null)
  return (
    <PageState state={detail} reload={detail.reload}>
      {(d) => {
        const p = d.person
        const m = d.membership
        const canApply = !m || allowedNextEvents(m.status).includes('applied')
        const canDecide = m && allowedNextEvents(m.status).some((e) => e !== 'applied')
        return (
          <Stack>
            <Group justify="space-between">
              <Group>
                <BackLink to="/persons" label={t('nav.persons')} />
                <Title order={2} data-testid="person-name">
                  {d.shortName}
                </Title>
                <StatusBadge status={m?.status ?? null} />
              </Group>
              <Writes>
                <Group>
                  <Button variant="light" onClick={() => setDialog('edit')}>
                    {t('common.edit')}
                  </Button>
                  <Button variant="subtle" onClick={() => setDialog('merge')}>
                    {t('person.merge')}
                  </Button>
                  {!m && (
                    <Button variant="subtle" color="red" onClick={() => setDialog('delete')}>
                      {t('person.delete')}
                    </Button>
                  )}
                </Group>
              </Writes>
            </Group>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('person.details')}
              </Title>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Field label={t('person.clanName')} value={p.clanName ?? '—'} />
                <Field label={t('person.patronymic')} value={p.patronymic} />
                <Field label={t('person.givenName')} value={p.givenName} />
                <Field label={t('person.latinName')} value={<Verbatim>{p.latinName ?? '—'}</Verbatim>} />
                <Field label={t('person.registerNumber')} value={p.registerNumber ?? '—'} />
                <Field label={t('person.gender')} value={t(p.gender === 'female' ? 'person.female' : 'person.male')} />
                <Field label={t('person.birthDate')} value={date(p.birthDate)} />
                <Field label={t('person.phone')} value={p.phone ?? '—'} />
                <Field label={t('person.branch')} value={local(d.branchName)} />
                <div>
                  <Text size="xs" c="dimmed">
                    {t('person.household')}
                  </Text>
                  {d.household ? (
                    <AnchorLink size="sm" to="/households/$id" params={{ id: d.household.id }}>
                      № {d.household.id} {d.household.headName ? `(${d.household.headName})` : ''}
                    </AnchorLink>
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </div>
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={4}>{t('person.history')}</Title>
                <Writes>
                <Group>
                  {canApply && (
                    <Button size="xs" onClick={() => setDialog('apply')}>
                      {t('members.apply')}
                    </Button>
                  )}
                  {canDecide && (
                    <Button size="xs" onClick={() => setDialog('decide')}>
                      {t('members.decide')}
                    </Button>
                  )}
                </Group>
                </Writes>
              </Group>
              {m ? <MembershipHistory membership={m} /> : <Text c="dimmed">{t('person.noMembership')}</Text>}
            </Card>
            <PersonGroups personId={p.id} />
            <PersonSavingsCard personId={p.id} />
            <PersonLoansCard personId={p.id} />
            <BoardService personId={p.id} />
            {d.merges.length > 0 && (
              <Card withBorder>
                <Title order={4} mb="sm">
                  {t('person.merges')}
                </Title>
                {d.merges.map((g) => (
                  <Text size="sm" key={g.mergedPersonId} data-testid="merged-line">
                    {t('person.mergedLine', { name: g.mergedName, register: g.mergedRegisterNumber ? ` (${g.mergedRegisterNumber})` : '', when: localTime(g.mergedAt), who: g.mergedBy, reason: g.reason })}
                  </Text>
                ))}
              </Card>
            )}
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('person.audit')}
              </Title>
              <AuditTable entries={d.audit} />
            </Card>
            {dialog === 'merge' && <MergePerson person={p} name={d.shortName} onClose={() => setDialog(null)} />}
            {dialog === 'delete' && <DeletePerson person={p} name={d.shortName} onClose={() => setDialog(null)} />}
            {dialog === 'edit' && <PersonForm person={p} onClose={() => setDialog(null)} onSaved={done} />}
            {dialog === 'apply' && (
              <ApplyDialog member={{ type: 'person', personId: p.id }} name={d.shortName} branchId={m?.branchId ?? p.branchId} onClose={() => setDialog(null)} onSaved={done} />
            )}
            {dialog === 'decide' && m && <DecisionDialog membership={m} onClose={() => setDialog(null)} onSaved={done} />}
          </Stack>
        )
      }}
    </PageState>
  )
}

/** Deleting a person entered by mistake (nothing may refer to her). */
function DeletePerson({ person, name, onClose }: { person: Person; name: string; onClose(): void }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  return (
    <ConfirmDelete
      title={`${t('person.delete')}: ${name}`}
      help={t('person.deleteHelp')}
      label={t('person.delete')}
      remove={() => write('persons.delete', { id: person.id, version: person.version })}
      onDeleted={() => void navigate({ to: '/persons' })}
      onClose={onClose}
    />
  )
}
