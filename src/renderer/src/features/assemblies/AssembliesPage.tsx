import { useState } from 'react'
import { Anchor, Badge, Button, Group, Select, Stack, Table, Title } from '@mantine/core'
import { useI18n } from '../../i18n'
import { href, navigate } from '../../router'
import { useOperation } from '../../components/useOperation'
import { Empty, PageState } from '../../components/PageState'
import { BranchSelect, useBranches } from '../../components/pickers'
import { AssemblyForm } from './AssemblyForm'

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

export function AssembliesPage() {
  const { t, date, local, num } = useI18n()
  const branches = useBranches()
  const [year, setYear] = useState<string | null>(null)
  const [branchId, setBranchId] = useState<number | null>(null)
  const [kind, setKind] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const list = useOperation('assemblies.list', {
    ...(year ? { year: Number(year) } : {}),
    ...(branchId ? { branchId } : {}),
    ...(kind ? { kind: kind as 'local' | 'general' } : {}),
  })
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.assemblies')}</Title>
        <Button onClick={() => setAdding(true)}>{t('assembly.add')}</Button>
      </Group>
      <Group align="flex-end">
        <Select label={t('assembly.year')} clearable placeholder={t('common.all')} value={year} onChange={setYear} data={YEAR_OPTIONS} w={120} />
        <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={branchId} onChange={setBranchId} />
        <Select
          label={t('assembly.kind')}
          clearable
          placeholder={t('common.all')}
          value={kind}
          onChange={setKind}
          data={[
            { value: 'local', label: t('assembly.local') },
            { value: 'general', label: t('assembly.general') },
          ]}
        />
      </Group>
      <PageState state={list} reload={list.reload}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty filtered={Boolean(year || branchId || kind)} />
          ) : (
            <Table striped highlightOnHover withTableBorder aria-label={t('nav.assemblies')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assembly.heldOn')}</Table.Th>
                  <Table.Th>{t('assembly.body')}</Table.Th>
                  <Table.Th>{t('assembly.place')}</Table.Th>
                  <Table.Th ta="right">{t('assembly.eligible')}</Table.Th>
                  <Table.Th ta="right">{t('assembly.present')}</Table.Th>
                  <Table.Th>{t('assembly.quorum')}</Table.Th>
                  <Table.Th>{t('fee.title')}</Table.Th>
                  <Table.Th>{t('election.title')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor href={href({ page: 'assembly', id: a.id })}>{date(a.heldOn)}</Anchor>
                    </Table.Td>
                    <Table.Td>
                      {a.kind === 'general' ? t('assembly.general') : `${t('assembly.local')}: ${local(a.bodyName)}`}
                    </Table.Td>
                    <Table.Td>{a.place ?? '—'}</Table.Td>
                    <Table.Td ta="right">{num(a.membersEligible)}</Table.Td>
                    <Table.Td ta="right">{num(a.membersPresent)}</Table.Td>
                    <Table.Td>
                      <QuorumBadge met={a.quorumMet} />
                    </Table.Td>
                    <Table.Td>{a.feeDecided ? '✓' : ''}</Table.Td>
                    <Table.Td>{a.hasElection ? '✓' : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </PageState>
      {adding && <AssemblyForm assembly={null} onClose={() => setAdding(false)} onSaved={(a) => navigate({ page: 'assembly', id: a.id })} />}
    </Stack>
  )
}
