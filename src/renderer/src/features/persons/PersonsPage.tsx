import { useState } from 'react'
import { Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { MEMBERSHIP_STATUSES } from '../../../../shared/domain/membership'
import { personSearchInput } from '../../../../shared/api/contract'
import type { PersonRow } from '../../../../shared/api/types'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { DataTable } from '../../components/DataTable'
import { AnchorLink } from '../../components/links'
import { SearchBox, pageSearch, patchSearch, searchDir, searchId, searchOneOf, searchPage, searchText } from '../../components/listSearch'
import { BranchSelect, StatusBadge, useBranches } from '../../components/pickers'
import { PersonForm } from './PersonForm'
import { Verbatim } from '../../components/Verbatim'
import { Writes } from '../../components/permissions'

const STATUS_FILTERS = [...MEMBERSHIP_STATUSES, 'none'] as const

/** The persons list's address: `#/persons?q=…&branch=…&status=…&sort=…&dir=…&page=…`. */
export const personsSearch = z.object({
  q: searchText,
  branch: searchId,
  status: searchOneOf(STATUS_FILTERS),
  sort: personSearchInput.shape.sort.unwrap().optional().catch(undefined),
  dir: searchDir,
  page: searchPage,
})
type Search = z.infer<typeof personsSearch>

const route = getRouteApi('/persons')
const PAGE_SIZE = 50

export function PersonsPage() {
  const { t, date, local } = useI18n()
  const branches = useBranches()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/persons' })
  const set = (patch: Partial<Search>) => void navigate(patchSearch<Search>(patch))
  const [adding, setAdding] = useState(false)
  const sort = { by: search.sort ?? 'givenName', dir: search.dir ?? 'asc' }
  const result = useOperation('persons.search', {
    query: search.q ?? '',
    ...(search.branch ? { branchId: search.branch } : {}),
    ...(search.status ? { status: search.status } : {}),
    sort: sort.by,
    dir: sort.dir,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  })
  const open = (p: { id: number }) => void navigate({ to: '/persons/$id', params: { id: p.id } })
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.persons')}</Title>
        <Writes>
        <Button onClick={() => setAdding(true)}>{t('person.add')}</Button>
        </Writes>
      </Group>
      <Group align="flex-end">
        <SearchBox
          style={{ flex: 1 }}
          label={t('common.search')}
          placeholder={t('person.searchPlaceholder')}
          value={search.q ?? ''}
          onSearch={(q) => set({ q })}
          data-autofocus
        />
        <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={search.branch ?? null} onChange={(b) => set({ branch: b ?? undefined })} />
        <Select
          label={t('person.status')}
          clearable
          placeholder={t('common.all')}
          value={search.status ?? null}
          onChange={(s) => set({ status: (s as Search['status']) ?? undefined })}
          data={STATUS_FILTERS.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Group>
      <DataTable
        label={t('nav.persons')}
        state={result}
        rows={(d) => d.rows}
        rowKey={(p) => p.id}
        filtered={Boolean(search.q || search.branch || search.status)}
        sort={{ ...sort, onSort: (s) => set({ sort: s.by as Search['sort'], dir: s.dir }) }}
        paging={{ pageSize: PAGE_SIZE, total: (d) => d.total, page: (d) => d.page, onPage: (page) => void navigate(pageSearch<Search>(page)), testId: 'result-count' }}
        onOpen={open}
        columns={[
          { key: 'name', sortField: 'givenName', header: t('person.name'), cell: (p: PersonRow) => <PersonName p={p} /> },
          { key: 'registerNumber', sortField: 'registerNumber', header: t('person.registerNumber'), cell: (p) => <Text ff="monospace" size="sm">{p.registerNumber ?? '—'}</Text> },
          { key: 'gender', header: t('person.gender'), cell: (p) => t(p.gender === 'female' ? 'person.female' : 'person.male') },
          { key: 'birthDate', sortField: 'birthDate', header: t('person.birthDate'), cell: (p) => date(p.birthDate), numeric: true },
          { key: 'branch', sortField: 'branch', header: t('person.branch'), cell: (p) => local(p.branchName) },
          { key: 'status', header: t('person.status'), cell: (p) => <StatusBadge status={p.membershipStatus} /> },
        ]}
      />
      {adding && <PersonForm person={null} onClose={() => setAdding(false)} onSaved={open} />}
    </Stack>
  )
}

function PersonName({ p }: { p: PersonRow }) {
  return (
    <>
      <AnchorLink to="/persons/$id" params={{ id: p.id }}>
        {p.shortName}
      </AnchorLink>
      {p.latinName && (
        <Text span size="xs" c="dimmed" ml={6}>
          <Verbatim>{p.latinName}</Verbatim>
        </Text>
      )}
    </>
  )
}
