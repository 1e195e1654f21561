import { useState } from 'react'
import { Badge, Button, Checkbox, Group, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import type { BranchFees, FeePayment, MemberFeeRow } from '../../../../shared/api/governanceTypes'
import { useI18n } from '../../i18n'
import { AnchorLink } from '../../components/links'
import { useOperation } from '../../query'
import { DataTable } from '../../components/DataTable'
import { pageSearch, patchSearch, searchFlag, searchId, searchOneOf, searchPage, searchYear } from '../../components/listSearch'
import { BranchSelect, useBranches } from '../../components/pickers'
import { YEAR_OPTIONS } from '../assemblies/AssembliesPage'
import { PaymentForm, type PaymentTarget } from './PaymentForm'
import { Verbatim } from '../../components/Verbatim'
import { VoidButton, VoidNote, voidedRow } from '../../components/voids'
import { useCanWrite } from '../../components/permissions'
import { Writes } from '../../components/permissions'

const PAGE_SIZE = 50

/** The fees page's address: `#/fees?year=2009&branch=…&tab=unpaid&page=2`. */
export const feesSearch = z.object({ year: searchYear, branch: searchId, tab: searchOneOf(['overview', 'unpaid', 'payments']), page: searchPage, voided: searchFlag })
type Search = z.infer<typeof feesSearch>
const route = getRouteApi('/fees')

/** Lets a sentence wrap between words but never inside an amount (`2 750 ₮`). */
const keepAmountsTogether = (s: string) => s.replace(/(\d) (?=\d)/g, '$1\u00A0').replace(/ ₮/g, '\u00A0₮')

function CentralCell({ c }: { c: BranchFees['central'] }) {
  const { t, mnt, date } = useI18n()
  if (!c) return <>—</>
  return (
    <Stack gap={0} maw={260}>
      <Text size="sm">{mnt(c.dueMinor)}</Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'normal' }}>
        {keepAmountsTogether(
          t('fee.calculation', { members: c.activeOnReference, date: date(c.referenceDate), rate: mnt(c.rateMinor), byRate: mnt(c.byRateMinor) }) +
            (c.minimumApplied && c.minimumMinor !== null ? `; ${t('fee.minimumApplied', { minimum: mnt(c.minimumMinor) })}` : ''),
        )}
      </Text>
    </Stack>
  )
}

