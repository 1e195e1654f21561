import { useState } from 'react'
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core'
import type { InstalmentRow, RepaymentRow } from '../../../../shared/api/loansTypes'
import { ReasonDialog } from '../../components/voids'
import { loansOps } from '../../../../shared/api/loans'
import { amountText } from '../../../../shared/domain/amount'
import { todayIso } from '../../../../shared/domain/dates'
import { rateText } from '../../../../shared/domain/loans'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { PageState } from '../../components/PageState'
import { DataTable } from '../../components/DataTable'
import { Field } from '../../components/Field'
import { FormModal } from '../../components/FormModal'
import { AmountInput } from '../../components/AmountInput'
import { DateField } from '../../components/DateField'
import { useContractForm } from '../../components/useContractForm'
import { Writes } from '../../components/permissions'
import { LoanStatusBadge } from './LoansCard'
import { ChecksTable } from './GrantDialog'

/** A loan: its standing today, the schedule with what is paid of each instalment, the repayments; repay, reverse the latest. */
export function LoanDialog({ id, onClose }: { id: number; onClose(): void }) {
  const { t, date, mnt } = useI18n()
  const detail = useOperation('loans.get', { id })
  const [dialog, setDialog] = useState<'repay' | 'fine' | 'writeOff' | 'reschedule' | RepaymentRow | null>(null)
  return (
    <Modal opened onClose={onClose} size="xl" title={t('loan.title')}>
      <PageState state={detail} reload={detail.reload}>
        {(d) => {
          const l = d.loan
          const standing = d.repayments.filter((r) => r.reversesId === null && r.reversedById === null)
          const latest = standing.at(-1)
          return (
            <Stack>
              <Group justify="space-between">
                <Group gap="sm">
                  <Title order={4}>
                    {l.name} · {mnt(l.principalMinor)}
                  </Title>
                  <LoanStatusBadge loan={l} />
                </Group>
                <Writes>
                  <Group gap="xs">
                    {l.status !== 'closed' && (
                      <Button size="xs" onClick={() => setDialog('repay')}>
                        {t(l.status === 'written_off' ? 'loan.recover' : 'loan.repay')}
                      </Button>
                    )}
                    {l.status === 'active' && (
                      <>
                        <Button size="xs" variant="light" onClick={() => setDialog('fine')}>
                          {t('loan.fine')}
                        </Button>
                        <Button size="xs" variant="light" onClick={() => setDialog('reschedule')}>
                          {t('loan.reschedule')}
                        </Button>
                        <Button size="xs" variant="light" color="red" onClick={() => setDialog('writeOff')}>
                          {t('loan.writeOff')}
                        </Button>
                      </>
                    )}
                  </Group>
                </Writes>
              </Group>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Field label={t('loan.disbursedOn')} value={date(l.disbursedOn)} />
                <Field label={t('loan.approvedAt')} value={date(d.approvedOn)} />
                <Field label={t('loan.terms')} value={t('loan.termsLine', { n: l.instalments, method: t(`loan.method.${l.method}`), rate: rateText(l.monthlyRateMicro) })} />
                <Field label={t('loan.cycle')} value={l.cycle} />
                <Field label={t('loan.outstanding')} value={<span data-testid="loan-outstanding">{mnt(l.outstandingPrincipalMinor)}</span>} />
                <Field label={t('loan.overdue')} value={mnt(l.overdueMinor)} />
                <Field label={t('loan.daysLate')} value={l.daysInArrears} />
                <Field label={t('loan.next')} value={l.next ? t('loan.nextLine', { date: date(l.next.dueOn), amount: mnt(l.next.dueMinor) }) : '—'} />
              </SimpleGrid>
              <DataTable
                label={t('loan.schedule')}
                data={d.schedule}
                rows={(x) => x}
                rowKey={(i) => i.id}
                columns={[
                  { key: 'n', header: '№', numeric: true, cell: (i: InstalmentRow) => i.n },
                  { key: 'due', header: t('loan.dueOn'), numeric: true, cell: (i) => date(i.dueOn) },
                  { key: 'principal', header: t('loan.principal'), numeric: true, cell: (i) => mnt(i.principalMinor) },
                  { key: 'interest', header: t('loan.interest'), numeric: true, cell: (i) => mnt(i.interestMinor) },
                  { key: 'total', header: t('loan.instalment'), numeric: true, cell: (i) => mnt(i.principalMinor + i.interestMinor) },
                  { key: 'paid', header: t('loan.paid'), numeric: true, cell: (i) => mnt(i.paidPrincipalMinor + i.paidInterestMinor) },
                  { key: 'paidOn', header: t('loan.paidOn'), numeric: true, cell: (i) => (i.paidOn ? date(i.paidOn) : '') },
                ]}
              />
              <DataTable
                label={t('loan.repayments')}
                data={d.repayments}
                rows={(x) => x}
                rowKey={(r) => r.id}
                emptyText={t('loan.noRepayments')}
                columns={[
                  { key: 'date', header: t('loan.paidOn'), numeric: true, cell: (r: RepaymentRow) => date(r.paidOn) },
                  { key: 'amount', header: t('loan.amount'), numeric: true, cell: (r) => (r.reversedById !== null ? <Text span td="line-through" c="dimmed" size="sm">{mnt(r.amountMinor)}</Text> : mnt(r.amountMinor)) },
                  { key: 'fines', header: t('loan.fines'), numeric: true, cell: (r) => mnt(r.finesMinor) },
                  { key: 'interest', header: t('loan.interest'), numeric: true, cell: (r) => mnt(r.interestMinor) },
                  { key: 'principal', header: t('loan.principal'), numeric: true, cell: (r) => mnt(r.principalMinor) },
                  { key: 'reason', header: t('sav.note'), cell: (r) => r.reason ?? '' },
                  {
                    key: 'reverse',
                    header: '',
                    cell: (r) =>
                      latest && r.id === latest.id ? (
                        <Writes>
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDialog(r)} aria-label={`${t('sav.reverse')}: ${date(r.paidOn)} ${mnt(r.amountMinor)}`}>
                            {t('sav.reverse')}
                          </Button>
                        </Writes>
                      ) : null,
                  },
                ]}
              />
              {d.writtenOff && (
                <Text size="sm" c="red" data-testid="written-off">
                  {t('loan.writtenOffLine', { date: date(d.writtenOff.on), principal: mnt(d.writtenOff.principalMinor), interest: mnt(d.writtenOff.interestMinor), reason: d.writtenOff.reason })}
                </Text>
              )}
              {d.reschedules.map((r) => (
                <Text size="sm" key={r.scheduleNo} data-testid="rescheduled">
                  {t('loan.rescheduledLine', { date: date(r.on), reason: r.reason })}
                </Text>
              ))}
              {d.fines.length > 0 && (
                <Text size="sm">{t('loan.finesLine', { list: d.fines.map((f) => `${date(f.imposedOn)} ${mnt(f.amountMinor)} (${f.reason})`).join('; ') })}</Text>
              )}
              <Text size="sm" fw={600}>
                {t('loan.checksAtGrant')}
              </Text>
              <ChecksTable checks={d.eligibility} />
              {dialog === 'repay' && <RepayDialog loanId={l.id} dueMinor={(l.next?.dueMinor ?? 0) + l.overdueMinor + l.finesOutstandingMinor} onClose={() => setDialog(null)} />}
              {dialog !== null && typeof dialog === 'object' && <ReverseRepaymentDialog repayment={dialog} onClose={() => setDialog(null)} />}
              {dialog === 'fine' && <FineDialog loanId={l.id} onClose={() => setDialog(null)} />}
              {dialog === 'writeOff' && <WriteOffDialog loanId={l.id} lsgId={l.lsgId} onClose={() => setDialog(null)} />}
              {dialog === 'reschedule' && <RescheduleDialog loanId={l.id} lsgId={l.lsgId} onClose={() => setDialog(null)} />}
            </Stack>
          )
        }}
      </PageState>
    </Modal>
  )
}

