import { useState } from 'react'
import { Button, Group, Select, Stack, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { contract } from '../../../../shared/api/contract'
import type { HouseholdRow } from '../../../../shared/api/types'
import { areaByCode } from '../../../../shared/domain/geography'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { DataTable } from '../../components/DataTable'
import { AnchorLink } from '../../components/links'
import { SearchBox, pageSearch, patchSearch, searchDir, searchId, searchOneOf, searchPage, searchText } from '../../components/listSearch'
import { BranchSelect, useBranches } from '../../components/pickers'
import { HouseholdForm } from './HouseholdForm'
import { Writes } from '../../components/permissions'

/** The households list's address: `#/households?q=…&branch=…&swh=yes&sort=…&dir=…&page=…`. */
export const householdsSearch = z.object({
  q: searchText,
  branch: searchId,
  swh: searchOneOf(['yes', 'no']),
  sort: contract['households.search'].input.shape.sort.unwrap().optional().catch(undefined),
  dir: searchDir,
  page: searchPage,
})
type Search = z.infer<typeof householdsSearch>

const route = getRouteApi('/households')
const PAGE_SIZE = 50

export function HouseholdsPage() {
  const { t, local, lang, num } = useI18n()
  const branches = useBranches()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/households' })
  const set = (patch: Partial<Search>) => void navigate(patchSearch<Search>(patch))
  const [adding, setAdding] = useState(false)
  const sort = { by: search.sort ?? 'id', dir: search.dir ?? 'asc' }
  const result = useOperation('households.search', {
    query: search.q ?? '',
    ...(search.branch ? { branchId: search.branch } : {}),
    ...(search.swh ? { singleWomanHeaded: search.swh === 'yes' } : {}),
    sort: sort.by,
    dir: sort.dir,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  })
  const open = (h: { id: number }) => void navigate({ to: '/households/$id', params: { id: h.id } })
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.households')}</Title>
        <Writes>
        <Button onClick={() => setAdding(true)}>{t('household.add')}</Button>
        </Writes>
      </Group>
      <Group align="flex-end">
        <SearchBox style={{ flex: 1 }} label={t('common.search')} placeholder={t('household.searchPlaceholder')} value={search.q ?? ''} onSearch={(q) => set({ q })} />
        <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={search.branch ?? null} onChange={(b) => set({ branch: b ?? undefined })} />
        <Select
          label={t('household.swh')}
          clearable
          placeholder={t('common.all')}
          value={search.swh ?? null}
          onChange={(v) => set({ swh: (v as Search['swh']) ?? undefined })}
          data={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
        />
      </Group>
      <DataTable
        label={t('nav.households')}
        state={result}
        rows={(d) => d.rows}
        rowKey={(h) => h.id}
        filtered={Boolean(search.q || search.branch || search.swh)}
        sort={{ ...sort, onSort: (s) => set({ sort: s.by as Search['sort'], dir: s.dir }) }}
        paging={{ pageSize: PAGE_SIZE, total: (d) => d.total, page: (d) => d.page, onPage: (page) => void navigate(pageSearch<Search>(page)) }}
        onOpen={open}
        columns={[
          {
            key: 'id',
            sortField: 'id',
            header: t('household.number'),
            cell: (h: HouseholdRow) => (
              <AnchorLink to="/households/$id" params={{ id: h.id }}>
                № {h.id}
              </AnchorLink>
            ),
          },
          { key: 'head', sortField: 'head', header: t('household.head'), cell: (h) => h.headName ?? '—' },
          { key: 'swh', header: t('household.swh'), cell: (h) => (h.singleWomanHeaded ? t('common.yes') : t('common.no')) },
          { key: 'members', header: t('household.members'), cell: (h) => num(h.memberCount), numeric: true },
          { key: 'children', sortField: 'childrenCount', header: t('household.children'), cell: (h) => num(h.childrenCount), numeric: true },
          { key: 'address', header: t('household.address'), cell: (h) => [areaByCode(h.areaCode)?.[lang], h.soum, h.bag].filter(Boolean).join(', ') },
          { key: 'branch', sortField: 'branch', header: t('person.branch'), cell: (h) => local(h.branchName) },
        ]}
      />
      {adding && <HouseholdForm household={null} members={[]} onClose={() => setAdding(false)} onSaved={open} />}
    </Stack>
  )
}
