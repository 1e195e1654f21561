import type { MembershipEventType, MembershipStatus } from '../domain/membership'

/** Output types of the contract: plain JSON the renderer can use directly. */
/** A name kept in Mongolian and English; the UI picks by language. */
export interface LocalName {
  mn: string
  en: string
}

export interface Page<T> {
  rows: T[]
  total: number
  page: number
  pageSize: number
}

export interface Branch {
  id: number
  /** Moves on by one with every change; an update names the version it started from. */
  version: number
  code: string
  nameMn: string
  nameEn: string
  areaCode: string
  isProjectBranch: boolean
  establishedOn: string | null
  notes: string | null
}

export interface BranchWithCounts extends Branch {
  activeMembers: number
  households: number
  persons: number
}

export interface Person {
  id: number
  /** Moves on by one with every change; an update names the version it started from. */
  version: number
  clanName: string | null
  patronymic: string
  givenName: string
  latinName: string | null
  registerNumber: string | null
  gender: 'female' | 'male'
  birthDate: string | null
  phone: string | null
  branchId: number
  householdId: number | null
}

export interface PersonRow extends Person {
  shortName: string
  branchName: LocalName
  membershipStatus: MembershipStatus | null
}

export interface Household {
  id: number
  /** Moves on by one with every change; an update names the version it started from. */
  version: number
  branchId: number
  headPersonId: number | null
  singleWomanHeaded: boolean
  childrenCount: number
  areaCode: string
  soum: string | null
  bag: string | null
  addressLine: string | null
  registeredOn: string
}

export interface HouseholdRow extends Household {
  headName: string | null
  branchName: LocalName
  memberCount: number
}

export interface Organisation {
  id: number
  nameMn: string
  nameEn: string | null
  kind: 'network' | 'group'
  areaCode: string
  contactName: string | null
  phone: string | null
  /** The organisation's SPN membership, once it has applied. */
  membershipId: number | null
}

export interface MembershipEvent {
  id: number
  seq: number
  type: MembershipEventType
  effectiveDate: string
  /** The local organisation the decision concerns (the one applied to). */
  branchId: number
  branchName: LocalName
  reason: string | null
  reference: string | null
  recordedAt: string
  recordedBy: string
}

export interface Membership {
  id: number
  memberType: 'person' | 'organisation'
  personId: number | null
  organisationId: number | null
  memberName: string
  branchId: number
  branchName: LocalName
  status: MembershipStatus
  events: MembershipEvent[]
}

export interface MembershipRow {
  id: number
  memberType: 'person' | 'organisation'
  personId: number | null
  organisationId: number | null
  memberName: string
  /** A person's register number, to tell namesakes apart. */
  registerNumber: string | null
  gender: 'female' | 'male' | null
  branchId: number
  branchName: LocalName
  status: MembershipStatus
  since: string
  lastDecision: string
}

/** A voided entry: when (UTC), by whom and why. It stays on the list, struck through, and counts nowhere. */
export interface Voided {
  at: string
  by: string
  reason: string
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  operation: string
  entityType: string
  entityId: number
  before: unknown
  after: unknown
  /** What an edit changed, field by field, with ids resolved to names (empty for a new record). */
  changes: AuditChange[]
}

/** A value of the audit trail as the user reads it: a name rather than an id, a date, yes or no, an amount. */
export type AuditValue =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'name'; name: LocalName }
  | { kind: 'date'; date: string }
  | { kind: 'flag'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'mnt'; minor: number }
  /** A word of the catalogues (`status.active`, `person.female`). */
  | { kind: 'word'; key: string }

export interface AuditChange {
  field: string
  before: AuditValue
  after: AuditValue
}

export interface PersonDetail {
  person: Person
  shortName: string
  branchName: LocalName
  household: HouseholdRow | null
  membership: Membership | null
  /** Records of the same person merged into this one: their audit trail is shown with hers. */
  merges: PersonMerge[]
  audit: AuditEntry[]
}

/** A person entered twice, merged into the record kept: who was merged (as she was written), why, who and when. */
export interface PersonMerge {
  keptPersonId: number
  mergedPersonId: number
  mergedName: string
  mergedRegisterNumber: string | null
  reason: string
  mergedAt: string
  mergedBy: string
}

export interface HouseholdDetail {
  household: HouseholdRow
  members: PersonRow[]
  audit: AuditEntry[]
}

export interface DashboardSummary {
  asOf: string
  totals: { branches: number; projectBranches: number; persons: number; households: number; singleWomanHeaded: number; children: number }
  membersByStatus: Record<MembershipStatus, number>
  byBranch: Array<{
    branchId: number
    branchName: LocalName
    isProjectBranch: boolean
    persons: number
    households: number
    byStatus: Record<MembershipStatus, number>
  }>
}

export interface SystemInfo {
  version: string
  schemaVersion: number
  dataDir: string
  actor: string
  role: string
}
