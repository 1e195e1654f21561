import { Alert, Button, Group, Text } from '@mantine/core'
import type { ApiError } from '../../../shared/domain/result'
import { useI18n } from '../i18n'

/** A refusal that asks rather than forbids (a rate far off, an amount far larger than ever): the user may confirm it. */
export const asksToConfirm = (error: ApiError) => Boolean(error.key?.startsWith('r.confirm.'))

/** Says why the figure looks wrong; "Save anyway" sends it again, confirmed. */
export function ConfirmAlert({ error, onConfirm, busy }: { error: ApiError; onConfirm(): void; busy: boolean }) {
  const { t, errorText } = useI18n()
  return (
    <Alert color="yellow" role="alert" title={t('common.pleaseCheck')}>
      <Text size="sm">{errorText(error)}</Text>
      <Group mt="xs">
        <Button size="xs" color="yellow" variant="light" loading={busy} onClick={onConfirm}>
          {t('common.saveAnyway')}
        </Button>
      </Group>
    </Alert>
  )
}
