import { useEffect, useState } from 'react'
import { Anchor, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { areaByCode } from '../../../../shared/domain/geography'
import { useI18n } from '../../i18n'
import { href, navigate } from '../../router'
import { useOperation } from '../../components/useOperation'
import { Empty, PageState } from '../../components/PageState'
import { Pager } from '../../components/Pager'
import { BranchSelect, useBranches } from '../../components/pickers'
import { HouseholdForm } from './HouseholdForm'

const PAGE_SIZE = 50

export function HouseholdsPage() {
  const { t, local, lang, num } = useI18n()
  const branches = useBranches()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 250)
  const [branchId, setBranchId] = useState<number | null>(null)
  const [swh, setSwh] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [adding, setAdding] = useState(false)
  useEffect(() => setPage(1), [debounced, branchId, swh])
  const result = useOperation('households.search', {
    query: debounced,
    ...(branchId ? { branchId } : {}),
    ...(swh ? { singleWomanHeaded: swh === 'yes' } : {}),
    page,
    pageSize: PAGE_SIZE,
  })
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.households')}</Title>
        <Button onClick={() => setAdding(true)}>{t('household.add')}</Button>
      </Group>
      <Group align="flex-end">
        <TextInput style={{ flex: 1 }} label={t('common.search')} placeholder={t('household.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={branchId} onChange={setBranchId} />
        <Select
          label={t('household.swh')}
          clearable
          placeholder={t('common.all')}
          value={swh}
          onChange={setSwh}
          data={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
        />
      </Group>
      <PageState state={result} reload={result.reload}>
        {(data) =>
          data.total === 0 ? (
            <Empty filtered={Boolean(debounced || branchId || swh)} />
          ) : (
            <>
              <Table striped highlightOnHover withTableBorder aria-label={t('nav.households')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('household.number')}</Table.Th>
                    <Table.Th>{t('household.head')}</Table.Th>
                    <Table.Th>{t('household.swh')}</Table.Th>
                    <Table.Th ta="right">{t('household.members')}</Table.Th>
                    <Table.Th ta="right">{t('household.children')}</Table.Th>
                    <Table.Th>{t('household.address')}</Table.Th>
                    <Table.Th>{t('person.branch')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((h) => (
                    <Table.Tr key={h.id}>
                      <Table.Td>
                        <Anchor href={href({ page: 'household', id: h.id })}>№ {h.id}</Anchor>
                      </Table.Td>
                      <Table.Td>{h.headName ?? '—'}</Table.Td>
                      <Table.Td>{h.singleWomanHeaded ? t('common.yes') : t('common.no')}</Table.Td>
                      <Table.Td ta="right">{num(h.memberCount)}</Table.Td>
                      <Table.Td ta="right">{num(h.childrenCount)}</Table.Td>
                      <Table.Td>{[areaByCode(h.areaCode)?.[lang], h.soum, h.bag].filter(Boolean).join(', ')}</Table.Td>
                      <Table.Td>{local(h.branchName)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Pager page={data.page} total={data.total} pageSize={PAGE_SIZE} onChange={setPage} />
            </>
          )
        }
      </PageState>
      {adding && <HouseholdForm household={null} members={[]} onClose={() => setAdding(false)} onSaved={(h) => navigate({ page: 'household', id: h.id })} />}
    </Stack>
  )
}
