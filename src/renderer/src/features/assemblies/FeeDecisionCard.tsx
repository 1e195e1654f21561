import { useState } from 'react'
import { Badge, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import type { AssemblyRow, FeeDecision } from '../../../../shared/api/governanceTypes'
import { write } from '../../query'
import { useI18n } from '../../i18n'

/** Shows an assembly's fee decision, or records one: the local fee, or the general assembly's central fee. */
export function FeeDecisionCard({ assembly, fee, onSaved }: { assembly: AssemblyRow; fee: FeeDecision | null; onSaved(): void }) {
  const { t, mnt, date, errorText } = useI18n()
  const central = assembly.kind === 'general'
  const [amount, setAmount] = useState<number | string>('')
  const [minimum, setMinimum] = useState<number | string>('')
  const [referenceDate, setReferenceDate] = useState(assembly.heldOn)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    const r = await write('fees.decide', {
      assemblyId: assembly.id,
      amountMinor: Math.round(Number(amount) * 100),
      ...(central ? { minimumMinor: minimum === '' ? null : Math.round(Number(minimum) * 100), referenceDate } : {}),
    })
    setBusy(false)
    if (r.ok) onSaved()
    else setErrors({ [(r.error.field ?? 'form').replace('Minor', '')]: errorText(r.error) })
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
        </Group>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('fee.none')}
          </Text>
          <Group align="flex-start">
            <NumberInput label={t(central ? 'fee.centralRate' : 'fee.localAmount')} min={0} thousandSeparator=" " value={amount} onChange={setAmount} error={errors.amount} w={260} />
            {central && (
              <>
                <NumberInput label={t('fee.minimum')} min={0} thousandSeparator=" " value={minimum} onChange={setMinimum} error={errors.minimum} w={200} />
                <TextInput label={t('fee.referenceDate')} value={referenceDate} onChange={(e) => setReferenceDate(e.currentTarget.value)} error={errors.referenceDate} w={240} />
              </>
            )}
          </Group>
          {errors.form && (
            <Text c="red" size="sm" role="alert">
              {errors.form}
            </Text>
          )}
          {errors.assemblyId && (
            <Text c="red" size="sm" role="alert">
              {errors.assemblyId}
            </Text>
          )}
          <Group>
            <Button size="xs" onClick={save} loading={busy} disabled={amount === ''}>
              {t('fee.decide')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  )
}
