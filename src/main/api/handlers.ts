import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api/contract'
import type { ServiceContext } from '../services/context'
import { createBranch, listBranches, updateBranch } from '../services/branches'
import { createPerson, deletePerson, getPerson, searchPersons, updatePerson } from '../services/persons'
import { createHousehold, deleteHousehold, getHousehold, searchHouseholds, updateHousehold } from '../services/households'
import { createOrganisation, deleteOrganisation, listOrganisations } from '../services/organisations'
import { applyForMembership, decideMembership, getMembership, listMembers } from '../services/members'
import { dashboardSummary } from '../services/dashboard'
import { listAudit } from '../services/auditLog'
import { loadDemo } from '../demo/load'
import { DomainError } from '../../shared/domain/result'
import { generateReport } from '../services/reports'
import { createAssembly, getAssembly, listAssemblies, updateAssembly } from '../services/assemblies'
import { eligibleMembers } from '../services/attendance'
import { mergePersons } from '../services/personMerge'
import { createCbo, createLsg, createSsg, getCbo, getLsg, groupTree, updateCbo, updateLsg, updateSsg } from '../services/groups/structure'
import { getSsg, groupCandidates, joinGroup, leaveGroup, moveMember, periodsOfHousehold, periodsOfPerson } from '../services/groups/members'
import { correctMeeting, getMeeting, groupMeetings, meetingSheet, recordMeeting, weekSheets } from '../services/groups/meetings'
import { electOffice, groupOffices, officesOfPerson } from '../services/groups/offices'
import { adoptDocument, groupDocuments } from '../services/groups/documents'
import { groupProgress } from '../services/results/groupProgress'
import { addParticipants, addPartner, createActivity, getActivity, listActivities, listPartners, setActivityExpenses } from '../services/results/activities'
import { participantCandidates } from '../services/results/candidates'
import { indicatorDetail, resultsFramework } from '../services/results/framework'
import { createIndicator, enterIndicatorValue, updateIndicator } from '../services/results/indicators'
import { narratives, setNarratives } from '../services/results/narratives'
import { organisationProfiles, setOrganisationProfile } from '../services/results/profile'
import { listSurvey, recordSurvey } from '../services/results/survey'
import { importSurvey, surveyTemplate } from '../services/results/surveyFile'
import { personSavings, recordSavings, reverseSavings, ssgSavings } from '../services/savings/savings'
import { fineLoan, grantLoan, loanDetail, loansOfPerson, loansOfSsg, recordTraining, repayLoan, rescheduleLoan, reverseRepayment, writeOffLoan } from '../services/loans/loans'
import { eligibilityOf } from '../services/loans/eligibility'
import { fundBalances, fundChecks, fundLedger, recordCapital, spendFromFund } from '../services/loans/funds'
import { parSeries, portfolioQuality } from '../services/loans/portfolio'
import { collectionSheet, enterSheet } from '../services/loans/sheets'
import { importSheets } from '../services/loans/sheetImport'
import { correctFeeDecision, decideFee, feesOverview, listPayments, memberFees, recordPayment, voidPayment } from '../services/fees'
import { assignRoles, boardHistory, currentBoards, recordElection, resolveTie } from '../services/elections'
import { budgetTemplate, readBudgetFile } from '../services/finance/budgetFile'
import { createProject, getBudget, listProjects, reviseBudget, setVarianceThreshold } from '../services/finance/projects'
import { createTransfer, listTransfers, voidTransfer } from '../services/finance/transfers'
import { createExpense, searchExpenses, voidExpense } from '../services/finance/expenses'
import { budgetVsActual, setVarianceNote } from '../services/finance/budgetVsActual'
import { sourcesAndUses } from '../services/finance/sourcesAndUses'
import { listSubmitted, submitReport, submittedFile } from '../services/finance/submissions'
import { importLedger, ledgerTemplate } from '../services/finance/importLedger'
import { listFundEntries, recordFundEntry, voidFundEntry } from '../services/finance/fundEntries'
import { databaseSettings, saveDatabaseChoice, testServer, type ActiveDatabase } from '../services/settings'
import type { Maintenance } from '../services/backups'

export interface SystemFacts {
  version: string
  schemaVersion: number
  role: string
  /** Where the running app keeps its data. */
  database: ActiveDatabase
}

