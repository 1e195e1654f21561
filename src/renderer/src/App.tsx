import { Alert, AppShell, Center, Group, Loader, NavLink, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useI18n } from './i18n'
import { href, useRoute, type Route } from './router'
import { useOperation } from './components/useOperation'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { BranchesPage } from './features/branches/BranchesPage'
import { PersonsPage } from './features/persons/PersonsPage'
import { PersonPage } from './features/persons/PersonPage'
import { HouseholdsPage } from './features/households/HouseholdsPage'
import { HouseholdPage } from './features/households/HouseholdPage'
import { MembersPage } from './features/members/MembersPage'
import { ReportsPage } from './features/reports/ReportsPage'
import { AssembliesPage } from './features/assemblies/AssembliesPage'
import { AssemblyPage } from './features/assemblies/AssemblyPage'
import { FeesPage } from './features/fees/FeesPage'
import { BoardsPage } from './features/boards/BoardsPage'
import { BudgetPage } from './features/finance/BudgetPage'
import { TransfersPage } from './features/finance/TransfersPage'
import { ExpensesPage } from './features/finance/ExpensesPage'
import { BudgetVsActualPage } from './features/finance/BudgetVsActualPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { BackupsPage } from './features/settings/BackupsPage'
import { DatabaseSettingsCard } from './features/settings/DatabaseSettings'
import type { MessageKey } from '../../shared/i18n'

const NAV: Array<{ route: Route; label: MessageKey; matches: Route['page'][]; group?: MessageKey }> = [
  { route: { page: 'dashboard' }, label: 'nav.dashboard', matches: ['dashboard'] },
  { route: { page: 'branches' }, label: 'nav.branches', matches: ['branches'], group: 'nav.groupRegister' },
  { route: { page: 'persons' }, label: 'nav.persons', matches: ['persons', 'person'] },
  { route: { page: 'households' }, label: 'nav.households', matches: ['households', 'household'] },
  { route: { page: 'members' }, label: 'nav.members', matches: ['members'] },
  { route: { page: 'assemblies' }, label: 'nav.assemblies', matches: ['assemblies', 'assembly'], group: 'nav.groupGovernance' },
  { route: { page: 'fees' }, label: 'nav.fees', matches: ['fees'] },
  { route: { page: 'boards' }, label: 'nav.boards', matches: ['boards'] },
  { route: { page: 'budget' }, label: 'nav.budget', matches: ['budget'], group: 'nav.groupFinance' },
  { route: { page: 'transfers' }, label: 'nav.transfers', matches: ['transfers'] },
  { route: { page: 'expenses' }, label: 'nav.expenses', matches: ['expenses'] },
  { route: { page: 'bva' }, label: 'nav.bva', matches: ['bva'] },
  { route: { page: 'reports' }, label: 'nav.reports', matches: ['reports'], group: 'nav.groupReports' },
  { route: { page: 'settings' }, label: 'nav.settings', matches: ['settings'], group: 'nav.groupSystem' },
  { route: { page: 'backups' }, label: 'nav.backups', matches: ['backups'] },
]

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />
    case 'branches':
      return <BranchesPage />
    case 'persons':
      return <PersonsPage />
    case 'person':
      return <PersonPage id={route.id} />
    case 'households':
      return <HouseholdsPage />
    case 'household':
      return <HouseholdPage id={route.id} />
    case 'members':
      return <MembersPage />
    case 'reports':
      return <ReportsPage />
    case 'assemblies':
      return <AssembliesPage />
    case 'assembly':
      return <AssemblyPage id={route.id} />
    case 'fees':
      return <FeesPage />
    case 'boards':
      return <BoardsPage />
    case 'budget':
      return <BudgetPage />
    case 'transfers':
      return <TransfersPage />
    case 'expenses':
      return <ExpensesPage />
    case 'bva':
      return <BudgetVsActualPage />
    case 'settings':
      return <SettingsPage />
    case 'backups':
      return <BackupsPage />
  }
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
        { value: 'mn', label: 'Монгол' },
        { value: 'en', label: 'English' },
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
  const route = useRoute()
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
                {info.data.actor} · v{info.data.version}
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
          <div key={n.label}>
            {n.group && (
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} px="sm" pt="sm" pb={2}>
                {t(n.group)}
              </Text>
            )}
            <NavLink href={href(n.route)} label={t(n.label)} active={n.matches.includes(route.page)} py={6} />
          </div>
        ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Page route={route} />
      </AppShell.Main>
    </AppShell>
  )
}
