import { useState } from 'react'
import { Alert, Button, Card, Code, Group, NumberInput, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import { serverInput, type DatabaseSettings, type ServerProbe } from '../../../../shared/api/settings'
import { call } from '../../api'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { useContractForm } from '../../components/useContractForm'
import { withVerbatim } from '../../components/Verbatim'

/**
 * Where the data is kept: this computer's file or a shared PostgreSQL server.
 * Also shown on the error screen when the saved server cannot be reached, so
 * the user can point the app back at this computer or fix the address.
 */
export function DatabaseSettingsCard({ settings, canChange, onSaved }: { settings: DatabaseSettings; canChange: boolean; onSaved(s: DatabaseSettings): void }) {
  const { t } = useI18n()
  const saved = settings.saved
  const [kind, setKind] = useState<'local' | 'server'>(saved.kind)
  const [probe, setProbe] = useState<ServerProbe | null>(null)
  const [done, setDone] = useState(false)
  const f = useContractForm(serverInput, {
    host: saved.kind === 'server' ? saved.host : '',
    port: saved.kind === 'server' ? saved.port : 5432,
    database: saved.kind === 'server' ? saved.database : 'spn',
    user: saved.kind === 'server' ? saved.user : '',
    password: '',
  })
  const hasPassword = saved.kind === 'server' && saved.hasPassword

  const test = async () => {
    const input = f.parse()
    if (!input) return
    f.setBusy(true)
    setProbe(null)
    const r = await call('settings.testServer', input)
    f.setBusy(false)
    if (r.ok) setProbe(r.value)
    else f.serverError(r.error)
  }
  const save = async () => {
    setDone(false)
    let r
    if (kind === 'local') {
      f.setBusy(true)
      r = await write('settings.saveDatabase', { kind: 'local' })
    } else {
      const input = f.parse()
      if (!input) return
      f.setBusy(true)
      r = await write('settings.saveDatabase', { kind: 'server', ...input })
    }
    f.setBusy(false)
    if (r.ok) {
      setDone(true)
      onSaved(r.value)
    } else f.serverError(r.error)
  }

  return (
    <Card withBorder padding="lg" maw={720}>
      <Stack gap="sm">
        <Title order={4}>{t('settings.database')}</Title>
        <Text size="sm" data-testid="settings-now">
          <Text span fw={600}>
            {t('settings.now')}:{' '}
          </Text>
          {withVerbatim(t(settings.active.engine === 'sqlite' ? 'settings.nowLocal' : 'settings.nowServer', { location: settings.active.location }), settings.active.location)}
        </Text>
        {settings.overridden && <Alert color="yellow">{t('settings.overridden')}</Alert>}
        <Radio.Group value={kind} onChange={(v) => setKind(v as 'local' | 'server')} aria-label={t('settings.database')}>
          <Stack gap="xs">
            <Radio value="local" label={t('settings.local')} description={t('settings.localHint')} disabled={!canChange} />
            <Radio value="server" label={t('settings.server')} description={t('settings.serverHint')} disabled={!canChange} />
          </Stack>
        </Radio.Group>
        {kind === 'server' && (
          <Stack gap="xs" pl="xl">
            <Group grow align="flex-start">
              <TextInput label={t('settings.host')} required value={f.values.host} onChange={(e) => f.set('host', e.currentTarget.value)} error={f.errors.host} placeholder="192.168.1.10" disabled={!canChange} />
              <NumberInput label={t('settings.port')} required value={f.values.port} onChange={(v) => f.set('port', Number(v) || 0)} error={f.errors.port} min={1} max={65535} w={120} allowDecimal={false} thousandSeparator="" disabled={!canChange} />
            </Group>
            <Group grow align="flex-start">
              <TextInput label={t('settings.dbName')} required value={f.values.database} onChange={(e) => f.set('database', e.currentTarget.value)} error={f.errors.database} disabled={!canChange} />
              <TextInput label={t('settings.user')} required value={f.values.user} onChange={(e) => f.set('user', e.currentTarget.value)} error={f.errors.user} autoComplete="off" disabled={!canChange} />
            </Group>
            <PasswordInput
              label={t('settings.password')}
              description={hasPassword ? t('settings.passwordKept') : undefined}
              value={f.values.password}
              onChange={(e) => f.set('password', e.currentTarget.value)}
              error={f.errors.password}
              autoComplete="new-password"
              disabled={!canChange}
            />
            {probe && (
              <Alert color="green" data-testid="settings-probe">
                <Text size="sm">{t('settings.testOk', { version: probe.serverVersion })}</Text>
                <Text size="sm">
                  {probe.schemaVersion === null
                    ? t('settings.testEmpty')
                    : probe.holdsData
                      ? t('settings.testSpn', { schema: probe.schemaVersion, app: probe.appSchemaVersion })
                      : t('settings.testSpnEmpty')}
                </Text>
              </Alert>
            )}
            <Text size="xs" c="dimmed">
              <Code>{t('settings.copyHint')}</Code>
            </Text>
          </Stack>
        )}
        {f.formError && (
          <Alert color="red" role="alert">
            {f.formError}
          </Alert>
        )}
        {done && (
          <Alert color="blue" data-testid="settings-saved">
            {t('settings.saved')} {settings.restartNeeded ? t('settings.restart') : ''}
          </Alert>
        )}
        {!done && settings.restartNeeded && <Alert color="blue">{t('settings.restart')}</Alert>}
        {canChange ? (
          <Group>
            {kind === 'server' && (
              <Button variant="default" onClick={test} loading={f.busy}>
                {t('settings.test')}
              </Button>
            )}
            <Button onClick={save} loading={f.busy}>
              {t('settings.save')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('settings.noPermission')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
