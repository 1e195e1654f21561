import { useState } from 'react'
import { Button, Card, Group, SegmentedControl, Select, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core'
import { savingsEntryInput } from '../../../../shared/api/savings'
import type { PersonSavings, SavingsEntry, SsgSavingsRow } from '../../../../shared/api/savingsTypes'
import { todayIso } from '../../../../shared/domain/dates'
import { ReasonDialog } from '../../components/voids'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { Field } from '../../components/Field'
import { FormModal } from '../../components/FormModal'
import { AmountInput } from '../../components/AmountInput'
import { DateField } from '../../components/DateField'
import { useContractForm } from '../../components/useContractForm'
import { Writes } from '../../components/permissions'
import { AnchorLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'

/**
 * A group member's savings on her page: the compulsory and voluntary
 * balances, what the compulsory savings owe (the weekly amount at each
 * meeting since she joined) and every entry; deposit, withdraw, reverse.
 * Shown for a person who has been in a small group.
 */
export function PersonSavingsCard({ personId }: { personId: number }) {
  const { t, date, mnt } = useI18n()
  const savings = useOperation('savings.ofPerson', { personId })
  const periods = useOperation('roster.ofPerson', { personId })
  const [dialog, setDialog] = useState<'deposit' | 'withdrawal' | SavingsEntry | null>(null)
  const s = savings.data
  if (!s || (periods.data ?? []).length === 0) return null
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('sav.title')}</Title>
        <Writes>
          <Group gap="xs">
            <Button size="xs" onClick={() => setDialog('deposit')}>
              {t('sav.deposit')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setDialog('withdrawal')}>
              {t('sav.withdraw')}
            </Button>
          </Group>
        </Writes>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }} mb="sm">
        <Field label={t('sav.compulsory')} value={mnt(s.balances.compulsory)} />
        <Field label={t('sav.voluntary')} value={mnt(s.balances.voluntary)} />
        <Field label={t('sav.weekly')} value={s.compulsory.weeklyMinor === null ? '—' : mnt(s.compulsory.weeklyMinor)} />
        <Field label={t('sav.due')} value={t('sav.dueLine', { due: mnt(s.compulsory.dueMinor), meetings: s.compulsory.meetings })} />
        <Field label={t('sav.arrears')} value={<span data-testid="savings-arrears">{mnt(s.compulsory.arrearsMinor)}</span>} />
      </SimpleGrid>
      <DataTable
        label={t('sav.entries')}
        data={s.entries}
        rows={(rows) => [...rows].reverse()}
        rowKey={(e) => e.id}
        emptyText={t('sav.noEntries')}
        columns={[
          { key: 'date', header: t('sav.date'), numeric: true, cell: (e: SavingsEntry) => date(e.entryOn) },
          { key: 'account', header: t('sav.account'), cell: (e) => t(`sav.${e.account}`) },
          {
            key: 'kind',
            header: t('sav.kind'),
            cell: (e) => (e.reversedById !== null ? <Text size="sm" td="line-through" c="dimmed">{t(`sav.kind.${e.kind}`)}</Text> : t(`sav.kind.${e.kind}`)),
          },
          { key: 'amount', header: t('sav.amount'), numeric: true, cell: (e) => mnt(e.amountMinor) },
          { key: 'balance', header: t('sav.balanceAfter'), numeric: true, cell: (e) => mnt(e.balanceAfterMinor) },
          { key: 'group', header: t('g.ssgs'), cell: (e) => <Verbatim>{e.ssgCode}</Verbatim> },
          { key: 'note', header: t('sav.note'), cell: (e) => e.reason ?? e.receipt ?? '' },
          {
            key: 'reverse',
            header: '',
            cell: (e) =>
              e.kind !== 'reversal' && e.reversedById === null ? (
                <Writes>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDialog(e)} aria-label={`${t('sav.reverse')}: ${date(e.entryOn)} ${mnt(e.amountMinor)}`}>
                    {t('sav.reverse')}
                  </Button>
                </Writes>
              ) : null,
          },
        ]}
      />
      {(dialog === 'deposit' || dialog === 'withdrawal') && <EntryDialog savings={s} kind={dialog} onClose={() => setDialog(null)} />}
      {dialog !== null && typeof dialog === 'object' && <ReverseDialog entry={dialog} onClose={() => setDialog(null)} />}
    </Card>
  )
}

