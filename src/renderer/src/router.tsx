import type { ReactElement } from 'react'
import { createHashHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router'
import { z } from 'zod'
import { App, NotFound, RouteError } from './App'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { BranchesPage } from './features/branches/BranchesPage'
import { PersonsPage, personsSearch } from './features/persons/PersonsPage'
import { PersonPage } from './features/persons/PersonPage'
import { HouseholdsPage, householdsSearch } from './features/households/HouseholdsPage'
import { HouseholdPage } from './features/households/HouseholdPage'
import { MembersPage, membersSearch } from './features/members/MembersPage'
import { ReportsPage } from './features/reports/ReportsPage'
import { AssembliesPage, assembliesSearch } from './features/assemblies/AssembliesPage'
import { AssemblyPage } from './features/assemblies/AssemblyPage'
import { FeesPage, feesSearch } from './features/fees/FeesPage'
import { BoardsPage } from './features/boards/BoardsPage'
import { BudgetPage } from './features/finance/BudgetPage'
import { TransfersPage } from './features/finance/TransfersPage'
import { ExpensesPage, expensesSearch } from './features/finance/ExpensesPage'
import { BudgetVsActualPage } from './features/finance/BudgetVsActualPage'
import { SourcesPage } from './features/finance/SourcesPage'
import { NewProjectPage } from './features/finance/NewProjectPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { GroupsPage } from './features/groups/GroupsPage'
import { LsgPage } from './features/groups/LsgPage'
import { CboPage } from './features/groups/CboPage'
import { PortfolioPage } from './features/loans/PortfolioPage'
import { CollectionSheetPage, sheetSearch } from './features/loans/CollectionSheetPage'
import { SsgPage } from './features/groups/SsgPage'
import { WeeklyEntryPage, weekSearch } from './features/groups/WeeklyEntryPage'
import { BackupsPage } from './features/settings/BackupsPage'
import { ActivitiesPage, activitiesSearch } from './features/activities/ActivitiesPage'
import { ActivityPage } from './features/activities/ActivityPage'
import { NewActivityPage } from './features/activities/NewActivityPage'
import { FrameworkPage } from './features/results/FrameworkPage'
import { IndicatorPage } from './features/results/IndicatorPage'
import { SurveyPage, surveySearch } from './features/results/SurveyPage'

/**
 * The app's routes (TanStack Router, hash history so the same build works
 * from file:// in Electron and from the browser-mode server). A list keeps
 * its filters, sort and page in the URL's search, so Back returns to the list
 * as it was; every record has its own address (`#/persons/6170`).
 */
const root = createRootRoute({ component: App })

/** A record's number in the address; anything else is a page that does not exist. */
const recordId = {
  parse: ({ id }: { id: string }) => ({ id: z.coerce.number().int().positive().parse(id) }),
  stringify: ({ id }: { id: number }) => ({ id: String(id) }),
}

const child = { getParentRoute: () => root }
const personRoute = createRoute({ ...child, path: '/persons/$id', params: recordId, component: PersonRoute })
const householdRoute = createRoute({ ...child, path: '/households/$id', params: recordId, component: HouseholdRoute })
const assemblyRoute = createRoute({ ...child, path: '/assemblies/$id', params: recordId, component: AssemblyRoute })
const lsgRoute = createRoute({ ...child, path: '/groups/lsg/$id', params: recordId, component: LsgRoute })
const ssgRoute = createRoute({ ...child, path: '/groups/ssg/$id', params: recordId, component: SsgRoute })
const cboRoute = createRoute({ ...child, path: '/groups/cbo/$id', params: recordId, component: CboRoute })
const activityRoute = createRoute({ ...child, path: '/activities/$id', params: recordId, component: ActivityRoute })
const indicatorRoute = createRoute({ ...child, path: '/results/$id', params: recordId, component: IndicatorRoute })

// Typed reads of the record's number (their return types are written out: each route refers to its own component).
function PersonRoute(): ReactElement {
  return <PersonPage id={personRoute.useParams().id} />
}
function HouseholdRoute(): ReactElement {
  return <HouseholdPage id={householdRoute.useParams().id} />
}
function AssemblyRoute(): ReactElement {
  return <AssemblyPage id={assemblyRoute.useParams().id} />
}
function LsgRoute(): ReactElement {
  return <LsgPage id={lsgRoute.useParams().id} />
}
function SsgRoute(): ReactElement {
  return <SsgPage id={ssgRoute.useParams().id} />
}
function CboRoute(): ReactElement {
  return <CboPage id={cboRoute.useParams().id} />
}
function ActivityRoute(): ReactElement {
  return <ActivityPage id={activityRoute.useParams().id} />
}
function IndicatorRoute(): ReactElement {
  return <IndicatorPage id={indicatorRoute.useParams().id} />
}

const routeTree = root.addChildren([
  createRoute({ ...child, path: '/', component: DashboardPage }),
  createRoute({ ...child, path: '/branches', component: BranchesPage }),
  createRoute({ ...child, path: '/persons', validateSearch: personsSearch, component: PersonsPage }),
  personRoute,
  createRoute({ ...child, path: '/households', validateSearch: householdsSearch, component: HouseholdsPage }),
  householdRoute,
  createRoute({ ...child, path: '/members', validateSearch: membersSearch, component: MembersPage }),
  createRoute({ ...child, path: '/assemblies', validateSearch: assembliesSearch, component: AssembliesPage }),
  assemblyRoute,
  lsgRoute,
  ssgRoute,
  cboRoute,
  createRoute({ ...child, path: '/fees', validateSearch: feesSearch, component: FeesPage }),
  createRoute({ ...child, path: '/boards', component: BoardsPage }),
  createRoute({ ...child, path: '/groups', component: GroupsPage }),
  createRoute({ ...child, path: '/groups/week', validateSearch: weekSearch, component: WeeklyEntryPage }),
  createRoute({ ...child, path: '/portfolio', component: PortfolioPage }),
  createRoute({ ...child, path: '/groups/sheet', validateSearch: sheetSearch, component: CollectionSheetPage }),
  createRoute({ ...child, path: '/activities', validateSearch: activitiesSearch, component: ActivitiesPage }),
  createRoute({ ...child, path: '/activities/new', component: NewActivityPage }),
  activityRoute,
  createRoute({ ...child, path: '/results', component: FrameworkPage }),
  createRoute({ ...child, path: '/survey', validateSearch: surveySearch, component: SurveyPage }),
  indicatorRoute,
  createRoute({ ...child, path: '/projects/new', component: NewProjectPage }),
  createRoute({ ...child, path: '/budget', component: BudgetPage }),
  createRoute({ ...child, path: '/transfers', component: TransfersPage }),
  createRoute({ ...child, path: '/expenses', validateSearch: expensesSearch, component: ExpensesPage }),
  createRoute({ ...child, path: '/bva', component: BudgetVsActualPage }),
  createRoute({ ...child, path: '/sources', component: SourcesPage }),
  createRoute({ ...child, path: '/reports', component: ReportsPage }),
  createRoute({ ...child, path: '/settings', component: SettingsPage }),
  createRoute({ ...child, path: '/backups', component: BackupsPage }),
])

/** Made on start-up, after the browser-mode token has been taken out of the address. */
export function createAppRouter() {
  // A page that fails or does not exist is said inside the app's frame, the navigation still there.
  return createRouter({ routeTree, history: createHashHistory(), defaultPreload: false, scrollRestoration: true, defaultErrorComponent: RouteError, defaultNotFoundComponent: NotFound })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
