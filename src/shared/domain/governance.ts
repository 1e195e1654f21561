/** Rules of assemblies, fees and elections (DOMAIN.md: Fees; Assemblies and elections). */

export interface QuorumRule {
  /** Share of eligible members, in percent. */
  percent: number
  /** true: more than the share (the default "more than half"); false: at least the share. */
  strict: boolean
}

export const DEFAULT_QUORUM: QuorumRule = { percent: 50, strict: true }

/** Members needed for a quorum: more than half of 15 is 8; at least half of 15 is 8; of 14, 8 and 7. */
export function quorumNeeded(eligible: number, rule: QuorumRule): number {
  const exact = (eligible * rule.percent) / 100
  return rule.strict ? Math.floor(exact) + 1 : Math.ceil(exact)
}

export function quorumMet(present: number, eligible: number, rule: QuorumRule): boolean {
  return eligible > 0 && present >= quorumNeeded(eligible, rule)
}

export interface CentralFee {
  rateMinor: number
  minimumMinor: number | null
}

/**
 * A branch's central due: rate × its active members on the reference date, at
 * least the minimum. A branch without active members on that date owes nothing.
 */
export function centralDue(fee: CentralFee, activeMembers: number): { dueMinor: number; byRateMinor: number; minimumApplied: boolean } {
  const byRateMinor = fee.rateMinor * activeMembers
  const minimumApplied = activeMembers > 0 && fee.minimumMinor !== null && fee.minimumMinor > byRateMinor
  return { dueMinor: minimumApplied ? fee.minimumMinor! : byRateMinor, byRateMinor, minimumApplied }
}

export const BOARD_ROLES = ['chair', 'vice_chair', 'treasurer', 'secretary', 'member'] as const
export type BoardRole = (typeof BOARD_ROLES)[number]

export interface Ballot {
  id: number
  votes: number
}

export interface ElectionOutcome {
  /** Elected outright (clear of the tie). */
  elected: number[]
  /** Candidates tied for the last seats; empty when there is no tie. */
  tied: number[]
  /** Seats left for the tied candidates. */
  seatsInTie: number
}

/**
 * Top N by votes. When candidates with equal votes straddle the last seat, they
 * are returned as tied, for the assembly to resolve by a recorded decision.
 */
export function electionOutcome(ballots: readonly Ballot[], seats: number): ElectionOutcome {
  const sorted = [...ballots].sort((a, b) => b.votes - a.votes || a.id - b.id)
  if (sorted.length <= seats) return { elected: sorted.map((b) => b.id), tied: [], seatsInTie: 0 }
  const boundary = sorted[seats - 1].votes
  const above = sorted.filter((b) => b.votes > boundary)
  const atBoundary = sorted.filter((b) => b.votes === boundary)
  const seatsLeft = seats - above.length
  if (atBoundary.length === seatsLeft) return { elected: [...above, ...atBoundary].map((b) => b.id), tied: [], seatsInTie: 0 }
  return { elected: above.map((b) => b.id), tied: atBoundary.map((b) => b.id), seatsInTie: seatsLeft }
}

/** The most votes an election can have: every present voter gives each seat one vote. */
export function maxVotes(present: number, seats: number): number {
  return present * seats
}