/** A repayment: what is due pre-filled (overdue, fines and the next instalment). */
function RepayDialog({ loanId, dueMinor, onClose }: { loanId: number; dueMinor: number; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(loansOps['loans.repay'].input, { amount: dueMinor > 0 ? amountText(dueMinor, 'MNT') : '', paidOn: todayIso() }, { fields: { amountMinor: 'amount' } })
  const submit = async () => {
    const input = f.parse((v) => ({ loanId, paidOn: v.paidOn, amountMinor: f.amount(String(v.amount), 'MNT', 'amount') }))
    if (!input) return
    f.setBusy(true)
    const r = await write('loans.repay', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('loan.repay')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <AmountInput label={t('loan.amount')} required currency="MNT" data-autofocus {...f.input('amount')} />
        <DateField label={t('loan.paidOn')} required {...f.input('paidOn')} />
      </Group>
    </FormModal>
  )
}

function ReverseRepaymentDialog({ repayment, onClose }: { repayment: RepaymentRow; onClose(): void }) {
  const { t, date, mnt } = useI18n()
  return <ReasonDialog operation="loans.reverseRepayment" id={repayment.id} title={`${t('sav.reverse')}: ${date(repayment.paidOn)} · ${mnt(repayment.amountMinor)}`} help={t('loan.reverseHelp')} onClose={onClose} />
}

function FineDialog({ loanId, onClose }: { loanId: number; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(loansOps['loans.fine'].input, { amount: '', imposedOn: todayIso(), reason: '' }, { fields: { amountMinor: 'amount' } })
  const submit = async () => {
    const input = f.parse((v) => ({ loanId, imposedOn: v.imposedOn, amountMinor: f.amount(String(v.amount), 'MNT', 'amount'), reason: v.reason }))
    if (!input) return
    f.setBusy(true)
    const r = await write('loans.fine', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('loan.fine')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <AmountInput label={t('loan.amount')} required currency="MNT" data-autofocus {...f.input('amount')} />
        <DateField label={t('loan.imposedOn')} required {...f.input('imposedOn')} />
      </Group>
      <Textarea label={t('fin.voidReason')} required autosize minRows={2} {...f.input('reason')} />
    </FormModal>
  )
}

function WriteOffDialog({ loanId, lsgId, onClose }: { loanId: number; lsgId: number; onClose(): void }) {
  const { t, date } = useI18n()
  const meetings = useOperation('meetings.list', { groupType: 'lsg', groupId: lsgId })
  const f = useContractForm(loansOps['loans.writeOff'].input, { meeting: '', reason: '' }, { fields: { meetingId: 'meeting' } })
  const submit = async () => {
    const input = f.parse((v) => ({ loanId, meetingId: v.meeting ? Number(v.meeting) : undefined, reason: v.reason }))
    if (!input) return
    f.setBusy(true)
    const r = await write('loans.writeOff', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('loan.writeOff')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Text size="sm">{t('loan.writeOffHelp')}</Text>
      <Select label={t('loan.decidedAt')} required data={(meetings.data?.meetings ?? []).map((m) => ({ value: String(m.id), label: date(m.heldOn) }))} {...f.input('meeting')} />
      <Textarea label={t('fin.voidReason')} required autosize minRows={2} {...f.input('reason')} />
    </FormModal>
  )
}

function RescheduleDialog({ loanId, lsgId, onClose }: { loanId: number; lsgId: number; onClose(): void }) {
  const { t, date } = useI18n()
  const meetings = useOperation('meetings.list', { groupType: 'lsg', groupId: lsgId })
  const f = useContractForm(loansOps['loans.reschedule'].input, { meeting: '', instalments: 16, reason: '' }, { fields: { meetingId: 'meeting' } })
  const submit = async () => {
    const input = f.parse((v) => ({ loanId, meetingId: v.meeting ? Number(v.meeting) : undefined, instalments: v.instalments, reason: v.reason }))
    if (!input) return
    f.setBusy(true)
    const r = await write('loans.reschedule', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('loan.reschedule')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Text size="sm">{t('loan.rescheduleHelp')}</Text>
      <Select label={t('loan.decidedAt')} required data={(meetings.data?.meetings ?? []).map((m) => ({ value: String(m.id), label: date(m.heldOn) }))} {...f.input('meeting')} />
      <NumberInput label={t('loan.instalments')} required min={1} max={104} {...f.input('instalments')} />
      <Textarea label={t('fin.voidReason')} required autosize minRows={2} {...f.input('reason')} />
    </FormModal>
  )
}
