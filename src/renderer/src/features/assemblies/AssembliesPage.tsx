import { useState } from 'react'
import { Badge, Button, Group, Select, Stack, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import type { AssemblyRow } from '../../../../shared/api/governanceTypes'
import { useI18n } from '../../i18n'
import { AnchorLink } from '../../components/links'
import { useOperation } from '../../query'
import { DataTable } from '../../components/DataTable'
import { patchSearch, searchId, searchOneOf, searchYear } from '../../components/listSearch'
import { BranchSelect, useBranches } from '../../components/pickers'
import { AssemblyForm } from './AssemblyForm'
import { Writes } from '../../components/permissions'

const thisYear = new Date().getFullYear()
export const YEAR_OPTIONS = Array.from({ length: thisYear - 2004 + 1 }, (_, i) => String(thisYear - i))

export function QuorumBadge({ met }: { met: boolean }) {
  const { t } = useI18n()
  return (
    <Badge color={met ? 'green' : 'red'} variant="light">
      {t(met ? 'assembly.quorumMet' : 'assembly.noQuorum')}
    </Badge>
  )
}

/** The assemblies list's address: `#/assemblies?year=2009&branch=…&kind=local`. */
export const assembliesSearch = z.object({ year: searchYear, branch: searchId, kind: searchOneOf(['local', 'general']) })
type Search = z.infer<typeof assembliesSearch>
const route = getRouteApi('/assemblies')

export function AssembliesPage() {
  const { t, date, local, num } = useI18n()
  const branches = useBranches()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/assemblies' })
  const set = (patch: Partial<Search>) => void navigate(patchSearch<Search>(patch))
  const [adding, setAdding] = useState(false)
  const list = useOperation('assemblies.list', {
    ...(search.year ? { year: search.year } : {}),
    ...(search.branch ? { branchId: search.branch } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
  })
  const open = (a: { id: number }) => void navigate({ to: '/assemblies/$id', params: { id: a.id } })
  const body = (a: AssemblyRow) => (a.kind === 'general' ? t('assembly.general') : `${t('assembly.local')}: ${local(a.bodyName)}`)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.assemblies')}</Title>
        <Writes>
        <Button onClick={() => setAdding(true)}>{t('assembly.add')}</Button>
        </Writes>
      </Group>
      <Group align="flex-end">
        <Select
          label={t('assembly.year')}
          clearable
          placeholder={t('common.all')}
          value={search.year ? String(search.year) : null}
          onChange={(y) => set({ year: y ? Number(y) : undefined })}
          data={YEAR_OPTIONS}
          w={120}
        />
        <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={search.branch ?? null} onChange={(b) => set({ branch: b ?? undefined })} />
        <Select
          label={t('assembly.kind')}
          clearable
          placeholder={t('common.all')}
          value={search.kind ?? null}
          onChange={(k) => set({ kind: (k as Search['kind']) ?? undefined })}
          data={[
            { value: 'local', label: t('assembly.local') },
            { value: 'general', label: t('assembly.general') },
          ]}
        />
      </Group>
      <DataTable
        label={t('nav.assemblies')}
        state={list}
        rows={(rows) => rows}
        rowKey={(a) => a.id}
        filtered={Boolean(search.year || search.branch || search.kind)}
        onOpen={open}
        columns={[
          {
            key: 'heldOn',
            header: t('assembly.heldOn'),
            sortValue: (a: AssemblyRow) => a.heldOn,
            cell: (a) => (
              <AnchorLink to="/assemblies/$id" params={{ id: a.id }}>
                {date(a.heldOn)}
              </AnchorLink>
            ),
          },
          { key: 'body', header: t('assembly.body'), sortValue: body, cell: body },
          { key: 'place', header: t('assembly.place'), cell: (a) => a.place ?? '—' },
          { key: 'eligible', header: t('assembly.eligible'), numeric: true, sortValue: (a) => a.membersEligible, cell: (a) => num(a.membersEligible) },
          { key: 'present', header: t('assembly.present'), numeric: true, sortValue: (a) => a.membersPresent, cell: (a) => num(a.membersPresent) },
          { key: 'quorum', header: t('assembly.quorum'), cell: (a) => <QuorumBadge met={a.quorumMet} /> },
          { key: 'fee', header: t('fee.title'), cell: (a) => (a.feeDecided ? '✓' : '') },
          { key: 'election', header: t('election.title'), cell: (a) => (a.hasElection ? '✓' : '') },
        ]}
      />
      {adding && <AssemblyForm assembly={null} onClose={() => setAdding(false)} onSaved={open} />}
    </Stack>
  )
}
