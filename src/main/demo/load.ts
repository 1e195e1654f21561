import { AuditEntryEntity, BranchEntity, HouseholdEntity, MembershipEntity, MembershipEventEntity, OrganisationEntity, PersonEntity } from '../db/entities'
import { flush, Rows, type LoadTarget } from './rows'
import { makeRegisterNumber } from '../../shared/domain/registerNumber'
import { personSearchText, personSortKey } from '../services/persons'
import { CLAN_NAMES, DEMO_BRANCHES, DEMO_ORGANISATIONS, EXCLUSION_REASONS, FEMALE_NAMES, MALE_NAMES, REJECTION_REASONS, type DemoBranch } from './nameLists'
import { addDays, Random } from './random'
import { loadGovernance } from './governance'
import { loadFinance } from './finance'
import { loadGroups, type GroupCounts } from './groups'
import { loadIndicators, loadProfile } from './results'

export interface DemoOptions {
  seed?: number
  /** Project households per project branch (240 gives the project's 1,200). */
  householdsPerBranch?: number
  /** SPN memberships to create (about 150 active at the end). */
  memberships?: number
  actor?: string
  now?: string
  /** The groups' weekly and monthly meetings with attendance and elections (about 200,000 rows at full scale); tests that need the register only leave them out. */
  groupMeetings?: boolean
  onProgress?: (done: number, total: number) => void
}

/** Demo sizes: the project's own, and ten times that for headroom. */
export const DEMO_SCALES = {
  full: { householdsPerBranch: 240, memberships: 175 },
  /** About 10,000 persons: the size the persons page and search are measured at. */
  '10k': { householdsPerBranch: 400, memberships: 175 },
  '10x': { householdsPerBranch: 2400, memberships: 1750 },
} as const
export type DemoScale = keyof typeof DEMO_SCALES

export interface DemoCounts extends GroupCounts {
  /** The results framework's indicators of the DANIDA project. */
  indicators: number
  branches: number
  households: number
  persons: number
  organisations: number
  memberships: number
  events: number
  assemblies: number
  feeDecisions: number
  payments: number
  elections: number
  transfers: number
  expenses: number
  budgetVersions: number
}

type Gender = 'female' | 'male'

/**
 * Loads a realistic, deterministic demo into an empty database: the 15 local
 * organisations, the project households and persons in the 5 project branches,
 * and SPN memberships with their decisions since 2004. In the caller's
 * transaction, with multi-row inserts (bulk path, DESIGN.md).
 */
