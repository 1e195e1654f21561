import { useEffect, useState } from 'react'
import { Anchor, Badge, Button, Group, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core'
import type { BranchFees } from '../../../../shared/api/governanceTypes'
import { useI18n } from '../../i18n'
import { href } from '../../router'
import { useOperation } from '../../components/useOperation'
import { Empty, PageState } from '../../components/PageState'
import { Pager } from '../../components/Pager'
import { BranchSelect, useBranches } from '../../components/pickers'
import { YEAR_OPTIONS } from '../assemblies/AssembliesPage'
import { PaymentForm, type PaymentTarget } from './PaymentForm'

const PAGE_SIZE = 50

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
  const [year, setYear] = useState<string | null>(null)
  useEffect(() => {
    if (year === null && assemblies.data) {
      const decided = assemblies.data.filter((a) => a.feeDecided).map((a) => a.year)
      setYear(String(decided.length ? Math.max(...decided) : new Date().getFullYear()))
    }
  }, [assemblies.data, year])
  const y = Number(year ?? new Date().getFullYear())
  const [branchId, setBranchId] = useState<number | null>(null)
  const [page, setPage] = useState(1)
  const [paying, setPaying] = useState<{ target: PaymentTarget; amountMinor: number } | null>(null)
  const overview = useOperation('fees.overview', { year: y })
  const unpaid = useOperation('fees.members', { year: y, onlyArrears: true, page, pageSize: PAGE_SIZE, ...(branchId ? { branchId } : {}) })
  const payments = useOperation('fees.payments', { year: y, page: 1, pageSize: 100, ...(branchId ? { branchId } : {}) })
  const reload = () => {
    overview.reload()
    unpaid.reload()
    payments.reload()
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.fees')}</Title>
        <Group>
          <Select label={t('assembly.year')} allowDeselect={false} value={year} onChange={(v) => (setYear(v), setPage(1))} data={YEAR_OPTIONS} w={110} />
          <BranchSelect label={t('person.branch')} clearable placeholder={t('common.all')} branches={branches.data ?? []} value={branchId} onChange={(v) => (setBranchId(v), setPage(1))} />
        </Group>
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('fee.overview')}</Tabs.Tab>
          <Tabs.Tab value="unpaid">{t('fee.unpaid')}</Tabs.Tab>
          <Tabs.Tab value="payments">{t('fee.payments')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <PageState state={overview} reload={overview.reload}>
            {(o) => (
              <Stack>
                <Text size="sm">
                  {t('fee.central')}: {o.centralFee ? `${mnt(o.centralFee.amountMinor)}${o.centralFee.minimumMinor !== null ? `, ${t('fee.minimumShort')} ${mnt(o.centralFee.minimumMinor)}` : ''}` : t('fee.notDecided')}
                  {o.centralFee && !o.centralFee.quorumMet && (
                    <Badge ml="xs" color="red">
                      {t('fee.noQuorumMark')}
                    </Badge>
                  )}
                </Text>
                {/* Wider than a 1280-pixel screen in Mongolian: it scrolls inside the page, never past it. */}
                <Table.ScrollContainer minWidth={980}>
                <Table striped withTableBorder aria-label={t('fee.overview')} style={{ whiteSpace: 'nowrap' }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('branch.name')}</Table.Th>
                      <Table.Th ta="right">{t('fee.local')}</Table.Th>
                      <Table.Th ta="right">{t('fee.liable')}</Table.Th>
                      <Table.Th ta="right">{t('fee.due')}</Table.Th>
                      <Table.Th ta="right">{t('fee.paid')}</Table.Th>
                      <Table.Th ta="right">{t('fee.arrears')}</Table.Th>
                      <Table.Th>{t('fee.centralDue')}</Table.Th>
                      <Table.Th ta="right">{t('fee.centralPaid')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {o.branches
                      .filter((b) => !branchId || b.branchId === branchId)
                      .map((b) => (
                        <Table.Tr key={b.branchId}>
                          <Table.Td>{local(b.branchName)}</Table.Td>
                          <Table.Td ta="right">
                            {b.localFee ? mnt(b.localFee.amountMinor) : <Text span c="dimmed" size="xs">{t('fee.notDecided')}</Text>}
                            {b.localFee && !b.localFee.quorumMet && <Badge ml={4} size="xs" color="red">!</Badge>}
                          </Table.Td>
                          <Table.Td ta="right">{num(b.liable)}</Table.Td>
                          <Table.Td ta="right">{mnt(b.dueMinor)}</Table.Td>
                          <Table.Td ta="right">{mnt(b.paidMinor)}</Table.Td>
                          <Table.Td ta="right" c={b.arrearsMinor > 0 ? 'red' : undefined}>{mnt(b.arrearsMinor)}</Table.Td>
                          <Table.Td><CentralCell c={b.central} /></Table.Td>
                          <Table.Td ta="right">{b.central ? mnt(b.central.paidMinor) : '—'}</Table.Td>
                          <Table.Td>
                            {b.central && b.central.arrearsMinor > 0 && (
                              <Button size="xs" variant="subtle" onClick={() => setPaying({ target: { kind: 'branch', branchId: b.branchId, name: local(b.branchName) }, amountMinor: b.central!.arrearsMinor })}>
                                {t('fee.payCentral')}
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    <Table.Tr fw={700}>
                      <Table.Td>{t('common.total')}</Table.Td>
                      <Table.Td />
                      <Table.Td ta="right">{num(o.totals.liable)}</Table.Td>
                      <Table.Td ta="right">{mnt(o.totals.dueMinor)}</Table.Td>
                      <Table.Td ta="right">{mnt(o.totals.paidMinor)}</Table.Td>
                      <Table.Td ta="right">{mnt(o.totals.arrearsMinor)}</Table.Td>
                      <Table.Td>{mnt(o.totals.centralDueMinor)}</Table.Td>
                      <Table.Td ta="right">{mnt(o.totals.centralPaidMinor)}</Table.Td>
                      <Table.Td />
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
                </Table.ScrollContainer>
              </Stack>
            )}
          </PageState>
        </Tabs.Panel>
        <Tabs.Panel value="unpaid" pt="md">
          <PageState state={unpaid} reload={unpaid.reload}>
            {(u) =>
              u.total === 0 ? (
                <Text c="dimmed">{t('fee.allPaid')}</Text>
              ) : (
                <>
                  <Table striped withTableBorder aria-label={t('fee.unpaid')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('fee.member')}</Table.Th>
                        <Table.Th>{t('branch.name')}</Table.Th>
                        <Table.Th ta="right">{t('fee.due')}</Table.Th>
                        <Table.Th ta="right">{t('fee.paid')}</Table.Th>
                        <Table.Th ta="right">{t('fee.arrears')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {u.rows.map((r) => (
                        <Table.Tr key={r.membershipId}>
                          <Table.Td>{r.personId ? <Anchor href={href({ page: 'person', id: r.personId })}>{r.memberName}</Anchor> : r.memberName}</Table.Td>
                          <Table.Td>{local(r.branchName)}</Table.Td>
                          <Table.Td ta="right">{mnt(r.dueMinor)}</Table.Td>
                          <Table.Td ta="right">{mnt(r.paidMinor)}</Table.Td>
                          <Table.Td ta="right" c="red">{mnt(r.arrearsMinor)}</Table.Td>
                          <Table.Td>
                            <Button size="xs" variant="light" aria-label={`${t('fee.pay')}: ${r.memberName}`} onClick={() => setPaying({ target: { kind: 'member', membershipId: r.membershipId, name: r.memberName }, amountMinor: r.arrearsMinor })}>
                              {t('fee.pay')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Pager page={u.page} total={u.total} pageSize={PAGE_SIZE} onChange={setPage} />
                </>
              )
            }
          </PageState>
        </Tabs.Panel>
        <Tabs.Panel value="payments" pt="md">
          <PageState state={payments} reload={payments.reload}>
            {(p) =>
              p.total === 0 ? (
                <Empty />
              ) : (
                <Table striped withTableBorder aria-label={t('fee.payments')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('fee.paidOn')}</Table.Th>
                      <Table.Th>{t('fee.receipt')}</Table.Th>
                      <Table.Th>{t('fee.member')}</Table.Th>
                      <Table.Th>{t('branch.name')}</Table.Th>
                      <Table.Th ta="right">{t('fee.amount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.rows.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{date(r.paidOn)}</Table.Td>
                        <Table.Td>{r.receiptNumber}</Table.Td>
                        <Table.Td>{r.kind === 'branch' ? t('fee.payCentral') : r.memberName}</Table.Td>
                        <Table.Td>{local(r.branchName)}</Table.Td>
                        <Table.Td ta="right">{mnt(r.amountMinor)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )
            }
          </PageState>
        </Tabs.Panel>
      </Tabs>
      {paying && (
        <PaymentForm
          target={paying.target}
          year={y}
          amountMinor={paying.amountMinor}
          onClose={() => setPaying(null)}
          onSaved={() => {
            setPaying(null)
            reload()
          }}
        />
      )}
    </Stack>
  )
}
