import { z } from 'zod'
import { MEMBERSHIP_STATUSES } from '../domain/membership'
import { op } from './define'
import { governanceOps } from './governance'
import { financeOps } from './finance'
import { groupsOps, meetingOps } from './groups'
import { resultsOps } from './results'
import { activitiesOps } from './activities'
import { indicatorOps } from './indicators'
import { surveyOps } from './survey'
import { savingsOps } from './savings'
import { loansOps } from './loans'
import { portfolioOps } from './portfolio'
import { sheetsOps } from './sheets'
import { settingsOps } from './settings'
import { backupOps } from './backups'
import type * as T from './types'
import {
  areaCode, cyrillicName, gender, id, identifier, isoDate, recordVersion, optionalText, page, pageSize, phone, registerNumber,
  requiredText, sortDir,
} from './fields'

export type { OperationDef } from './define'

const empty = z.strictObject({})

export const branchInput = z.strictObject({
  code: identifier(12).regex(/^[A-Z0-9-]+$/, { message: 'must be Latin letters, digits or -' }),
  nameMn: requiredText(120),
  nameEn: requiredText(120),
  areaCode,
  isProjectBranch: z.boolean().default(false),
  establishedOn: isoDate.nullish().transform((v) => v ?? null),
  notes: optionalText(2000),
})

export const personInput = z.strictObject({
  clanName: optionalText(60),
  patronymic: cyrillicName,
  givenName: cyrillicName,
  latinName: optionalText(120),
  registerNumber: registerNumber.nullish().transform((v) => v || null),
  gender,
  birthDate: isoDate.nullish().transform((v) => v ?? null),
  phone: phone.nullish().transform((v) => v ?? null),
  branchId: id,
  householdId: id.nullish().transform((v) => v ?? null),
})

export const householdInput = z.strictObject({
  branchId: id,
  headPersonId: id.nullish().transform((v) => v ?? null),
  singleWomanHeaded: z.boolean().default(false),
  childrenCount: z.number().int().min(0, { message: 'must be 0 or more' }).max(30, { message: 'must be at most 30' }),
  areaCode,
  soum: optionalText(80),
  bag: optionalText(80),
  addressLine: optionalText(300),
  /** When the household joined the project; today when not given. */
  registeredOn: isoDate.nullish().transform((v) => v ?? null),
})

export const organisationInput = z.strictObject({
  nameMn: requiredText(200),
  nameEn: optionalText(200),
  kind: z.enum(['network', 'group']),
  areaCode,
  contactName: optionalText(120),
  phone: phone.nullish().transform((v) => v ?? null),
})

export const membershipStatusFilter = z.enum([...MEMBERSHIP_STATUSES, 'none'])

export const personSearchInput = z.strictObject({
  query: z.string().max(100).default(''),
  branchId: id.optional(),
  status: membershipStatusFilter.optional(),
  sort: z.enum(['givenName', 'patronymic', 'registerNumber', 'birthDate', 'branch']).default('givenName'),
  dir: sortDir,
  page,
  pageSize,
})

export const applyInput = z.strictObject({
  member: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('person'), personId: id }),
    z.strictObject({ type: z.literal('organisation'), organisationId: id }),
  ]),
  branchId: id,
  date: isoDate,
  note: optionalText(500),
})

export const decideInput = z.strictObject({
  membershipId: id,
  decision: z.enum(['accepted', 'rejected', 'excluded', 'resigned', 'died', 'applied']),
  date: isoDate,
  reason: optionalText(1000),
  reference: optionalText(120),
})

/** The reports the app produces. */
export const REPORTS = ['membership', 'fees', 'assemblies', 'annual', 'groups', 'attendance', 'financial', 'funds', 'ledger', 'collection', 'portfolio', 'group-funds', 'passbook', 'activities', 'progress', 'ngo-annual'] as const
/** The project finance reports: a project year, or the whole project (cumulative); the ledger also a period. */
export const FINANCE_REPORTS: readonly string[] = ['financial', 'funds', 'ledger']
/** The reports of a project: a project year, or the whole project (the finance reports and the progress report to the donor). */
export const PROJECT_REPORTS: readonly string[] = [...FINANCE_REPORTS, 'progress']
/** The savings-and-loan reports: a date (collection sheets, portfolio), a period (group funds) or a person (passbook). */
export const LOAN_REPORTS: readonly string[] = ['collection', 'portfolio', 'group-funds', 'passbook']
const LOAN_OPTIONS = ['date', 'group', 'lsg', 'area', 'person'] as const
const groupCode = z.string().trim().min(1, { message: 'is required' }).max(40, { message: 'is too long' })

