/**
 * SPN membership is a history of decisions; the status on any date is derived
 * from it and never stored over. Pure rules, shared by services and the UI.
 */
export const MEMBERSHIP_EVENT_TYPES = ['applied', 'accepted', 'rejected', 'excluded', 'resigned', 'died'] as const
export type MembershipEventType = (typeof MEMBERSHIP_EVENT_TYPES)[number]

export const MEMBERSHIP_STATUSES = ['applicant', 'active', 'rejected', 'excluded', 'resigned', 'deceased'] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

export interface MembershipEventLike {
  type: MembershipEventType
  /** The date the decision takes effect (`YYYY-MM-DD`). */
  effectiveDate: string
  /** Order of recording, to break ties on the same date. */
  seq: number
}

const STATUS_AFTER: Record<MembershipEventType, MembershipStatus> = {
  applied: 'applicant',
  accepted: 'active',
  rejected: 'rejected',
  excluded: 'excluded',
  resigned: 'resigned',
  died: 'deceased',
}

/** Which events may follow a status: the rules of the local board. */
const ALLOWED: Record<MembershipStatus | 'none', readonly MembershipEventType[]> = {
  none: ['applied'],
  applicant: ['accepted', 'rejected', 'died'],
  active: ['excluded', 'resigned', 'died'],
  rejected: ['applied', 'died'],
  excluded: ['applied', 'died'],
  resigned: ['applied', 'died'],
  deceased: [],
}

export function sortEvents<T extends MembershipEventLike>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.seq - b.seq)
}

/** The status on a date, or `null` when no event has taken effect by then. */
export function statusOn(events: readonly MembershipEventLike[], date: string): MembershipStatus | null {
  let status: MembershipStatus | null = null
  for (const e of sortEvents(events)) {
    if (e.effectiveDate > date) break
    status = STATUS_AFTER[e.type]
  }
  return status
}

/** A decision with the local organisation it concerns (the one applied to). */
export interface BranchEventLike extends MembershipEventLike {
  branchId: number
}

/**
 * The status on a date and the local organisation the member belonged to then:
 * both from the last decision in effect, so a later move to another local
 * organisation never changes a past date. `null` before the first decision.
 */
export function membershipOn(events: readonly BranchEventLike[], date: string): { status: MembershipStatus; branchId: number } | null {
  let last: BranchEventLike | null = null
  for (const e of sortEvents(events)) {
    if (e.effectiveDate > date) break
    last = e
  }
  return last ? { status: STATUS_AFTER[last.type], branchId: last.branchId } : null
}

/**
 * The local organisations a member owes a year's local fee to: the one she was
 * active at on 1 January, and each one that accepted her during the year. The
 * SQL form is liableMemberships in main/services/activeMembers; a test holds
 * the two equal.
 */
export function liableBranches(events: readonly BranchEventLike[], year: number): number[] {
  const out = new Set<number>()
  const jan1 = membershipOn(events, `${year}-01-01`)
  if (jan1?.status === 'active') out.add(jan1.branchId)
  for (const e of events) if (e.type === 'accepted' && e.effectiveDate >= `${year}-01-01` && e.effectiveDate <= `${year}-12-31`) out.add(e.branchId)
  return [...out].sort((a, b) => a - b)
}

/** The latest status, whatever its date. */
export function currentStatus(events: readonly MembershipEventLike[]): MembershipStatus | null {
  const sorted = sortEvents(events)
  return sorted.length ? STATUS_AFTER[sorted[sorted.length - 1].type] : null
}

export function allowedNextEvents(status: MembershipStatus | null): readonly MembershipEventType[] {
  return ALLOWED[status ?? 'none']
}

/**
 * Checks that a new event can be appended: it must follow the last event in
 * time and be allowed after the last status. Returns a message, or null.
 */
export function checkNextEvent(
  events: readonly MembershipEventLike[],
  next: { type: MembershipEventType; effectiveDate: string },
): string | null {
  const sorted = sortEvents(events)
  const last = sorted[sorted.length - 1]
  if (last && next.effectiveDate < last.effectiveDate) {
    return `must not be before the last decision (${last.effectiveDate})`
  }
  const status = last ? STATUS_AFTER[last.type] : null
  if (!allowedNextEvents(status).includes(next.type)) {
    return status ? `a ${status} membership cannot be ${next.type}` : 'a membership starts with an application'
  }
  return null
}

export function statusAfter(type: MembershipEventType): MembershipStatus {
  return STATUS_AFTER[type]
}