export function FeesPage() {
  const { t, mnt, local, num, date } = useI18n()
  const branches = useBranches()
  const assemblies = useOperation('assemblies.list', {})
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/fees' })
  const set = (patch: Partial<Search>) => void navigate(patchSearch<Search>(patch))
  // Without a year in the address: the latest year with a fee decision.
  const decided = (assemblies.data ?? []).filter((a) => a.feeDecided).map((a) => a.year)
  const y = search.year ?? (decided.length ? Math.max(...decided) : new Date().getFullYear())
  const branchId = search.branch
  const [paying, setPaying] = useState<{ target: PaymentTarget; amountMinor: number } | null>(null)
  const ready = assemblies.data !== undefined || search.year !== undefined
  const overview = useOperation('fees.overview', { year: y }, { enabled: ready })
  const tab = search.tab ?? 'overview'
  const unpaid = useOperation('fees.members', { year: y, onlyArrears: true, page: tab === 'unpaid' ? (search.page ?? 1) : 1, pageSize: PAGE_SIZE, ...(branchId ? { branchId } : {}) }, { enabled: ready })
  const canWrite = useCanWrite()
  const payments = useOperation('fees.payments', { year: y, withVoided: search.voided ?? false, page: tab === 'payments' ? (search.page ?? 1) : 1, pageSize: PAGE_SIZE, ...(branchId ? { branchId } : {}) }, { enabled: ready })
  const money = (minor: number) => mnt(minor)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.fees')}</Title>
        <Group>
          <Select label={t('assembly.year')} allowDeselect={false} value={String(y)} onChange={(v) => set({ year: v ? Number(v) : undefined })} data={YEAR_OPTIONS} w={110} />
          <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={branchId ?? null} onChange={(v) => set({ branch: v ?? undefined })} />
        </Group>
      </Group>
      <Tabs value={tab} onChange={(tab) => set({ tab: tab === 'overview' ? undefined : (tab as Search['tab']), page: undefined })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('fee.overview')}</Tabs.Tab>
          <Tabs.Tab value="unpaid">{t('fee.unpaid')}</Tabs.Tab>
          <Tabs.Tab value="payments">{t('fee.payments')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack>
            {overview.data && (
              <Text size="sm">
                {t('fee.central')}: {overview.data.centralFee ? `${mnt(overview.data.centralFee.amountMinor)}${overview.data.centralFee.minimumMinor !== null ? `, ${t('fee.minimumShort')} ${mnt(overview.data.centralFee.minimumMinor)}` : ''}` : t('fee.notDecided')}
                {overview.data.centralFee && !overview.data.centralFee.quorumMet && (
                  <Badge ml="xs" color="red">
                    {t('fee.noQuorumMark')}
                  </Badge>
                )}
              </Text>
            )}
            <DataTable
              label={t('fee.overview')}
              state={overview}
              rows={(o) => o.branches.filter((b) => !branchId || b.branchId === branchId)}
              rowKey={(b) => b.branchId}
              columns={[
                { key: 'branch', header: t('branch.name'), cell: (b: BranchFees) => local(b.branchName) },
                {
                  key: 'local',
                  header: t('fee.local'),
                  numeric: true,
                  cell: (b) => (
                    <>
                      {b.localFee ? mnt(b.localFee.amountMinor) : <Text span c="dimmed" size="xs">{t('fee.notDecided')}</Text>}
                      {b.localFee && !b.localFee.quorumMet && <Badge ml={4} size="xs" color="red">!</Badge>}
                    </>
                  ),
                },
                { key: 'liable', header: t('fee.liable'), numeric: true, cell: (b) => num(b.liable) },
                { key: 'due', header: t('fee.due'), numeric: true, cell: (b) => money(b.dueMinor) },
                { key: 'paid', header: t('fee.paid'), numeric: true, cell: (b) => money(b.paidMinor) },
                { key: 'arrears', header: t('fee.arrears'), numeric: true, cell: (b) => <Text span size="sm" c={b.arrearsMinor > 0 ? 'red' : undefined}>{money(b.arrearsMinor)}</Text> },
                { key: 'centralDue', header: t('fee.centralDue'), cell: (b) => <CentralCell c={b.central} /> },
                { key: 'centralPaid', header: t('fee.centralPaid'), numeric: true, cell: (b) => (b.central ? money(b.central.paidMinor) : '—') },
                {
                  key: 'pay',
                  header: '',
                  cell: (b) =>
                    b.central && b.central.arrearsMinor > 0 ? (
                      <Writes>
                      <Button size="xs" variant="subtle" onClick={() => setPaying({ target: { kind: 'branch', branchId: b.branchId, name: local(b.branchName) }, amountMinor: b.central!.arrearsMinor })}>
                        {t('fee.payCentral')}
                      </Button>
                      </Writes>
                    ) : null,
                },
              ]}
              footer={(o) => (
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td>{t('common.total')}</Table.Td>
                    <Table.Td />
                    <Table.Td ta="right">{num(o.totals.liable)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(o.totals.dueMinor)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(o.totals.paidMinor)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(o.totals.arrearsMinor)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{money(o.totals.centralDueMinor)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(o.totals.centralPaidMinor)}</Table.Td>
                    <Table.Td />
                  </Table.Tr>
                </Table.Tfoot>
              )}
              minWidth={980}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="unpaid" pt="md">
          <DataTable
            label={t('fee.unpaid')}
            state={unpaid}
            rows={(u) => u.rows}
            rowKey={(r) => r.membershipId}
            emptyText={t('fee.allPaid')}
            paging={{ pageSize: PAGE_SIZE, total: (u) => u.total, page: (u) => u.page, onPage: (page) => void navigate(pageSearch<Search>(page)) }}
            columns={[
              {
                key: 'member',
                header: t('fee.member'),
                cell: (r: MemberFeeRow) => (
                  <>
                    {r.personId ? (
                      <AnchorLink to="/persons/$id" params={{ id: r.personId }}>
                        {r.memberName}
                      </AnchorLink>
                    ) : (
                      r.memberName
                    )}
                    {r.registerNumber && (
                      <Text span size="xs" c="dimmed" ml={6}>
                        <Verbatim nowrap>{r.registerNumber}</Verbatim>
                      </Text>
                    )}
                  </>
                ),
              },
              { key: 'branch', header: t('branch.name'), cell: (r) => local(r.branchName) },
              { key: 'due', header: t('fee.due'), numeric: true, cell: (r) => money(r.dueMinor) },
              { key: 'paid', header: t('fee.paid'), numeric: true, cell: (r) => money(r.paidMinor) },
              { key: 'arrears', header: t('fee.arrears'), numeric: true, cell: (r) => <Text span size="sm" c="red">{money(r.arrearsMinor)}</Text> },
              {
                key: 'pay',
                header: '',
                cell: (r) => (
                  <Writes>
                  <Button size="xs" variant="light" aria-label={`${t('fee.pay')}: ${r.memberName}`} onClick={() => setPaying({ target: { kind: 'member', membershipId: r.membershipId, name: r.memberName }, amountMinor: r.arrearsMinor })}>
                    {t('fee.pay')}
                  </Button>
                  </Writes>
                ),
              },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="payments" pt="md">
          <Checkbox mb="sm" label={t('fin.showVoided')} checked={search.voided ?? false} onChange={(e) => set({ voided: e.currentTarget.checked || undefined })} />
          <DataTable
            label={t('fee.payments')}
            state={payments}
            rows={(p) => p.rows}
            rowKey={(r) => r.id}
            paging={{ pageSize: PAGE_SIZE, total: (p) => p.total, page: (p) => p.page, onPage: (page) => void navigate(pageSearch<Search>(page)) }}
            columns={[
              { key: 'paidOn', header: t('fee.paidOn'), numeric: true, sortValue: (r: FeePayment) => r.paidOn, cell: (r) => date(r.paidOn) },
              {
                key: 'receipt',
                header: t('fee.receipt'),
                sortValue: (r) => r.receiptNumber,
                cell: (r) => (
                  <>
                    <Verbatim nowrap>{r.receiptNumber}</Verbatim>
                    {r.voided && <VoidNote voided={r.voided} />}
                  </>
                ),
              },
              { key: 'member', header: t('fee.member'), cell: (r) => (r.kind === 'branch' ? t('fee.payCentral') : r.memberName) },
              { key: 'branch', header: t('branch.name'), cell: (r) => local(r.branchName) },
              { key: 'amount', header: t('fee.amount'), numeric: true, sortValue: (r) => r.amountMinor, cell: (r) => money(r.amountMinor) },
              canWrite && { key: 'void', header: '', cell: (r) => (r.voided ? null : <VoidButton operation="fees.voidPayment" id={r.id} what={r.receiptNumber} />) },
            ]}
            rowProps={(r) => voidedRow(r.voided, t)}
          />
        </Tabs.Panel>
      </Tabs>
      {paying && <PaymentForm target={paying.target} year={y} amountMinor={paying.amountMinor} onClose={() => setPaying(null)} onSaved={() => setPaying(null)} />}
    </Stack>
  )
}