/** Which options each savings-and-loan report takes, and which of them it needs. */
function checkLoanReport(v: { report: string } & Partial<Record<(typeof LOAN_OPTIONS)[number] | 'year' | 'from' | 'to', unknown>>, ctx: z.RefinementCtx): void {
  const takes: Record<string, readonly string[]> = {
    collection: ['date', 'group', 'lsg', 'area'],
    portfolio: ['date'],
    'group-funds': ['from', 'to'],
    passbook: ['person', 'date'],
  }
  const allowed = takes[v.report]
  for (const k of [...LOAN_OPTIONS, 'year', 'from', 'to'] as const) {
    if (v[k] !== undefined && !allowed.includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: `does not apply to the ${v.report} report` })
  }
  const need = (k: string, why: string) => {
    if ((v as Record<string, unknown>)[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `is required: ${why}` })
  }
  if (v.report === 'collection') {
    need('date', 'the meeting date (or a day of the week) of the sheets')
    const scopes = (['group', 'lsg', 'area'] as const).filter((k) => v[k] !== undefined)
    if (scopes.length === 0) ctx.addIssue({ code: 'custom', path: ['group'], message: 'is required: a small group code, or a large group (lsg) or an area for all its small groups' })
    if (scopes.length > 1) ctx.addIssue({ code: 'custom', path: [scopes[1]], message: 'give one of a small group, a large group or an area' })
  }
  if (v.report === 'portfolio') need('date', 'the date of the portfolio')
  if (v.report === 'group-funds') {
    need('from', 'the first day of the period')
    need('to', 'the last day of the period')
    if (typeof v.from === 'string' && typeof v.to === 'string' && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before the start of the period (${v.from})` })
  }
  if (v.report === 'passbook') need('person', 'a register number or a person id')
}

export const reportRequest = z
  .strictObject({
    report: z.enum(REPORTS, { message: `must be one of: ${REPORTS.join(', ')}` }),
    /** A calendar year, or a period with from and to. */
    year: z.number().int().min(1900).max(2100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Finance reports: a project year (1 = March 2007 – February 2008); none means the whole project. */
    projectYear: z.number().int().min(1).max(20).optional(),
    /** Finance reports: which project (the newest when not given). */
    projectId: id.optional(),
    /** Savings-and-loan reports: the date (collection sheets: the meeting date, or any day of the week for a large group or an area). */
    date: isoDate.optional(),
    /** Collection sheets: a small group's code, or a large group's code, or an area (branch) code. */
    group: groupCode.optional(),
    lsg: groupCode.optional(),
    area: groupCode.optional(),
    /** Passbook: a civil register number or a person id. */
    person: groupCode.optional(),
    lang: z.enum(['mn', 'en']).default('mn'),
    format: z.enum(['xlsx', 'pdf'], { message: 'must be xlsx or pdf' }),
  })
  .superRefine((v, ctx) => {
    if (LOAN_REPORTS.includes(v.report)) {
      if (v.projectYear !== undefined || v.projectId !== undefined) ctx.addIssue({ code: 'custom', path: [v.projectYear !== undefined ? 'projectYear' : 'projectId'], message: 'applies only to the finance reports' })
      checkLoanReport(v, ctx)
      return
    }
    for (const k of LOAN_OPTIONS) if (v[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'applies only to the savings-and-loan reports' })
    if (PROJECT_REPORTS.includes(v.report)) {
      if (v.year !== undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: 'does not apply: finance reports use a project year' })
      else if ((v.from === undefined) !== (v.to === undefined)) ctx.addIssue({ code: 'custom', path: [v.from === undefined ? 'from' : 'to'], message: 'is required with the other end of the period' })
      else if (v.from !== undefined && v.projectYear !== undefined) ctx.addIssue({ code: 'custom', path: ['projectYear'], message: 'give either a project year or a period, not both' })
      else if (v.from !== undefined && v.report !== 'ledger') ctx.addIssue({ code: 'custom', path: ['from'], message: 'does not apply: this report covers a project year or the whole project' })
      else if (v.from !== undefined && v.to !== undefined && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before the start of the period (${v.from})` })
      return
    }
    if (v.projectYear !== undefined || v.projectId !== undefined) {
      ctx.addIssue({ code: 'custom', path: [v.projectYear !== undefined ? 'projectYear' : 'projectId'], message: 'applies only to the finance reports' })
    } else if (v.year !== undefined && (v.from !== undefined || v.to !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'give either a year or a period (from and to), not both' })
    } else if (v.year === undefined && (v.from === undefined || v.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.from === undefined && v.to === undefined ? 'year' : v.from === undefined ? 'from' : 'to'], message: 'is required: give a year, or a period from and to' })
    } else if (v.from !== undefined && v.to !== undefined && v.to < v.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before the start of the period (${v.from})` })
    }
  })

export interface ReportFile {
  fileName: string
  mimeType: string
  /** The file's bytes, base64-encoded. */
  base64: string
  byteLength: number
}

/**
 * Every operation the app offers, declared once. The dispatcher, both
 * transports, the preload allow-list and the renderer's client are typed from this.
 */
export const contract = {
  /** Version, schema version and who is working. */
  'system.info': op<T.SystemInfo>()({ summary: 'Version, schema version, data folder and user', input: empty, permission: 'system.read', write: false }),

  /** Loads the demo register into an empty database (to try the app); refused once any data exists. */
  'demo.load': op<{ branches: number; households: number; persons: number; memberships: number }>()({
    summary: 'Load the demo register into an empty database',
    input: z.strictObject({ seed: z.number().int().min(0).max(2 ** 31).default(2007) }),
    permission: 'register.write',
    write: true,
  }),

  'dashboard.summary': op<T.DashboardSummary>()({
    summary: 'Counts of persons, households and SPN members by branch and status',
    input: z.strictObject({ asOf: isoDate.optional() }),
    permission: 'register.read',
    write: false,
  }),

  'branches.list': op<T.BranchWithCounts[]>()({ summary: 'All local organisations with counts', input: empty, permission: 'register.read', write: false }),
  'branches.create': op<T.Branch>()({ summary: 'Add a local organisation', input: branchInput, permission: 'register.write', write: true }),
  'branches.update': op<T.Branch>()({
    summary: 'Change a local organisation',
    input: z.strictObject({ id, version: recordVersion, branch: branchInput }),
    permission: 'register.write',
    write: true,
  }),

  'persons.search': op<T.Page<T.PersonRow>>()({
    summary: 'Find persons by any name form or register number, Latin or Cyrillic',
    input: personSearchInput,
    permission: 'register.read',
    write: false,
  }),
  'persons.get': op<T.PersonDetail>()({ summary: 'A person with household, membership history and audit trail', input: z.strictObject({ id }), permission: 'register.read', write: false }),
  'persons.create': op<T.Person>()({ summary: 'Add a person', input: personInput, permission: 'register.write', write: true }),
  'persons.update': op<T.Person>()({
    summary: 'Change a person',
    input: z.strictObject({ id, version: recordVersion, person: personInput }),
    permission: 'register.write',
    write: true,
  }),

  'persons.delete': op<{ id: number }>()({
    summary: 'Delete a person entered by mistake, while nothing refers to her (no membership, no household she heads)',
    input: z.strictObject({ id, version: recordVersion }),
    permission: 'register.write',
    write: true,
  }),
  'persons.merge': op<T.PersonMerge>()({
    summary: 'Merge a person entered twice into the other record: her membership, household link and headship move; the kept record takes what it lacked; the merge is kept with its reason',
    input: z.strictObject({ keepId: id, keepVersion: recordVersion, mergeId: id, mergeVersion: recordVersion, reason: requiredText(1000) }),
    permission: 'register.write',
    write: true,
  }),
  'households.search': op<T.Page<T.HouseholdRow>>()({
    summary: 'Households by branch, head name or address',
    input: z.strictObject({
      query: z.string().max(100).default(''),
      branchId: id.optional(),
      singleWomanHeaded: z.boolean().optional(),
      sort: z.enum(['id', 'head', 'childrenCount', 'branch']).default('id'),
      dir: sortDir,
      page,
      pageSize,
    }),
    permission: 'register.read',
    write: false,
  }),
  'households.get': op<T.HouseholdDetail>()({ summary: 'A household with its persons and audit trail', input: z.strictObject({ id }), permission: 'register.read', write: false }),
  'households.create': op<T.Household>()({ summary: 'Add a household', input: householdInput, permission: 'register.write', write: true }),
  'households.update': op<T.Household>()({
    summary: 'Change a household',
    input: z.strictObject({ id, version: recordVersion, household: householdInput }),
    permission: 'register.write',
    write: true,
  }),

  'organisations.list': op<T.Organisation[]>()({ summary: 'Local networks and groups', input: empty, permission: 'register.read', write: false }),
  'households.delete': op<{ id: number }>()({
    summary: 'Delete a household entered by mistake or twice, while no person belongs to it',
    input: z.strictObject({ id, version: recordVersion }),
    permission: 'register.write',
    write: true,
  }),
  'organisations.create': op<T.Organisation>()({ summary: 'Add a local network or group', input: organisationInput, permission: 'register.write', write: true }),
  'organisations.delete': op<{ id: number }>()({
    summary: 'Delete an organisation entered by mistake or twice, while it has no SPN membership',
    input: z.strictObject({ id }),
    permission: 'register.write',
    write: true,
  }),

  'members.list': op<T.Page<T.MembershipRow>>()({
    summary: 'SPN members (persons and organisations) with their status on a date',
    input: z.strictObject({
      /** Any name form or register number (persons), or the organisation's name. */
      query: z.string().max(100).default(''),
      branchId: id.optional(),
      status: z.enum(MEMBERSHIP_STATUSES).optional(),
      memberType: z.enum(['person', 'organisation']).optional(),
      page,
      pageSize,
    }),
    permission: 'register.read',
    write: false,
  }),
  'members.get': op<T.Membership>()({ summary: 'A membership and its history', input: z.strictObject({ id }), permission: 'register.read', write: false }),
  'members.apply': op<T.Membership>()({ summary: 'Record an application for SPN membership', input: applyInput, permission: 'members.decide', write: true }),
  'members.decide': op<T.Membership>()({
    summary: 'Record a decision: acceptance, rejection, exclusion, resignation, death or a new application',
    input: decideInput,
    permission: 'members.decide',
    write: true,
  }),

  'reports.generate': op<ReportFile>()({
    summary: 'Produce a report as an Excel or PDF file for a year or a period, in Mongolian or English',
    input: reportRequest,
    permission: 'reports.read',
    write: false,
  }),
  /** Desktop app only: produces the report and asks where to save it. */
  'reports.save': op<{ path: string | null }>()({
    summary: 'Produce a report and save it where the user chooses (desktop app)',
    input: reportRequest,
    permission: 'reports.read',
    write: false,
  }),

  ...governanceOps,
  ...financeOps,
  ...groupsOps,
  ...meetingOps,
  ...resultsOps,
  ...activitiesOps,
  ...indicatorOps,
  ...surveyOps,
  ...savingsOps,
  ...loansOps,
  ...portfolioOps,
  ...sheetsOps,
  ...settingsOps,
  ...backupOps,

  'audit.list': op<T.Page<T.AuditEntry>>()({
    summary: 'Audit entries, newest first',
    input: z.strictObject({ entityType: z.string().max(40).optional(), entityId: id.optional(), page, pageSize }),
    permission: 'audit.read',
    write: false,
  }),
} as const

export type Contract = typeof contract
export type OperationName = keyof Contract
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>
export type OutputOf<K extends OperationName> = NonNullable<Contract[K]['output']>
export const OPERATION_NAMES = Object.keys(contract) as OperationName[]

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