/** What only the desktop shell can do; absent in browser mode, the CLI and tests. */
export interface Host {
  /** Asks the user where to save (native dialog) and writes the file; null when cancelled. */
  saveFile(suggestedName: string, bytes: Buffer): Promise<string | null>
}

export type Handler<K extends OperationName> = (ctx: ServiceContext, input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>
export type Handlers = { [K in OperationName]: Handler<K> }

/** One handler per contract operation; the type makes a missing one a compile error. */
export function makeHandlers(facts: SystemFacts, host?: Host, maintenance?: Maintenance): Handlers {
  const backups = () => {
    if (!maintenance) throw new DomainError('unavailable', 'The database is not open, so there is nothing to back up or restore into.', undefined, { key: 'r.notOpen' })
    return maintenance
  }
  return {
    'system.info': (ctx) => ({ version: facts.version, schemaVersion: facts.schemaVersion, dataDir: ctx.dataDir, actor: ctx.actor, role: facts.role }),
    'demo.load': async (ctx, i) => {
      const n = await ctx.sql.value('SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM person) AS n')
      if (n > 0) throw new DomainError('conflict', 'The demo loads only into an empty database; this one already holds data.', undefined, { key: 'r.demoNotEmpty' })
      return loadDemo(ctx, { seed: i.seed, actor: ctx.actor, now: ctx.now })
    },
    'dashboard.summary': (ctx, i) => dashboardSummary(ctx, i.asOf),
    'branches.list': (ctx) => listBranches(ctx),
    'branches.create': createBranch,
    'branches.update': updateBranch,
    'persons.search': searchPersons,
    'persons.get': (ctx, i) => getPerson(ctx, i.id),
    'persons.create': createPerson,
    'persons.delete': deletePerson,
    'persons.merge': mergePersons,
    'persons.update': updatePerson,
    'households.search': searchHouseholds,
    'households.get': (ctx, i) => getHousehold(ctx, i.id),
    'households.create': createHousehold,
    'households.update': updateHousehold,
    'households.delete': deleteHousehold,
    'organisations.list': (ctx) => listOrganisations(ctx),
    'organisations.create': createOrganisation,
    'organisations.delete': deleteOrganisation,
    'members.list': listMembers,
    'members.get': (ctx, i) => getMembership(ctx, i.id),
    'members.apply': applyForMembership,
    'members.decide': decideMembership,
    'reports.generate': async (ctx, i) => (await generateReport(ctx, i)).file,
    'reports.save': async (ctx, i) => {
      if (!host) throw new DomainError('unavailable', 'Saving with a dialog needs the desktop app; in the browser the file is downloaded.', undefined, { key: 'r.needsDesktop' })
      const { file, bytes } = await generateReport(ctx, i)
      return { path: await host.saveFile(file.fileName, bytes) }
    },
    'assemblies.list': listAssemblies,
    'assemblies.get': (ctx, i) => getAssembly(ctx, i.id),
    'assemblies.create': createAssembly,
    'assemblies.eligible': eligibleMembers,
    'assemblies.update': updateAssembly,
    'fees.decide': decideFee,
    'fees.correctDecision': correctFeeDecision,
    'fees.overview': (ctx, i) => feesOverview(ctx, i.year),
    'fees.members': memberFees,
    'fees.pay': recordPayment,
    'fees.payments': listPayments,
    'fees.voidPayment': voidPayment,
    'elections.record': recordElection,
    'elections.resolveTie': resolveTie,
    'elections.assignRoles': assignRoles,
    'boards.current': (ctx) => currentBoards(ctx),
    'boards.history': (ctx, i) => boardHistory(ctx, i.personId),
    'projects.create': createProject,
    'finance.projects': (ctx) => listProjects(ctx),
    'budget.get': (ctx, i) => getBudget(ctx, i.projectId, i.versionId),
    'budget.revise': reviseBudget,
    'budget.template': (ctx, i) => budgetTemplate(ctx, i.projectId, i.lang),
    'budget.readFile': readBudgetFile,
    'transfers.list': (ctx, i) => listTransfers(ctx, i.projectId, i.withVoided),
    'transfers.create': createTransfer,
    'transfers.void': voidTransfer,
    'funds.entries': (ctx, i) => listFundEntries(ctx, i.projectId, i.withVoided),
    'funds.record': recordFundEntry,
    'funds.void': voidFundEntry,
    'expenses.search': searchExpenses,
    'expenses.create': createExpense,
    'expenses.void': voidExpense,
    'expenses.import': importLedger,
    'expenses.template': (ctx, i) => ledgerTemplate(ctx, i.projectId, i.lang),
    'finance.budgetVsActual': budgetVsActual,
    'finance.sourcesAndUses': sourcesAndUses,
    'finance.setVarianceThreshold': setVarianceThreshold,
    'reports.submit': submitReport,
    'reports.submitted': listSubmitted,
    'reports.submittedFile': submittedFile,
    'finance.setNote': setVarianceNote,
    'groups.tree': groupTree,
    'cbos.create': createCbo,
    'cbos.update': updateCbo,
    'cbos.get': (ctx, i) => getCbo(ctx, i.id),
    'lsgs.create': createLsg,
    'lsgs.update': updateLsg,
    'lsgs.get': (ctx, i) => getLsg(ctx, i.id),
    'ssgs.create': createSsg,
    'ssgs.update': updateSsg,
    'ssgs.get': (ctx, i) => getSsg(ctx, i.id),
    'roster.candidates': groupCandidates,
    'roster.join': joinGroup,
    'roster.leave': leaveGroup,
    'roster.move': moveMember,
    'roster.ofHousehold': (ctx, i) => periodsOfHousehold(ctx, i.householdId),
    'roster.ofPerson': (ctx, i) => periodsOfPerson(ctx, i.personId),
    'meetings.list': groupMeetings,
    'meetings.sheet': meetingSheet,
    'meetings.week': weekSheets,
    'meetings.get': (ctx, i) => getMeeting(ctx, i.id),
    'meetings.record': recordMeeting,
    'meetings.correct': correctMeeting,
    'offices.elect': electOffice,
    'documents.ofGroup': groupDocuments,
    'documents.adopt': adoptDocument,
    'offices.ofPerson': (ctx, i) => officesOfPerson(ctx, i.personId),
    'offices.ofGroup': (ctx, i) => groupOffices(ctx, i),
    'results.groupProgress': groupProgress,
    'activities.list': listActivities,
    'activities.get': (ctx, i) => getActivity(ctx, i.id),
    'activities.create': createActivity,
    'activities.candidates': participantCandidates,
    'activities.partners': listPartners,
    'activities.addPartner': addPartner,
    'activities.addParticipants': addParticipants,
    'activities.linkExpenses': setActivityExpenses,
    'results.framework': resultsFramework,
    'results.indicator': indicatorDetail,
    'indicators.create': createIndicator,
    'indicators.update': updateIndicator,
    'indicators.enter': enterIndicatorValue,
    'narratives.get': narratives,
    'narratives.set': setNarratives,
    'organisation.profile': organisationProfiles,
    'organisation.setProfile': setOrganisationProfile,
    'survey.list': listSurvey,
    'survey.record': recordSurvey,
    'survey.template': surveyTemplate,
    'survey.import': importSurvey,
    'savings.ofPerson': personSavings,
    'savings.ofSsg': ssgSavings,
    'savings.record': recordSavings,
    'savings.reverse': reverseSavings,
    'loans.check': eligibilityOf,
    'loans.grant': grantLoan,
    'loans.get': (ctx, i) => loanDetail(ctx, i.id, i.on),
    'loans.ofPerson': (ctx, i) => loansOfPerson(ctx, i.personId),
    'loans.ofSsg': loansOfSsg,
    'loans.repay': repayLoan,
    'loans.reverseRepayment': reverseRepayment,
    'loans.fine': fineLoan,
    'loans.writeOff': writeOffLoan,
    'loans.reschedule': rescheduleLoan,
    'training.record': recordTraining,
    'portfolio.quality': portfolioQuality,
    'portfolio.parSeries': parSeries,
    'sheets.get': collectionSheet,
    'sheets.enter': enterSheet,
    'sheets.import': importSheets,
    'groupfunds.capital': recordCapital,
    'groupfunds.balances': fundBalances,
    'groupfunds.ledger': fundLedger,
    'groupfunds.spend': spendFromFund,
    'groupfunds.check': fundChecks,
    'settings.get': (ctx) => databaseSettings(ctx, facts.database),
    'settings.testServer': testServer,
    'settings.saveDatabase': (ctx, i) => saveDatabaseChoice(ctx, i, facts.database),
    'backups.list': () => backups().list(),
    'backups.create': () => backups().create(),
    'backups.restore': (_ctx, i) => backups().restore(i.file),
    'audit.list': listAudit,
  }
}
