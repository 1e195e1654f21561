import { Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core'
import { loanTermsInput, loansOps } from '../../../../shared/api/loans'
import type { CheckResult } from '../../../../shared/domain/eligibility'
import { isIsoDate, normalizeDate, todayIso } from '../../../../shared/domain/dates'
import { parseAmount } from '../../../../shared/domain/amount'
import { parseMonthlyRate } from '../../../../shared/domain/loans'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { AmountInput } from '../../components/AmountInput'
import { DateField } from '../../components/DateField'
import { useContractForm } from '../../components/useContractForm'

const AMOUNT_CHECKS = new Set(['savingsMultiple', 'cycleCap', 'fundCash'])

/** The loan checks with their figures: each passes or fails, with what it is held against. */
export function ChecksTable({ checks }: { checks: CheckResult[] }) {
  const { t, mnt, date } = useI18n()
  const show = (c: CheckResult, v: CheckResult['figure']) => {
    if (v === null) return ''
    if (typeof v === 'string') return date(v)
    if (AMOUNT_CHECKS.has(c.check)) return mnt(v)
    if (c.check === 'savingsCompliance' || c.check === 'attendance') return `${v}%`
    return String(v)
  }
  return (
    <Table withTableBorder aria-label={t('loan.checks')} fz="sm">
      <Table.Tbody>
        {checks.map((c) => (
          <Table.Tr key={c.check} data-testid={`check-${c.check}`} data-pass={c.pass}>
            <Table.Td c={c.pass ? 'teal' : 'red'} w={24}>
              {c.pass ? '✓' : '✗'}
            </Table.Td>
            <Table.Td>{t(`loan.check.${c.check}`)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {c.figure === null ? (c.pass ? t('loan.yes') : t('loan.no')) : show(c, c.figure)}
              {c.threshold !== null && c.figure !== null && ` / ${show(c, c.threshold)}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/**
 * A loan for a member: amount, weekly instalments, method and monthly rate,
 * the meeting of her large group that approved it and the day it was paid out.
 * The checks are shown as the amount and date are typed; the loan is refused
 * unless every one passes.
 */
export function GrantDialog({ personId, onClose }: { personId: number; onClose(): void }) {
  const { t, date } = useI18n()
  const periods = useOperation('roster.ofPerson', { personId })
  const lsgId = periods.data?.[0]?.lsgId
  const meetings = useOperation('meetings.list', { groupType: 'lsg', groupId: lsgId ?? 0 }, { enabled: lsgId !== undefined })
  const f = useContractForm(loanTermsInput, { amount: '', instalments: 16, method: 'flat', rate: '1.5', meeting: '', disbursedOn: todayIso() }, { fields: { principalMinor: 'amount', monthlyRateMicro: 'rate', approvedMeetingId: 'meeting' } })
  const v = f.values
  const day = normalizeDate(String(v.disbursedOn).trim())
  const typed = parseAmount(String(v.amount), 'MNT', 'positive')
  const check = useOperation('loans.check', { personId, on: isIsoDate(day) ? day : todayIso(), amountMinor: typed.ok ? typed.minor : 1 }, { enabled: isIsoDate(day) && typed.ok })
  const submit = async () => {
    const input = f.parse((x) => ({
      personId,
      approvedMeetingId: x.meeting ? Number(x.meeting) : undefined,
      disbursedOn: x.disbursedOn,
      principalMinor: f.amount(String(x.amount), 'MNT', 'amount'),
      instalments: x.instalments,
      method: x.method,
      monthlyRateMicro: String(x.rate).trim() === '' ? undefined : (parseMonthlyRate(String(x.rate)) ?? f.unreadableAs('rate', 'v.ratePercent')),
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('loans.grant', input)
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('loan.grant')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <Group grow align="flex-start">
        <AmountInput label={t('loan.principal')} required currency="MNT" data-autofocus {...f.input('amount')} />
        <DateField label={t('loan.disbursedOn')} required {...f.input('disbursedOn')} />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('loan.instalments')} required min={1} max={104} {...f.input('instalments')} />
        <AmountInput label={t('loan.rate')} required currency={null} rightSection="%" {...f.input('rate')} />
      </Group>
      <SegmentedControl
        aria-label={t('loan.method')}
        data={[
          { value: 'flat', label: t('loan.method.flat') },
          { value: 'declining', label: t('loan.method.declining') },
        ]}
        value={String(v.method)}
        onChange={(m) => f.set('method', m)}
      />
      <Select
        label={t('loan.approvedAt')}
        required
        data={(meetings.data?.meetings ?? []).map((m) => ({ value: String(m.id), label: date(m.heldOn) }))}
        {...f.input('meeting')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('loan.checks')}
        </Text>
        {check.data ? <ChecksTable checks={check.data.checks} /> : <Text size="sm" c="dimmed">{t('loan.checksWhenTyped')}</Text>}
      </Stack>
    </FormModal>
  )
}

const trainingInput = loansOps['training.record'].input.omit({ personId: true })

/** Records that she completed the micro-credit training. */
export function TrainingDialog({ personId, onClose }: { personId: number; onClose(): void }) {
  const { t } = useI18n()
  const f = useContractForm(trainingInput, { completedOn: todayIso(), note: '' })
  const submit = async () => {
    const input = f.parse((x) => ({ completedOn: x.completedOn, note: x.note || null }))
    if (!input) return
    f.setBusy(true)
    const r = await write('training.record', { personId, ...input })
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={t('loan.recordTraining')} onClose={onClose} onSubmit={submit} busy={f.busy} error={f.formError}>
      <DateField label={t('loan.trainingOn')} required {...f.input('completedOn')} />
      <Textarea label={t('loan.note')} autosize minRows={2} {...f.input('note')} />
    </FormModal>
  )
}
