import { Alert, Loader, Stack, Title } from '@mantine/core'
import { useI18n } from '../../i18n'
import { useOperation } from '../../query'
import { DatabaseSettingsCard } from './DatabaseSettings'
import { ProfileCard } from './ProfileCard'

export function SettingsPage() {
  const { t, errorText } = useI18n()
  const settings = useOperation('settings.get', {})
  const info = useOperation('system.info', {})
  return (
    <Stack>
      <Title order={2}>{t('settings.title')}</Title>
      {settings.status === 'error' && <Alert color="red">{errorText(settings.error)}</Alert>}
      {!settings.data ? (
        <Loader />
      ) : (
        <DatabaseSettingsCard settings={settings.data} canChange={info.data?.role === 'secretariat'} onSaved={() => settings.reload()} />
      )}
      <ProfileCard canChange={info.data?.role === 'secretariat'} />
    </Stack>
  )
}
