import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { AssemblyRow, FeeDecision } from '../../../../shared/api/governanceTypes'
import { feeDecisionInput } from '../../../../shared/api/governance'
import { useContractForm } from '../../components/useContractForm'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { AmountInput } from '../../components/AmountInput'
import { useCanWrite } from '../../components/permissions'
import { FeeCorrectionForm } from './FeeCorrectionForm'
import { useState } from 'react'
import { DateField } from '../../components/DateField'

/** Shows an assembly's fee decision, or records one: the local fee, or the general assembly's central fee. */
export function FeeDecisionCard({ assembly, fee }: { assembly: AssemblyRow; fee: FeeDecision | null }) {
  const { t, mnt, date } = useI18n()
  const central = assembly.kind === 'general'
  const canWrite = useCanWrite()
  const [correcting, setCorrecting] = useState(false)
  const f = useContractForm(
    feeDecisionInput,
    { amount: '', minimum: '', referenceDate: assembly.heldOn },
    { fields: { amountMinor: 'amount', minimumMinor: 'minimum' } },
  )
  const save = async () => {
    const input = f.parse((v) => ({
      assemblyId: assembly.id,
      amountMinor: f.amount(v.amount, 'MNT', 'amount'),
      ...(central ? { minimumMinor: f.amount(v.minimum, 'MNT', 'minimum') ?? null, referenceDate: v.referenceDate } : {}),
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('fees.decide', input)
    f.setBusy(false)
    if (!r.ok) f.serverError(r.error)
  }
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('fee.title')}
      </Title>
      {fee ? (
        <Group>
          <Text data-testid="fee-decision">
            {t(central ? 'fee.central' : 'fee.local')}: <b>{mnt(fee.amountMinor)}</b>
            {central && fee.minimumMinor !== null && ` · ${t('fee.minimum')}: ${mnt(fee.minimumMinor)}`}
            {central && fee.referenceDate && ` · ${t('fee.referenceDate')}: ${date(fee.referenceDate)}`}
          </Text>
          {!fee.quorumMet && <Badge color="red">{t('fee.noQuorumMark')}</Badge>}
          {canWrite && (
            <Button size="xs" variant="subtle" onClick={() => setCorrecting(true)}>
              {t('fee.correct')}
            </Button>
          )}
          {correcting && <FeeCorrectionForm fee={fee} onClose={() => setCorrecting(false)} />}
        </Group>
      ) : !canWrite ? (
        <Text size="sm" c="dimmed">
          {t('fee.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('fee.none')}
          </Text>
          <Group align="flex-start">
            <AmountInput label={t(central ? 'fee.centralRate' : 'fee.localAmount')} required currency="MNT" {...f.input('amount')} w={260} />
            {central && (
              <>
                <AmountInput label={t('fee.minimum')} currency="MNT" {...f.input('minimum')} w={200} />
                <DateField label={t('fee.referenceDate')} {...f.input('referenceDate')} w={240} />
              </>
            )}
          </Group>
          {f.formError && (
            <Text c="red" size="sm" role="alert">
              {f.formError}
            </Text>
          )}
          <Group>
            <Button size="xs" onClick={save} loading={f.busy}>
              {t('fee.decide')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  )
}
