import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Loaded } from '../query'
import { useI18n } from '../i18n'

/** Loading, error and ready states of a page section, in one place. */
export function PageState<T>({ state, reload, children }: { state: Loaded<T>; reload(): void; children: (data: T) => ReactNode }) {
  const { t, errorText } = useI18n()
  if (state.status === 'error') {
    return (
      <Alert color="red" title={t('common.error', { message: '' })} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{errorText(state.error)}</Text>
          <Button size="xs" variant="light" color="red" onClick={reload}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    )
  }
  if (state.data === undefined) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader size="sm" />
        <Text ml="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      </Center>
    )
  }
  return <>{children(state.data)}</>
}

export function Empty({ filtered }: { filtered?: boolean }) {
  const { t } = useI18n()
  return (
    <Text c="dimmed" py="lg" ta="center">
      {filtered ? t('common.noMatches') : t('common.empty')}
    </Text>
  )
}
