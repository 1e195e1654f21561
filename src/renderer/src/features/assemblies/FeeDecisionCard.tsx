import { Badge, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import type { AssemblyRow, FeeDecision } from '../../../../shared/api/governanceTypes'
import { feeDecisionInput } from '../../../../shared/api/governance'
import { useContractForm } from '../../components/useContractForm'
import { toMinor } from '../../components/amount'
import { write } from '../../query'
import { useI18n } from '../../i18n'

/** Shows an assembly's fee decision, or records one: the local fee, or the general assembly's central fee. */
export function FeeDecisionCard({ assembly, fee }: { assembly: AssemblyRow; fee: FeeDecision | null }) {
  const { t, mnt, date } = useI18n()
  const central = assembly.kind === 'general'
  const f = useContractForm(
    feeDecisionInput,
    { amount: '' as number | string, minimum: '' as number | string, referenceDate: assembly.heldOn },
    { fields: { amountMinor: 'amount', minimumMinor: 'minimum' } },
  )
  const save = async () => {
    const input = f.parse((v) => ({
      assemblyId: assembly.id,
      amountMinor: toMinor(v.amount),
      ...(central ? { minimumMinor: toMinor(v.minimum) ?? null, referenceDate: v.referenceDate } : {}),
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
        </Group>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('fee.none')}
          </Text>
          <Group align="flex-start">
            <NumberInput label={t(central ? 'fee.centralRate' : 'fee.localAmount')} required min={0} thousandSeparator=" " {...f.input('amount')} w={260} />
            {central && (
              <>
                <NumberInput label={t('fee.minimum')} min={0} thousandSeparator=" " {...f.input('minimum')} w={200} />
                <TextInput label={t('fee.referenceDate')} placeholder={t('person.dateHint')} {...f.input('referenceDate')} w={240} />
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
