import { useState } from 'react'
import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { areaByCode } from '../../../../shared/domain/geography'
import { useI18n } from '../../i18n'
import { AnchorLink, BackLink } from '../../components/links'
import { useOperation } from '../../query'
import { Empty, PageState } from '../../components/PageState'
import { StatusBadge } from '../../components/pickers'
import { AuditTable } from '../../components/AuditTable'
import { PersonForm } from '../persons/PersonForm'
import { HouseholdForm } from './HouseholdForm'

export function HouseholdPage({ id }: { id: number }) {
  const { t, date, local, lang, num } = useI18n()
  const detail = useOperation('households.get', { id })
  const [dialog, setDialog] = useState<'edit' | 'person' | null>(null)
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
              <Group>
                <Button variant="light" onClick={() => setDialog('person')}>
                  {t('household.addPerson')}
                </Button>
                <Button variant="light" onClick={() => setDialog('edit')}>
                  {t('common.edit')}
                </Button>
              </Group>
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
              {d.members.length === 0 ? (
                <Empty />
              ) : (
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('person.name')}</Table.Th>
                      <Table.Th>{t('person.registerNumber')}</Table.Th>
                      <Table.Th>{t('person.gender')}</Table.Th>
                      <Table.Th>{t('person.birthDate')}</Table.Th>
                      <Table.Th>{t('person.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.members.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <AnchorLink to="/persons/$id" params={{ id: p.id }}>{p.shortName}</AnchorLink>
                          {p.id === h.headPersonId && <Badge size="xs" ml={6}>{t('household.head')}</Badge>}
                        </Table.Td>
                        <Table.Td ff="monospace">{p.registerNumber ?? '—'}</Table.Td>
                        <Table.Td>{t(p.gender === 'female' ? 'person.female' : 'person.male')}</Table.Td>
                        <Table.Td>{date(p.birthDate)}</Table.Td>
                        <Table.Td><StatusBadge status={p.membershipStatus} /></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">{t('person.audit')}</Title>
              <AuditTable entries={d.audit} />
            </Card>
            {dialog === 'edit' && <HouseholdForm household={h} members={d.members} onClose={() => setDialog(null)} onSaved={done} />}
            {dialog === 'person' && <PersonForm person={null} defaults={{ branchId: h.branchId, householdId: h.id }} onClose={() => setDialog(null)} onSaved={done} />}
          </Stack>
        )
      }}
    </PageState>
  )
}
