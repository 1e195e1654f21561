import { AssemblyAttendanceEntity, AssemblyEntity, CandidateEntity, ElectionEntity, FeeDecisionEntity, FeePaymentEntity } from '../db/entities'
import { STANDING } from '../db/entities/finance'
import { flush, Rows, type LoadTarget } from './rows'
import { electionOutcome, quorumMet, quorumNeeded } from '../../shared/domain/governance'
import { liableBranches, membershipOn, type BranchEventLike } from '../../shared/domain/membership'
import { Random } from './random'

export interface GovernanceCounts {
  assemblies: number
  feeDecisions: number
  payments: number
  elections: number
}

const PLACES: Record<string, string> = {}
/** Minutes and reasons as the secretariat writes them: in Mongolian. */
const LOCAL_DECISIONS = [
  'Өмнөх оны үйл ажиллагааны тайланг баталсан.',
  'Гишүүний татварыг тогтоож, орон нутгийн зөвлөлийг сонгосон.',
  'Өрхийн эмэгтэйчүүдийн бүлгүүдтэй хамтран ажиллах төлөвлөгөө баталсан.',
]
const GENERAL_DECISIONS = [
  'НТС-ийн жилийн тайлан, санхүүгийн тайланг баталсан.',
  'Төвийн татварын хэмжээг тогтоож, төвийн зөвлөлийг сонгосон.',
]
const ROLE_ORDER_3 = ['chair', 'treasurer', 'secretary'] as const
const ROLE_ORDER_5 = ['chair', 'vice_chair', 'treasurer', 'secretary', 'member'] as const

/**
 * Assemblies, fee decisions, payments (with some arrears) and elections for
 * every year 2004–2011, consistent with the register: eligible members and
 * candidates come from the membership history on each assembly's date.
 */