function EntryDialog({ savings, kind, onClose }: { savings: PersonSavings; kind: 'deposit' | 'withdrawal'; onClose(): void }) {
  const { t, date } = useI18n()
  const [account, setAccount] = useState<'compulsory' | 'voluntary'>('compulsory')
  const lsgMeetings = useOperation('roster.ofPerson', { personId: savings.personId })
  const lsgId = lsgMeetings.data?.[0]?.lsgId
  const decisions = useOperation('meetings.list', { groupType: 'lsg', groupId: lsgId ?? 0 }, { enabled: kind === 'withdrawal' && account === 'compulsory' && lsgId !== undefined })
  const f = useContractForm(savingsEntryInput, { entryOn: todayIso(), amount: '', receipt: '', lsgMeetingId: '' }, { fields: { amountMinor: 'amount' } })
  const submit = async () => {
    const input = f.parse((v) => ({
      personId: savings.personId,
      account,
      kind,
      entryOn: v.entryOn,
      amountMinor: f.amount(v.amount, 'MNT', 'amount'),
      receipt: v.receipt || null,
      lsgMeetingId: v.lsgMeetingId ? Number(v.lsgMeetingId) : null,
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('savings.record', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={`${t(kind === 'deposit' ? 'sav.deposit' : 'sav.withdraw')}: ${savings.name}`} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <SegmentedControl
        aria-label={t('sav.account')}
        value={account}
        onChange={(v) => setAccount(v as 'compulsory' | 'voluntary')}
        data={[
          { value: 'compulsory', label: t('sav.compulsory') },
          { value: 'voluntary', label: t('sav.voluntary') },
        ]}
      />
      <Group grow align="flex-start">
        <AmountInput label={t('sav.amount')} required currency="MNT" data-autofocus {...f.input('amount')} />
        <DateField label={t('sav.date')} required {...f.input('entryOn')} />
      </Group>
      <TextInput label={t('sav.receipt')} {...f.input('receipt')} />
      {kind === 'withdrawal' && account === 'compulsory' && savings.ssg !== null && (
        <Select
          label={t('sav.decision')}
          description={t('sav.decisionHelp')}
          clearable
          data={(decisions.data?.meetings ?? []).map((m) => ({ value: String(m.id), label: date(m.heldOn) }))}
          {...f.input('lsgMeetingId')}
        />
      )}
    </FormModal>
  )
}

function ReverseDialog({ entry, onClose }: { entry: SavingsEntry; onClose(): void }) {
  const { t, date, mnt } = useI18n()
  return <ReasonDialog operation="savings.reverse" id={entry.id} title={`${t('sav.reverse')}: ${date(entry.entryOn)} · ${mnt(entry.amountMinor)}`} help={t('sav.reverseHelp')} onClose={onClose} />
}

/** A small group's members today with their savings, on the group's page. */
export function SsgSavingsCard({ ssgId }: { ssgId: number }) {
  const { t, mnt } = useI18n()
  const savings = useOperation('savings.ofSsg', { ssgId })
  const s = savings.data
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('sav.title')}</Title>
        {s && <Text size="sm">{s.weeklyMinor === null ? t('sav.noWeekly') : t('sav.weeklyLine', { amount: mnt(s.weeklyMinor) })}</Text>}
      </Group>
      <DataTable
        label={t('sav.title')}
        state={savings}
        rows={(x) => x.rows}
        rowKey={(r) => r.personId}
        columns={[
          {
            key: 'name',
            header: t('g.member'),
            cell: (r: SsgSavingsRow) => (
              <AnchorLink to="/persons/$id" params={{ id: r.personId }}>
                {r.name}
              </AnchorLink>
            ),
          },
          { key: 'compulsory', header: t('sav.compulsory'), numeric: true, cell: (r) => mnt(r.compulsoryMinor) },
          { key: 'voluntary', header: t('sav.voluntary'), numeric: true, cell: (r) => mnt(r.voluntaryMinor) },
          { key: 'due', header: t('sav.due'), numeric: true, cell: (r) => mnt(r.dueMinor) },
          { key: 'arrears', header: t('sav.arrears'), numeric: true, cell: (r) => mnt(r.arrearsMinor) },
        ]}
        footer={(x) => (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Td>{t('common.total')}</Table.Td>
              <Table.Td ta="right">{mnt(x.totals.compulsoryMinor)}</Table.Td>
              <Table.Td ta="right">{mnt(x.totals.voluntaryMinor)}</Table.Td>
              <Table.Td ta="right">{mnt(x.totals.dueMinor)}</Table.Td>
              <Table.Td ta="right">{mnt(x.totals.arrearsMinor)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      />
    </Card>
  )
}
