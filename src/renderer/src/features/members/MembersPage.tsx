import { useState } from 'react'
import { Anchor, Button, Card, Drawer, Group, Select, Stack, Text, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { allowedNextEvents, MEMBERSHIP_STATUSES } from '../../../../shared/domain/membership'
import type { MembershipRow, Organisation } from '../../../../shared/api/types'
import { useI18n } from '../../i18n'
import { AnchorLink } from '../../components/links'
import { useOperation, write } from '../../query'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { SearchBox, pageSearch, patchSearch, searchId, searchOneOf, searchPage, searchText } from '../../components/listSearch'
import { BranchSelect, StatusBadge, useBranches } from '../../components/pickers'
import { MembershipHistory } from './MembershipHistory'
import { DecisionDialog } from './DecisionDialog'
import { ApplyDialog } from './ApplyDialog'
import { OrganisationForm } from './OrganisationForm'
import { Writes } from '../../components/permissions'
import { ConfirmDelete } from '../../components/ConfirmDelete'

const PAGE_SIZE = 50

/** The members list's address; `member` opens an organisation's membership (its own deep link). */
export const membersSearch = z.object({
  q: searchText,
  branch: searchId,
  status: searchOneOf(MEMBERSHIP_STATUSES),
  type: searchOneOf(['person', 'organisation']),
  page: searchPage,
  member: searchId,
})
type Search = z.infer<typeof membersSearch>
const route = getRouteApi('/members')

/** An organisation's membership: its history, and the decisions that can follow. */
function OrganisationDrawer({ membershipId, onClose }: { membershipId: number; onClose(): void }) {
  const { t, local } = useI18n()
  const m = useOperation('members.get', { id: membershipId })
  const [dialog, setDialog] = useState<'apply' | 'decide' | null>(null)
  const done = () => setDialog(null)
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={m.data?.memberName ?? ''}>
      <PageState state={m} reload={m.reload}>
        {(ms) => (
          <Stack>
            <Group>
              <StatusBadge status={ms.status} />
              <Text size="sm">{local(ms.branchName)}</Text>
            </Group>
            <Writes>
            <Group>
              {allowedNextEvents(ms.status).includes('applied') && <Button size="xs" onClick={() => setDialog('apply')}>{t('members.apply')}</Button>}
              {allowedNextEvents(ms.status).some((e) => e !== 'applied') && <Button size="xs" onClick={() => setDialog('decide')}>{t('members.decide')}</Button>}
            </Group>
            </Writes>
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
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/members' })
  const set = (patch: Partial<Search>) => void navigate(patchSearch<Search>(patch))
  const openMember = (member: number | undefined) => void navigate({ search: (s: Search) => ({ ...s, member }) })
  const [dialog, setDialog] = useState<'org' | { apply: Organisation } | { remove: Organisation } | null>(null)
  const result = useOperation('members.list', {
    query: search.q ?? '',
    ...(search.branch ? { branchId: search.branch } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.type ? { memberType: search.type } : {}),
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  })
  const orgsWithoutMembership = (organisations.data ?? []).filter((o) => o.membershipId === null)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('members.title')}</Title>
        <Writes>
        <Button onClick={() => setDialog('org')}>{t('members.addOrganisation')}</Button>
        </Writes>
      </Group>
      <Group align="flex-end">
        <SearchBox style={{ flex: 1 }} label={t('common.search')} placeholder={t('members.searchPlaceholder')} value={search.q ?? ''} onSearch={(q) => set({ q })} />
        <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={search.branch ?? null} onChange={(b) => set({ branch: b ?? undefined })} />
        <Select
          label={t('person.status')}
          clearable
          placeholder={t('common.all')}
          value={search.status ?? null}
          onChange={(v) => set({ status: (v as Search['status']) ?? undefined })}
          data={MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          label={t('members.type')}
          clearable
          placeholder={t('common.all')}
          value={search.type ?? null}
          onChange={(v) => set({ type: (v as Search['type']) ?? undefined })}
          data={[
            { value: 'person', label: t('members.person') },
            { value: 'organisation', label: t('members.organisation') },
          ]}
        />
      </Group>
      <DataTable
        label={t('members.title')}
        state={result}
        rows={(d) => d.rows}
        rowKey={(m) => m.id}
        filtered={Boolean(search.q || search.branch || search.status || search.type)}
        paging={{ pageSize: PAGE_SIZE, total: (d) => d.total, page: (d) => d.page, onPage: (page) => void navigate(pageSearch<Search>(page)) }}
        onOpen={(m) => (m.personId !== null ? void navigate({ to: '/persons/$id', params: { id: m.personId } }) : openMember(m.id))}
        columns={[
          {
            key: 'member',
            header: t('members.member'),
            cell: (m: MembershipRow) =>
              m.personId !== null ? (
                <AnchorLink to="/persons/$id" params={{ id: m.personId }}>
                  {m.memberName}
                </AnchorLink>
              ) : (
                <Anchor component="button" type="button" onClick={() => openMember(m.id)}>
                  {m.memberName}
                </Anchor>
              ),
          },
          { key: 'type', header: t('members.type'), cell: (m) => t(m.memberType === 'person' ? 'members.person' : 'members.organisation') },
          { key: 'branch', header: t('person.branch'), cell: (m) => local(m.branchName) },
          { key: 'status', header: t('person.status'), cell: (m) => <StatusBadge status={m.status} /> },
          { key: 'since', header: t('members.since'), cell: (m) => date(m.since), numeric: true },
          { key: 'lastDecision', header: t('members.lastDecision'), cell: (m) => date(m.lastDecision), numeric: true },
        ]}
      />
      {orgsWithoutMembership.length > 0 && (
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('members.organisation')}
          </Title>
          <Stack gap={4}>
            {orgsWithoutMembership.map((o) => (
              <Group key={o.id} justify="space-between">
                <Text size="sm">{o.nameMn}</Text>
                <Writes>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => setDialog({ apply: o })}>
                      {t('members.apply')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ remove: o })}>
                      {t('members.deleteOrganisation')}
                    </Button>
                  </Group>
                </Writes>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      {search.member !== undefined && <OrganisationDrawer membershipId={search.member} onClose={() => openMember(undefined)} />}
      {dialog === 'org' && (
        <OrganisationForm
          onClose={() => setDialog(null)}
          onSaved={(o) => setDialog({ apply: o })}
        />
      )}
      {dialog && dialog !== 'org' && 'remove' in dialog && (
        <ConfirmDelete
          title={`${t('members.deleteOrganisation')}: ${dialog.remove.nameMn}`}
          help={t('members.deleteOrganisationHelp')}
          label={t('members.deleteOrganisation')}
          remove={() => write('organisations.delete', { id: dialog.remove.id })}
          onDeleted={() => setDialog(null)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog && dialog !== 'org' && 'apply' in dialog && (
        <ApplyDialog
          member={{ type: 'organisation', organisationId: dialog.apply.id }}
          name={dialog.apply.nameMn}
          branchId={null}
          onClose={() => setDialog(null)}
          onSaved={() => setDialog(null)}
        />
      )}
    </Stack>
  )
}