export async function loadGovernance(target: LoadTarget, rng: Random, now: string, years: number[] = [2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011]): Promise<GovernanceCounts> {
  const counts: GovernanceCounts = { assemblies: 0, feeDecisions: 0, payments: 0, elections: 0 }
  const { sql } = target
  const branches = await sql.all<{ id: number; code: string; name: string }>('SELECT id, code, name_mn AS name FROM branch ORDER BY id')
  const assemblies = await new Rows<AssemblyEntity>('assembly', AssemblyEntity).start(target)
  const attendance = await new Rows<AssemblyAttendanceEntity>('assembly_attendance', AssemblyAttendanceEntity).start(target)
  const fees = await new Rows<FeeDecisionEntity>('fee_decision', FeeDecisionEntity).start(target)
  const payments = await new Rows<FeePaymentEntity>('fee_payment', FeePaymentEntity).start(target)
  const elections = await new Rows<ElectionEntity>('election', ElectionEntity).start(target)
  const candidates = await new Rows<CandidateEntity>('candidate', CandidateEntity).start(target)
  const persons = new Set(await sql.column<number>(`SELECT id FROM membership WHERE member_type = 'person'`))
  // Who counts on a date, from the history already loaded: the TypeScript form of the rule
  // (shared/domain/membership), which a test holds equal to the SQL form the app queries with.
  const history = new Map<number, BranchEventLike[]>()
  for (const e of await sql.all<BranchEventLike & { membershipId: number }>(
    `SELECT membership_id AS "membershipId", branch_id AS "branchId", type, effective_date AS "effectiveDate", seq FROM membership_event ORDER BY membership_id, id`,
  )) {
    const list = history.get(e.membershipId) ?? []
    list.push(e)
    history.set(e.membershipId, list)
  }
  const members = [...history.keys()].sort((x, y) => x - y)
  const activeOn = (date: string, branchId: number | null) =>
    members.filter((id) => {
      const on = membershipOn(history.get(id)!, date)
      return on?.status === 'active' && (branchId === null || on.branchId === branchId)
    })
  const liableIn = (year: number, branchId: number) => members.filter((id) => liableBranches(history.get(id)!, year).includes(branchId))
  /** An assembly and its attendance list: who of the eligible came (drawn apart, so the rest of the demo stays as it was). */
  const assembly = (kind: 'local' | 'general', branchId: number | null, year: number, heldOn: string, place: string, eligible: number[], present: number, decisions: string) => {
    const id = assemblies.add({ kind, branchId, year, heldOn, place, membersPresent: present, quorumPercent: 50, quorumStrict: 1, decisions, minutes: null, createdAt: now, updatedAt: now, attendanceListed: 1 })
    const draw = new Random(id * 7919 + year)
    const came = eligible.map((m) => [draw.next(), m] as const).sort((a, b) => a[0] - b[0]).slice(0, present).map(([, m]) => m)
    for (const membershipId of came.sort((a, b) => a - b)) attendance.add({ assemblyId: id, membershipId })
    return id
  }
  const fee = (assemblyId: number, kind: 'local' | 'central', branchId: number | null, year: number, amountMinor: number, minimumMinor: number | null, referenceDate: string | null) =>
    fees.add({ assemblyId, kind, branchId, year, amountMinor, currency: 'MNT', minimumMinor, referenceDate, createdAt: now })
  const payment = (kind: 'member' | 'branch', year: number, branchId: number, membershipId: number | null, paidOn: string, amountMinor: number, receiptNumber: string) =>
    payments.add({ ...STANDING, kind, year, branchId, membershipId, paidOn, amountMinor, currency: 'MNT', receiptNumber, payer: null, note: null, createdAt: now })
  const receipts = new Map<string, number>()
  const receipt = (scope: string) => {
    const n = (receipts.get(scope) ?? 0) + 1
    receipts.set(scope, n)
    return `${scope}-${String(n).padStart(4, '0')}`
  }
  const pad = (n: number) => String(n).padStart(2, '0')

  /** Records an election among the eligible persons; resolves a tie by a second ballot. */
  const elect = (assemblyId: number, eligible: number[], present: number, seatsWanted: number) => {
    const eligiblePersons = eligible.filter((id) => persons.has(id))
    if (eligiblePersons.length === 0 || present === 0) return
    const seats = Math.min(seatsWanted, eligiblePersons.length)
    const standing = eligiblePersons.sort(() => rng.next() - 0.5).slice(0, Math.min(eligiblePersons.length, seats + rng.int(0, 2)))
    // Each present voter gives up to one vote per seat.
    let budget = present * seats
    const ballots = standing.map((id) => {
      const votes = Math.min(budget, rng.int(Math.ceil(present / 3), present))
      budget -= votes
      return { id, votes }
    })
    const outcome = electionOutcome(ballots, seats)
    const winners = new Set([...outcome.elected, ...outcome.tied.slice(0, outcome.seatsInTie)])
    const resolution = outcome.tied.length ? 'Хоёр дахь санал хураалтаар шийдсэн. / Resolved by a second ballot at the assembly.' : null
    const electionId = elections.add({ assemblyId, seats, tieResolution: resolution, createdAt: now })
    const roles = seats >= 5 ? ROLE_ORDER_5 : ROLE_ORDER_3
    const ranked = [...ballots].sort((a, b) => b.votes - a.votes).filter((b) => winners.has(b.id))
    for (const b of ballots) {
      const rank = ranked.findIndex((r) => r.id === b.id)
      candidates.add({ electionId, membershipId: b.id, votes: b.votes, elected: winners.has(b.id) ? 1 : 0, role: rank >= 0 ? (roles[rank] ?? 'member') : null })
    }
    counts.elections++
  }

  for (const year of years) {
    // Local assemblies: each branch with active members meets in February-April.
    for (const b of branches) {
      // In the founding year 2004 the first assemblies met in the autumn, once members had been admitted.
      const heldOn = year === 2004 ? `2004-${pad(rng.int(10, 11))}-${pad(rng.int(1, 28))}` : `${year}-${pad(rng.int(2, 4))}-${pad(rng.int(1, 28))}`
      const eligible = activeOn(heldOn, b.id)
      if (eligible.length === 0) continue
      // Now and then too few come: the assembly is recorded without quorum.
      const rule = { percent: 50, strict: true }
      const present = rng.chance(0.1) ? Math.max(0, quorumNeeded(eligible.length, rule) - 1) : rng.int(quorumNeeded(eligible.length, rule), eligible.length)
      PLACES[b.code] ??= b.name
      const assemblyId = assembly('local', b.id, year, heldOn, PLACES[b.code], eligible, present, rng.pick(LOCAL_DECISIONS))
      counts.assemblies++
      const localFee = (rng.int(5, 12) * 1000 + (year - 2004) * 500) * 100
      fee(assemblyId, 'local', b.id, year, localFee, null, null)
      counts.feeDecisions++
      if (quorumMet(present, eligible.length, rule)) elect(assemblyId, [...eligible], present, 3)
      for (const id of liableIn(year, b.id)) {
        const r = rng.next()
        if (r < 0.12) continue // not paid: in arrears
        const amount = r < 0.2 ? Math.round(localFee / 2 / 100) * 100 : localFee
        const month = Math.max(Number(heldOn.slice(5, 7)) + 1, rng.int(4, 11))
        payment('member', year, b.id, id, `${year}-${pad(Math.min(12, month))}-${pad(rng.int(1, 28))}`, amount, receipt(`${b.code}-${year}`))
        counts.payments++
      }
    }
    // The general assembly in May sets the central fee and elects the central board.
    const heldOn = year === 2004 ? `2004-12-${pad(rng.int(10, 20))}` : `${year}-05-${pad(rng.int(10, 25))}`
    const eligible = activeOn(heldOn, null)
    if (eligible.length === 0) continue
    const present = rng.int(quorumNeeded(eligible.length, { percent: 50, strict: true }), eligible.length)
    const assemblyId = assembly('general', null, year, heldOn, 'Улаанбаатар', eligible, present, rng.pick(GENERAL_DECISIONS))
    counts.assemblies++
    const rate = (1000 + (year - 2004) * 250) * 100
    const minimum = 5000 * 100
    const referenceDate = year === 2004 ? '2004-12-01' : `${year}-01-01`
    fee(assemblyId, 'central', null, year, rate, minimum, referenceDate)
    counts.feeDecisions++
    elect(assemblyId, [...eligible], present, 5)
    for (const b of branches) {
      const active = activeOn(referenceDate, b.id).length
      const due = Math.max(rate * active, minimum)
      if (active === 0 || rng.chance(0.15)) continue
      payment('branch', year, b.id, null, year === 2004 ? '2004-12-28' : `${year}-${pad(rng.int(6, 12))}-${pad(rng.int(1, 28))}`, due, receipt(`ТӨВ-${year}`))
      counts.payments++
    }
  }
  await flush(target, assemblies, attendance, fees, payments, elections, candidates)
  return counts
}