export async function loadDemo(target: LoadTarget, opts: DemoOptions = {}): Promise<DemoCounts> {
  const rng = new Random(opts.seed ?? 2007)
  const perBranch = opts.householdsPerBranch ?? 240
  const membershipTarget = opts.memberships ?? 175
  const now = opts.now ?? new Date().toISOString()
  const actor = opts.actor ?? 'demo'
  const existing = await target.sql.value('SELECT (SELECT count(*) FROM branch) + (SELECT count(*) FROM person) AS n')
  if (existing > 0) throw new Error('The database already holds data; the demo loads only into an empty database.')

  const branchRows = await new Rows<BranchEntity>('branch', BranchEntity).start(target)
  const householdRows = await new Rows<HouseholdEntity>('household', HouseholdEntity).start(target)
  const personRows = await new Rows<PersonEntity>('person', PersonEntity).start(target)
  const orgRows = await new Rows<OrganisationEntity>('organisation', OrganisationEntity).start(target)
  const membershipRows = await new Rows<MembershipEntity>('membership', MembershipEntity).start(target)
  const eventRows = await new Rows<MembershipEventEntity>('membership_event', MembershipEventEntity).start(target)

  const usedRegister = new Set<string>()
  const registerFor = (b: DemoBranch, birthDate: string, gender: Gender): string => {
    for (let serial = 0; ; serial++) {
      const r = makeRegisterNumber(b.letters, birthDate, serial, gender)
      if (!usedRegister.has(r)) {
        usedRegister.add(r)
        return r
      }
    }
  }
  const counts: DemoCounts = { branches: 0, households: 0, persons: 0, organisations: 0, memberships: 0, events: 0, assemblies: 0, feeDecisions: 0, payments: 0, elections: 0, transfers: 0, expenses: 0, budgetVersions: 0, cbos: 0, lsgs: 0, ssgs: 0, groupMembers: 0, meetings: 0, attendance: 0, offices: 0, documents: 0, savingsEntries: 0, loans: 0, repayments: 0, indicators: 0 }
  const addPerson = (b: DemoBranch, branchId: number, householdId: number | null, gender: Gender, birthDate: string, patronymic?: string): { id: number; givenName: string } => {
    const givenName = rng.pick(gender === 'female' ? FEMALE_NAMES : MALE_NAMES)
    const p = {
      clanName: rng.chance(0.6) ? rng.pick(CLAN_NAMES) : null,
      patronymic: patronymic ?? rng.pick(MALE_NAMES),
      givenName,
      latinName: null,
      registerNumber: registerFor(b, birthDate, gender),
      phone: birthDate < '1995-01-01' && rng.chance(0.7) ? `${rng.pick(['99', '88', '95', '91', '96'])}${String(rng.int(0, 999999)).padStart(6, '0')}` : null,
      gender,
      birthDate,
      branchId,
      householdId,
      searchText: '',
      sortKey: '',
      createdAt: now,
      updatedAt: now,
    }
    p.searchText = personSearchText(p)
    p.sortKey = personSortKey(p)
    const id = personRows.add(p)
    counts.persons++
    return { id, givenName }
  }

  const totalSteps = DEMO_BRANCHES.filter((b) => b.project).length * perBranch + membershipTarget
  let done = 0
  const tick = () => {
    done++
    if (opts.onProgress && (done % 50 === 0 || done === totalSteps)) opts.onProgress(done, totalSteps)
  }

  {
    const branchIds = new Map<string, number>()
    for (const b of DEMO_BRANCHES) {
      const established = b.project ? '2004-05-12' : rng.date('2004-03-01', '2008-12-31')
      branchIds.set(
        b.code,
        branchRows.add({ code: b.code, nameMn: b.nameMn, nameEn: b.nameEn, areaCode: b.areaCode, isProjectBranch: b.project, establishedOn: established, notes: null, createdAt: now, updatedAt: now }),
      )
      counts.branches++
    }
    // Project households: sizes in pairs around 5 so each branch has exactly 5 persons per household on average.
    for (const b of DEMO_BRANCHES.filter((x) => x.project)) {
      const branchId = branchIds.get(b.code)!
      let carry = 0
      for (let i = 0; i < perBranch; i++) {
        let size: number
        if (i % 2 === 0 && i + 1 < perBranch) {
          carry = rng.int(-2, 2)
          size = 5 + carry
        } else size = 5 - carry
        carry = i % 2 === 0 ? carry : 0
        const swh = rng.chance(0.72)
        const adults = swh ? 1 : 2
        const children = Math.max(0, size - adults)
        const soum = rng.pick(b.soums)
        // Large self-help groups formed in project years 1-3 (March 2007 - February 2010), a third each year.
        const year = Math.floor((i * 3) / perBranch)
        const registered = rng.date(`${2007 + year}-03-01`, `${2008 + year}-02-28`)
        const hid = householdRows.add({
          branchId,
          headPersonId: null,
          singleWomanHeaded: swh,
          childrenCount: children,
          areaCode: b.areaCode,
          soum,
          bag: `${rng.int(1, 9)}-р баг`,
          addressLine: null,
          registeredOn: registered,
          createdAt: now,
          updatedAt: now,
        })
        counts.households++
        const headGender: Gender = swh ? 'female' : rng.chance(0.8) ? 'male' : 'female'
        const headBirth = rng.date('1960-01-01', '1985-12-31')
        const head = addPerson(b, branchId, hid, headGender, headBirth)
        // The head is the household's first person: set after the persons are in (see below).
        let father = headGender === 'male' ? head.givenName : undefined
        if (!swh) {
          const partner = addPerson(b, branchId, hid, headGender === 'male' ? 'female' : 'male', rng.date('1960-01-01', '1986-12-31'))
          if (headGender === 'female') father = partner.givenName
        }
        // Children carry their father's given name as patronymic (a random one where he is not in the household).
        const childPatronymic = father ?? rng.pick(MALE_NAMES)
        for (let c = 0; c < children; c++) {
          addPerson(b, branchId, hid, rng.chance(0.5) ? 'female' : 'male', rng.date('1990-01-01', '2006-12-31'), childPatronymic)
        }
        tick()
      }
    }
    // Member organisations, then memberships with their decisions since 2004.
    const orgIds: Array<{ id: number; branch: DemoBranch }> = []
    for (const o of DEMO_ORGANISATIONS) {
      const b = rng.pick(DEMO_BRANCHES)
      const contactName = `${rng.pick(MALE_NAMES).charAt(0)}. ${rng.pick(FEMALE_NAMES)}`
      const id = orgRows.add({ nameMn: o.nameMn, nameEn: o.nameEn, kind: o.kind, areaCode: b.areaCode, contactName, phone: null, createdAt: now, updatedAt: now })
      orgIds.push({ id, branch: b })
      counts.organisations++
    }
    for (let i = 0; i < membershipTarget; i++) {
      let memberType: 'person' | 'organisation' = 'person'
      let personId: number | null = null
      let organisationId: number | null = null
      let b: DemoBranch
      if (i < orgIds.length) {
        memberType = 'organisation'
        organisationId = orgIds[i].id
        b = orgIds[i].branch
      } else {
        b = i % 3 === 0 ? rng.pick(DEMO_BRANCHES) : DEMO_BRANCHES[i % 5]
        const gender: Gender = rng.chance(0.7) ? 'female' : 'male'
        personId = addPerson(b, branchIds.get(b.code)!, null, gender, rng.date('1955-01-01', '1985-12-31')).id
      }
      const events: Array<[string, string, string | null, string | null]> = []
      let movedTo: DemoBranch | null = null
      const applied = rng.date('2004-03-01', '2011-06-30')
      events.push(['applied', applied, null, null])
      const decided = addDays(applied, rng.int(10, 60))
      const ref = (d: string) => `ТЗ-${d.slice(0, 4)}/${String(rng.int(1, 40)).padStart(2, '0')}`
      if (rng.chance(0.05)) events.push(['rejected', decided, rng.pick(REJECTION_REASONS), ref(decided)])
      else {
        events.push(['accepted', decided, null, ref(decided)])
        const r = rng.next()
        const later = addDays(decided, rng.int(200, 2000))
        if (later < '2011-12-31') {
          if (r < 0.02) events.push(['excluded', later, rng.pick(EXCLUSION_REASONS), ref(later)])
          else if (r < 0.07) {
            events.push(['resigned', later, null, null])
            // Some who resign join another local organisation later (without drawing from the
            // random stream, so the rest of the demo stays as it was).
            const rejoin = addDays(later, 120 + (i % 90))
            if (i % 2 === 0 && memberType === 'person' && rejoin < '2011-06-30') {
              movedTo = DEMO_BRANCHES[(DEMO_BRANCHES.indexOf(b) + 1) % DEMO_BRANCHES.length]
              events.push(['applied', rejoin, null, null])
              events.push(['accepted', addDays(rejoin, 30), null, `ТЗ-${rejoin.slice(0, 4)}/${String((i % 40) + 1).padStart(2, '0')}`])
            }
          }
          else if (r < 0.085 && memberType === 'person') events.push(['died', later, null, null])
        }
      }
      const status = { applied: 'applicant', accepted: 'active', rejected: 'rejected', excluded: 'excluded', resigned: 'resigned', died: 'deceased' }[events[events.length - 1][0]]!
      const firstBranchId = branchIds.get(b.code)!
      const currentBranchId = movedTo ? branchIds.get(movedTo.code)! : firstBranchId
      const mid = membershipRows.add({ memberType, personId, organisationId, branchId: currentBranchId, currentStatus: status, createdAt: now })
      counts.memberships++
      events.forEach(([type, date, reason, reference], k) => {
        // Decisions after the move (the second application on) concern the new local organisation.
        const branchId = movedTo && k >= 3 ? currentBranchId : firstBranchId
        eventRows.add({ membershipId: mid, seq: k + 1, type, effectiveDate: date, branchId, reason, reference, recordedAt: now, recordedBy: actor })
        counts.events++
      })
      tick()
    }
  }
  await flush(target, branchRows, householdRows, personRows, orgRows, membershipRows, eventRows)
  // Each household's head is its first person. Set in one statement once the persons exist: inserted with
  // the households, the heads would be deferred foreign-key violations that SQLite rechecks on every person insert.
  await target.sql.run(
    `UPDATE household SET head_person_id = (SELECT min(p.id) FROM person p WHERE p.household_id = household.id)
     WHERE head_person_id IS NULL AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = household.id)`,
  )
  Object.assign(counts, await loadGovernance(target, rng, now))
  // Ten times the project (10x) has ten times its money; the 10k register keeps the project's own.
  Object.assign(counts, await loadFinance(target, rng, now, actor, Math.max(1, Math.floor(perBranch / 240))))
  Object.assign(counts, await loadGroups(target, opts.seed ?? 2007, now, actor, opts.groupMeetings ?? true))
  counts.indicators = await loadIndicators(target, now)
  await loadProfile(target, now)
  await target.tx.insert(AuditEntryEntity, {
    at: now,
    actor,
    operation: 'demo.load',
    entityType: 'database',
    entityId: 0,
    beforeJson: null,
    afterJson: JSON.stringify({ seed: opts.seed ?? 2007, ...counts }),
  })
  // A server plans its queries from table statistics, which a bulk load leaves stale until autovacuum comes round: gather them now.
  if (target.sql.engine === 'postgres') await target.sql.run('ANALYZE')
  return counts
}
