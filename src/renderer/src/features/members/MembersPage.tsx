import { useEffect, useState } from 'react'
import { Anchor, Button, Card, Drawer, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { allowedNextEvents, MEMBERSHIP_STATUSES, type MembershipStatus } from '../../../../shared/domain/membership'
import type { Organisation } from '../../../../shared/api/types'
import { useI18n } from '../../i18n'
import { href } from '../../router'
import { useOperation } from '../../components/useOperation'
import { Empty, PageState } from '../../components/PageState'
import { Pager } from '../../components/Pager'
import { BranchSelect, StatusBadge, useBranches } from '../../components/pickers'
import { MembershipHistory } from './MembershipHistory'
import { DecisionDialog } from './DecisionDialog'
import { ApplyDialog } from './ApplyDialog'
import { OrganisationForm } from './OrganisationForm'

const PAGE_SIZE = 50

/** An organisation's membership: its history, and the decisions that can follow. */
function OrganisationDrawer({ membershipId, onClose, onChanged }: { membershipId: number; onClose(): void; onChanged(): void }) {
  const { t, local } = useI18n()
  const m = useOperation('members.get', { id: membershipId })
  const [dialog, setDialog] = useState<'apply' | 'decide' | null>(null)
  const done = () => {
    setDialog(null)
    m.reload()
    onChanged()
  }
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={m.data?.memberName ?? ''}>
      <PageState state={m} reload={m.reload}>
        {(ms) => (
          <Stack>
            <Group>
              <StatusBadge status={ms.status} />
              <Text size="sm">{local(ms.branchName)}</Text>
            </Group>
            <Group>
              {allowedNextEvents(ms.status).includes('applied') && <Button size="xs" onClick={() => setDialog('apply')}>{t('members.apply')}</Button>}
              {allowedNextEvents(ms.status).some((e) => e !== 'applied') && <Button size="xs" onClick={() => setDialog('decide')}>{t('members.decide')}</Button>}
            </Group>
            <MembershipHistory membership={ms} />
            {dialog === 'decide' && <DecisionDialog membership={ms} onClose={() => setDialog(null)} onSaved={done} />}
            {dialog === 'apply' && ms.organisationId !== null && (
              <ApplyDialog member={{ type: 'organisation', organisationId: ms.organisationId }} name={ms.memberName} branchId={ms.branchId} onClose={() => setDialog(null)} onSaved={done} />
            )}
          </Stack>
        )}
      </PageState>
    </Drawer>
  )
}

export function MembersPage() {
  const { t, local, date } = useI18n()
  const branches = useBranches()
  const organisations = useOperation('organisations.list', {})
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 250)
  const [branchId, setBranchId] = useState<number | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [memberType, setMemberType] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [open, setOpen] = useState<number | null>(null)
  const [dialog, setDialog] = useState<'org' | { apply: Organisation } | null>(null)
  useEffect(() => setPage(1), [debounced, branchId, status, memberType])
  const result = useOperation('members.list', {
    query: debounced,
    ...(branchId ? { branchId } : {}),
    ...(status ? { status: status as MembershipStatus } : {}),
    ...(memberType ? { memberType: memberType as 'person' | 'organisation' } : {}),
    page,
    pageSize: PAGE_SIZE,
  })
  const orgsWithoutMembership = (organisations.data ?? []).filter((o) => o.membershipId === null)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('members.title')}</Title>
        <Button onClick={() => setDialog('org')}>{t('members.addOrganisation')}</Button>
      </Group>
      <Group align="flex-end">
        <TextInput style={{ flex: 1 }} label={t('common.search')} placeholder={t('members.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={branchId} onChange={setBranchId} />
        <Select label={t('person.status')} clearable placeholder={t('common.all')} value={status} onChange={setStatus} data={MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Select
          label={t('members.type')}
          clearable
          placeholder={t('common.all')}
          value={memberType}
          onChange={setMemberType}
          data={[
            { value: 'person', label: t('members.person') },
            { value: 'organisation', label: t('members.organisation') },
          ]}
        />
      </Group>
      <PageState state={result} reload={result.reload}>
        {(data) =>
          data.total === 0 ? (
            <Empty filtered={Boolean(debounced || branchId || status || memberType)} />
          ) : (
            <>
              <Table striped highlightOnHover withTableBorder aria-label={t('members.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('members.member')}</Table.Th>
                    <Table.Th>{t('members.type')}</Table.Th>
                    <Table.Th>{t('person.branch')}</Table.Th>
                    <Table.Th>{t('person.status')}</Table.Th>
                    <Table.Th>{t('members.since')}</Table.Th>
                    <Table.Th>{t('members.lastDecision')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        {m.personId !== null ? (
                          <Anchor href={href({ page: 'person', id: m.personId })}>{m.memberName}</Anchor>
                        ) : (
                          <Anchor component="button" type="button" onClick={() => setOpen(m.id)}>
                            {m.memberName}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>{t(m.memberType === 'person' ? 'members.person' : 'members.organisation')}</Table.Td>
                      <Table.Td>{local(m.branchName)}</Table.Td>
                      <Table.Td><StatusBadge status={m.status} /></Table.Td>
                      <Table.Td>{date(m.since)}</Table.Td>
                      <Table.Td>{date(m.lastDecision)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Pager page={data.page} total={data.total} pageSize={PAGE_SIZE} onChange={setPage} />
            </>
          )
        }
      </PageState>
      {orgsWithoutMembership.length > 0 && (
        <Card withBorder>
          <Title order={5} mb="xs">{t('members.organisation')}</Title>
          <Stack gap={4}>
            {orgsWithoutMembership.map((o) => (
              <Group key={o.id} justify="space-between">
                <Text size="sm">{o.nameMn}</Text>
                <Button size="xs" variant="light" onClick={() => setDialog({ apply: o })}>{t('members.apply')}</Button>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      {open !== null && <OrganisationDrawer membershipId={open} onClose={() => setOpen(null)} onChanged={result.reload} />}
      {dialog === 'org' && (
        <OrganisationForm
          onClose={() => setDialog(null)}
          onSaved={(o) => {
            organisations.reload()
            setDialog({ apply: o })
          }}
        />
      )}
      {dialog && dialog !== 'org' && (
        <ApplyDialog
          member={{ type: 'organisation', organisationId: dialog.apply.id }}
          name={dialog.apply.nameMn}
          branchId={null}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null)
            organisations.reload()
            result.reload()
          }}
        />
      )}
    </Stack>
  )
}
