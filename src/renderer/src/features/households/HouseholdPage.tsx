import { useState } from 'react'
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import type { HouseholdDetail } from '../../../../shared/api/types'
import { areaByCode } from '../../../../shared/domain/geography'
import { useI18n } from '../../i18n'
import { AnchorLink, BackLink } from '../../components/links'
import { useOperation, write } from '../../query'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { StatusBadge } from '../../components/pickers'
import { AuditTable } from '../../components/AuditTable'
import { PersonForm } from '../persons/PersonForm'
import { HouseholdForm } from './HouseholdForm'
import { Writes } from '../../components/permissions'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { HouseholdGroups } from '../groups/PersonGroups'

export function HouseholdPage({ id }: { id: number }) {
  const { t, date, local, lang, num } = useI18n()
  const navigate = useNavigate()
  const detail = useOperation('households.get', { id })
  const [dialog, setDialog] = useState<'edit' | 'person' | 'delete' | null>(null)
  const done = () => setDialog(null)
  return (
    <PageState state={detail} reload={detail.reload}>
      {(d) => {
        const h = d.household
        return (
          <Stack>
            <Group justify="space-between">
              <Group>
                <BackLink to="/households" label={t('nav.households')} />
                <Title order={2}>
                  {t('person.household')} № {h.id}
                </Title>
                {h.singleWomanHeaded && <Badge variant="light">{t('household.swh')}</Badge>}
              </Group>
              <Writes>
              <Group>
                <Button variant="light" onClick={() => setDialog('person')}>
                  {t('household.addPerson')}
                </Button>
                <Button variant="light" onClick={() => setDialog('edit')}>
                  {t('common.edit')}
                </Button>
                {d.members.length === 0 && (
                  <Button variant="subtle" color="red" onClick={() => setDialog('delete')}>
                    {t('household.delete')}
                  </Button>
                )}
              </Group>
              </Writes>
            </Group>
            <Card withBorder>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <div>
                  <Text size="xs" c="dimmed">{t('household.head')}</Text>
                  <Text size="sm">{h.headName ?? '—'}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">{t('household.children')}</Text>
                  <Text size="sm">{num(h.childrenCount)}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">{t('household.address')}</Text>
                  <Text size="sm">{[areaByCode(h.areaCode)?.[lang], h.soum, h.bag, h.addressLine].filter(Boolean).join(', ')}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">{t('household.registered')}</Text>
                  <Text size="sm">{date(h.registeredOn)}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">{t('person.branch')}</Text>
                  <Text size="sm">{local(h.branchName)}</Text>
                </div>
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">{t('household.members')}</Title>
              <DataTable
                label={t('household.members')}
                data={d.members}
                rows={(members) => members}
                rowKey={(p) => p.id}
                onOpen={(p) => void navigate({ to: '/persons/$id', params: { id: p.id } })}
                columns={[
                  {
                    key: 'name',
                    header: t('person.name'),
                    cell: (p: HouseholdDetail['members'][number]) => (
                      <>
                        <AnchorLink to="/persons/$id" params={{ id: p.id }}>
                          {p.shortName}
                        </AnchorLink>
                        {p.id === h.headPersonId && (
                          <Badge size="xs" ml={6}>
                            {t('household.head')}
                          </Badge>
                        )}
                      </>
                    ),
                  },
                  { key: 'registerNumber', header: t('person.registerNumber'), cell: (p) => <Text span ff="monospace" size="sm">{p.registerNumber ?? '—'}</Text> },
                  { key: 'gender', header: t('person.gender'), cell: (p) => t(p.gender === 'female' ? 'person.female' : 'person.male') },
                  { key: 'birthDate', header: t('person.birthDate'), numeric: true, cell: (p) => date(p.birthDate) },
                  { key: 'status', header: t('person.status'), cell: (p) => <StatusBadge status={p.membershipStatus} /> },
                ]}
              />
            </Card>
            <HouseholdGroups householdId={h.id} />
            <Card withBorder>
              <Title order={4} mb="sm">{t('person.audit')}</Title>
              <AuditTable entries={d.audit} />
            </Card>
            {dialog === 'delete' && (
              <ConfirmDelete
                title={`${t('household.delete')}: № ${h.id}`}
                help={t('household.deleteHelp')}
                label={t('household.delete')}
                remove={() => write('households.delete', { id: h.id, version: h.version })}
                onDeleted={() => void navigate({ to: '/households' })}
                onClose={done}
              />
            )}
            {dialog === 'edit' && <HouseholdForm household={h} members={d.members} onClose={() => setDialog(null)} onSaved={done} />}
            {dialog === 'person' && <PersonForm person={null} defaults={{ branchId: h.branchId, householdId: h.id }} onClose={() => setDialog(null)} onSaved={done} />}
          </Stack>
        )
      }}
    </PageState>
  )
}
