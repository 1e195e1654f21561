import { useEffect, useState } from 'react'
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { MEMBERSHIP_STATUSES } from '../../../../shared/domain/membership'
import type { InputOf } from '../../../../shared/api/contract'
import { useI18n } from '../../i18n'
import { href, navigate } from '../../router'
import { useOperation } from '../../components/useOperation'
import { Empty, PageState } from '../../components/PageState'
import { Pager } from '../../components/Pager'
import { BranchSelect, StatusBadge, useBranches } from '../../components/pickers'
import { PersonForm } from './PersonForm'

type Sort = NonNullable<InputOf<'persons.search'>['sort']>
const PAGE_SIZE = 50

function SortHeader({ label, field, sort, dir, onSort }: { label: string; field: Sort; sort: Sort; dir: 'asc' | 'desc'; onSort(f: Sort): void }) {
  const active = sort === field
  return (
    <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(field)} fw={600} fz="sm">
        {label} {active ? (dir === 'asc' ? '▲' : '▼') : ''}
      </UnstyledButton>
    </Table.Th>
  )
}

export function PersonsPage() {
  const { t, date, local } = useI18n()
  const branches = useBranches()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 250)
  const [branchId, setBranchId] = useState<number | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [sort, setSort] = useState<Sort>('givenName')
  const [dir, setDir] = useState<'asc' | 'desc'>('asc')
  const [page, setPage] = useState(1)
  const [adding, setAdding] = useState(false)
  useEffect(() => setPage(1), [debounced, branchId, status, sort, dir])
  const result = useOperation('persons.search', {
    query: debounced,
    ...(branchId ? { branchId } : {}),
    ...(status ? { status: status as InputOf<'persons.search'>['status'] } : {}),
    sort,
    dir,
    page,
    pageSize: PAGE_SIZE,
  })
  const onSort = (f: Sort) => {
    if (f === sort) setDir(dir === 'asc' ? 'desc' : 'asc')
    else {
      setSort(f)
      setDir('asc')
    }
  }
  const filtered = Boolean(debounced || branchId || status)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.persons')}</Title>
        <Button onClick={() => setAdding(true)}>{t('person.add')}</Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label={t('common.search')}
          placeholder={t('person.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-autofocus
        />
        <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={branchId} onChange={setBranchId} />
        <Select
          label={t('person.status')}
          clearable
          placeholder={t('common.all')}
          value={status}
          onChange={setStatus}
          data={[...MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), { value: 'none', label: t('status.none') }]}
        />
      </Group>
      <PageState state={result} reload={result.reload}>
        {(data) =>
          data.total === 0 ? (
            <Empty filtered={filtered} />
          ) : (
            <>
              <Table striped highlightOnHover withTableBorder aria-label={t('nav.persons')} aria-busy={result.status === 'loading'}>
                <Table.Thead>
                  <Table.Tr>
                    <SortHeader label={t('person.name')} field="givenName" sort={sort} dir={dir} onSort={onSort} />
                    <SortHeader label={t('person.registerNumber')} field="registerNumber" sort={sort} dir={dir} onSort={onSort} />
                    <Table.Th>{t('person.gender')}</Table.Th>
                    <SortHeader label={t('person.birthDate')} field="birthDate" sort={sort} dir={dir} onSort={onSort} />
                    <SortHeader label={t('person.branch')} field="branch" sort={sort} dir={dir} onSort={onSort} />
                    <Table.Th>{t('person.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor href={href({ page: 'person', id: p.id })}>{p.shortName}</Anchor>
                        {p.latinName && (
                          <Text span size="xs" c="dimmed" ml={6}>
                            {p.latinName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">{p.registerNumber ?? '—'}</Table.Td>
                      <Table.Td>{t(p.gender === 'female' ? 'person.female' : 'person.male')}</Table.Td>
                      <Table.Td>{date(p.birthDate)}</Table.Td>
                      <Table.Td>{local(p.branchName)}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={p.membershipStatus} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Pager page={data.page} total={data.total} pageSize={PAGE_SIZE} onChange={setPage} testId="result-count" />
            </>
          )
        }
      </PageState>
      {adding && <PersonForm person={null} onClose={() => setAdding(false)} onSaved={(p) => navigate({ page: 'person', id: p.id })} />}
    </Stack>
  )
}
