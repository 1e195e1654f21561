import { useState } from 'react'
import { Button, Card, Group, NumberInput, SegmentedControl, SimpleGrid, Text, Textarea, Title } from '@mantine/core'
import type { FundLedgerEntry, FundName } from '../../../../shared/api/loansTypes'
import { loansOps } from '../../../../shared/api/loans'
import { todayIso } from '../../../../shared/domain/dates'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { Field } from '../../components/Field'
import { FormModal } from '../../components/FormModal'
import { AmountInput } from '../../components/AmountInput'
import { DateField } from '../../components/DateField'
import { useContractForm } from '../../components/useContractForm'
import { Writes } from '../../components/permissions'
import { Verbatim } from '../../components/Verbatim'

/**
 * A fund's ledger from the start to today: (1) new loans and (2) common
 * interest of a large group, (3) organisational development of an area's
 * CBO — opening, allocations, capital, loans disbursed, spending, closing;
 * spending from (2) and (3) with its purpose and the households benefiting.
 */
export function FundsCard({ lsgId, branchId, funds }: { lsgId?: number; branchId: number; funds: FundName[] }) {
  const { t, date, mnt } = useI18n()
  const [fund, setFund] = useState<FundName>(funds[0]!)
  const [spending, setSpending] = useState(false)
  const ledger = useOperation('groupfunds.ledger', { fund, ...(fund === 'f3' ? { branchId } : { lsgId }), from: '2000-01-01', to: todayIso() })
  const l = ledger.data
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={4}>{t('fund.title')}</Title>
          {funds.length > 1 && <SegmentedControl size="xs" value={fund} onChange={(v) => setFund(v as FundName)} data={funds.map((f) => ({ value: f, label: t(`fund.${f}`) }))} />}
        </Group>
        {fund !== 'f1' && (
          <Writes>
            <Button size="xs" variant="light" onClick={() => setSpending(true)}>
              {t('fund.spend')}
            </Button>
          </Writes>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t(`fund.${fund}.help`)}
      </Text>
      {l && (
        <SimpleGrid cols={{ base: 2, md: 5 }} mb="sm">
          <Field label={t('fund.allocations')} value={mnt(l.totals.allocation)} />
          <Field label={t('fund.capital')} value={mnt(l.totals.capital)} />
          <Field label={t('fund.disbursed')} value={mnt(-l.totals.disbursement)} />
          <Field label={t('fund.spent')} value={mnt(-l.totals.spending)} />
          <Field label={t('fund.balance')} value={<b data-testid={`fund-${fund}`}>{mnt(l.closingMinor)}</b>} />
        </SimpleGrid>
      )}
      <DataTable
        label={t('fund.title')}
        state={ledger}
        rows={(x) => [...x.entries].reverse()}
        rowKey={(e) => e.id}
        emptyText={t('fund.none')}
        columns={[
          { key: 'date', header: t('sav.date'), numeric: true, cell: (e: FundLedgerEntry) => date(e.entryOn) },
          { key: 'kind', header: t('sav.kind'), cell: (e) => t(`fund.kind.${e.kind}`) },
          { key: 'amount', header: t('sav.amount'), numeric: true, cell: (e) => mnt(e.amountMinor) },
          { key: 'group', header: t('g.lsg'), cell: (e) => <Verbatim>{e.lsgCode ?? ''}</Verbatim> },
          { key: 'note', header: t('fund.purpose'), cell: (e) => <Verbatim>{[e.purpose, e.voucher, e.households === null ? null : t('fund.householdsN', { n: e.households }), e.reason].filter(Boolean).join(' · ')}</Verbatim> },
        ]}
      />
      {spending && fund !== 'f1' && <SpendDialog fund={fund} lsgId={lsgId} branchId={branchId} onClose={() => setSpending(false)} />}
    </Card>
  )
}

function SpendDialog({ fund, lsgId, branchId, onClose }: { fund: 'f2' | 'f3'; lsgId?: number; branchId: number; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(loansOps['groupfunds.spend'].input, { amount: '', spentOn: todayIso(), purpose: '', households: '' as number | '' }, { fields: { amountMinor: 'amount' } })
  const submit = async () => {
    const input = f.parse((v) => ({
      fund,
      ...(fund === 'f3' ? { branchId } : { lsgId }),
      spentOn: v.spentOn,
      amountMinor: f.amount(String(v.amount), 'MNT', 'amount'),
      purpose: v.purpose,
      households: v.households === '' ? null : v.households,
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('groupfunds.spend', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={`${t('fund.spend')}: ${t(`fund.${fund}`)}`} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <AmountInput label={t('sav.amount')} required currency="MNT" data-autofocus {...f.input('amount')} />
        <DateField label={t('sav.date')} required {...f.input('spentOn')} />
      </Group>
      <Textarea label={t('fund.purpose')} required autosize minRows={2} {...f.input('purpose')} />
      <NumberInput label={t('fund.households')} min={0} {...f.input('households')} />
    </FormModal>
  )
}
