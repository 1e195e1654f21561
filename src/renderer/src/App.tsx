import { Alert, AppShell, Center, Group, Loader, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useI18n } from './i18n'
import { Outlet, useRouterState, type LinkProps } from '@tanstack/react-router'
import { useOperation } from './query'
import { AnchorLink, NavLinkLink } from './components/links'
import { DatabaseSettingsCard } from './features/settings/DatabaseSettings'
import type { MessageKey } from '../../shared/i18n'
import { Verbatim } from './components/Verbatim'

type NavTo = NonNullable<LinkProps['to']>

const NAV: Array<{ to: NavTo; label: MessageKey; group?: MessageKey }> = [
  { to: '/', label: 'nav.dashboard' },
  { to: '/branches', label: 'nav.branches', group: 'nav.groupRegister' },
  { to: '/persons', label: 'nav.persons' },
  { to: '/households', label: 'nav.households' },
  { to: '/members', label: 'nav.members' },
  { to: '/assemblies', label: 'nav.assemblies', group: 'nav.groupGovernance' },
  { to: '/fees', label: 'nav.fees' },
  { to: '/boards', label: 'nav.boards' },
  { to: '/groups', label: 'nav.groups', group: 'nav.groupProject' },
  { to: '/portfolio', label: 'nav.portfolio' },
  { to: '/activities', label: 'nav.activities' },
  { to: '/results', label: 'nav.results' },
  { to: '/survey', label: 'nav.survey' },
  { to: '/budget', label: 'nav.budget', group: 'nav.groupFinance' },
  { to: '/transfers', label: 'nav.transfers' },
  { to: '/expenses', label: 'nav.expenses' },
  { to: '/bva', label: 'nav.bva' },
  { to: '/sources', label: 'nav.sources' },
  { to: '/reports', label: 'nav.reports', group: 'nav.groupReports' },
  { to: '/settings', label: 'nav.settings', group: 'nav.groupSystem' },
  { to: '/backups', label: 'nav.backups' },
]

/** A section's link is lit on its list and on its records' pages. */
const inSection = (pathname: string, to: NavTo) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`))

/** An address that matches no page, or a record number that is not a number. */
export function NotFound() {
  const { t } = useI18n()
  return (
    <Alert color="yellow" title={t('common.notFound')} role="alert">
      <AnchorLink to="/" size="sm">
        {t('common.toDashboard')}
      </AnchorLink>
    </Alert>
  )
}

/** A page that threw while drawing: said in the user's language, the rest of the app still works. */
export function RouteError() {
  const { t } = useI18n()
  return (
    <Alert color="red" title={t('common.pageFailed')} role="alert">
      <AnchorLink to="/" size="sm">
        {t('common.toDashboard')}
      </AnchorLink>
    </Alert>
  )
}

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={lang}
      onChange={(v) => setLang(v as 'mn' | 'en')}
      data={[
        // Each language by its own name, as language switches do.
        { value: 'mn', label: <span lang="mn">Монгол</span> },
        { value: 'en', label: <Verbatim><span lang="en">English</span></Verbatim> },
      ]}
    />
  )
}

/** On the error screen: where the data is, so a wrong or unreachable server can be replaced. */
function StartupSettings() {
  const settings = useOperation('settings.get', {})
  return settings.data ? <DatabaseSettingsCard settings={settings.data} canChange onSaved={() => settings.reload()} /> : null
}

export function App() {
  const { t, errorText } = useI18n()
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  const info = useOperation('system.info', {})

  if (info.status === 'loading' && !info.data) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    )
  }
  if (info.status === 'error' && info.error.code === 'unavailable') {
    return (
      <Center h="100vh" p="xl">
        <Stack maw={640}>
          <Group justify="flex-end">
            <LanguageSwitch />
          </Group>
          <Alert color="red" title={t('startup.title')} role="alert">
            <Text size="sm">{t('startup.body')}</Text>
            <Text size="sm" mt="xs" ff="monospace" data-testid="startup-error">
              {errorText(info.error)}
            </Text>
          </Alert>
          <StartupSettings />
        </Stack>
      </Center>
    )
  }

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm' }} padding="md">
      {/* The first thing Tab reaches: past the header and the navigation, to the page itself. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        {t('common.skipToMain')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={4}>{t('app.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('app.subtitle')}
            </Text>
          </Group>
          <Group gap="md">
            {info.data && (
              <Text size="xs" c="dimmed">
                <Verbatim>{info.data.actor}</Verbatim> · v{info.data.version}
              </Text>
            )}
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {/* The list is taller than a 720-pixel screen: it scrolls on its own. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
        {NAV.map((n) => (
          <div key={n.to}>
            {n.group && (
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} px="sm" pt="sm" pb={2}>
                {t(n.group)}
              </Text>
            )}
            <NavLinkLink to={n.to} label={t(n.label)} active={inSection(pathname, n.to)} py={6} />
          </div>
        ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
