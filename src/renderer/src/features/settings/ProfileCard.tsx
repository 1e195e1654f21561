import { useState } from 'react'
import { Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { profileInput } from '../../../../shared/api/indicators'
import type { OrganisationProfile } from '../../../../shared/api/resultsTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { useContractForm } from '../../components/useContractForm'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DateField } from '../../components/DateField'
import { PageState } from '../../components/PageState'

/**
 * The organisation's particulars the NGO law's yearly report states (name,
 * registration, address, telephone, executive director), each entry from its
 * date: a change is a new entry, so a past year's report keeps what held then.
 */
export function ProfileCard({ canChange }: { canChange: boolean }) {
  const { t, date } = useI18n()
  const profiles = useOperation('organisation.profile', {})
  const [editing, setEditing] = useState(false)
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('profile.title')}</Title>
          {canChange && !editing && <Button variant="light" onClick={() => setEditing(true)}>{t('profile.change')}</Button>}
        </Group>
        <Text size="sm" c="dimmed">
          {t('profile.help')}
        </Text>
        <PageState state={profiles} reload={profiles.reload}>
          {(list) => (
            <>
              {editing && <ProfileForm current={list[0] ?? null} onDone={() => setEditing(false)} />}
              {list.length === 0 ? (
                <Text size="sm">{t('profile.none')}</Text>
              ) : (
                <Table fz="sm" withTableBorder aria-label={t('profile.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('profile.from')}</Table.Th>
                      <Table.Th>{t('ngo.name')}</Table.Th>
                      <Table.Th>{t('ngo.address')}</Table.Th>
                      <Table.Th>{t('ngo.director')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(p.effectiveOn)}</Table.Td>
                        <Table.Td>
                          {p.nameMn}
                          <Text size="xs" c="dimmed">
                            {[p.registrationNumber, p.phone].filter(Boolean).map((x, i) => (
                              <span key={i} style={{ whiteSpace: 'nowrap' }}>
                                {i > 0 ? ' · ' : ''}
                                {x}
                              </span>
                            ))}
                          </Text>
                        </Table.Td>
                        <Table.Td>{p.address}</Table.Td>
                        <Table.Td>{p.executiveDirector}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </>
          )}
        </PageState>
      </Stack>
    </Card>
  )
}

function ProfileForm({ current, onDone }: { current: OrganisationProfile | null; onDone(): void }) {
  const { t } = useI18n()
  const f = useContractForm(profileInput, {
    effectiveOn: todayIso(),
    nameMn: current?.nameMn ?? '',
    nameEn: current?.nameEn ?? '',
    registrationNumber: current?.registrationNumber ?? '',
    address: current?.address ?? '',
    phone: current?.phone ?? '',
    executiveDirector: current?.executiveDirector ?? '',
  })
  const submit = async () => {
    const input = f.parse((v) => ({ ...v, registrationNumber: v.registrationNumber || null, phone: v.phone || null }))
    if (!input) return
    f.setBusy(true)
    const r = await write('organisation.setProfile', input)
    f.setBusy(false)
    if (r.ok) onDone()
    else f.serverError(r.error)
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Stack gap="xs">
        <SimpleGrid cols={3}>
          <DateField label={t('profile.from')} required {...f.input('effectiveOn')} />
          <TextInput label={t('ngo.registration')} {...f.input('registrationNumber')} />
          <TextInput label={t('ngo.phone')} {...f.input('phone')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label={t('proj.nameMn')} required {...f.input('nameMn')} />
          <TextInput label={t('proj.nameEn')} required {...f.input('nameEn')} />
        </SimpleGrid>
        <TextInput label={t('ngo.address')} required {...f.input('address')} />
        <TextInput label={t('ngo.director')} required {...f.input('executiveDirector')} />
        {f.formError && (
          <Text c="red" size="sm" role="alert">
            {f.formError}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={f.busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
