import { SavingsEntryEntity } from '../db/entities'
import { Rows, type LoadTarget } from './rows'
import { Random } from './random'
import type { AttendanceStatus } from '../../shared/api/groupsTypes'

/*
 * The demo members' savings, drawn from their own random stream as the small
 * groups meet (so the groups' own stream stays as it was): most members there
 * pay the week's compulsory saving of their group's rules, those away mostly
 * do not; about one in five also saves voluntarily now and then, and takes
 * some out; a member leaving takes her compulsory savings with her.
 */
export class DemoSavings {
  readonly rows: Rows<SavingsEntryEntity>
  private readonly rng: Random
  private readonly compulsory = new Map<number, number>()
  private readonly voluntary = new Map<number, number>()
  count = 0

  /** Told of every compulsory deposit (the loans read the savings). */
  onDeposit: (personId: number, on: string, amountMinor: number) => void = () => undefined

  private constructor(rows: Rows<SavingsEntryEntity>, seed: number, private readonly now: string, private readonly actor: string) {
    this.rows = rows
    this.rng = new Random(seed * 7 + 1717)
  }

  static async start(target: LoadTarget, seed: number, now: string, actor: string): Promise<DemoSavings> {
    return new DemoSavings(await new Rows<SavingsEntryEntity>('savings_entry', SavingsEntryEntity).start(target), seed, now, actor)
  }

  private add(personId: number, account: 'compulsory' | 'voluntary', entryOn: string, amountMinor: number, ssgId: number, meetingId: number | null): void {
    this.rows.add({ personId, account, entryOn, kind: amountMinor > 0 ? 'deposit' : 'withdrawal', amountMinor, ssgId, meetingId, receipt: null, reversesId: null, reason: null, createdAt: this.now, createdBy: this.actor })
    if (account === 'compulsory' && amountMinor > 0) this.onDeposit(personId, entryOn, amountMinor)
    const balances = account === 'compulsory' ? this.compulsory : this.voluntary
    balances.set(personId, (balances.get(personId) ?? 0) + amountMinor)
    this.count++
  }

  /** A small group's weekly meeting: who pays the compulsory saving (the rules' amount, when adopted), who saves or takes out voluntarily. */
  meeting(meetingId: number, ssgId: number, on: string, weeklyMinor: number | null, attendance: Array<[number, AttendanceStatus]>): void {
    for (const [personId, status] of attendance) {
      const there = status === 'present' || status === 'late' || status === 'represented'
      if (weeklyMinor !== null && this.rng.chance(there ? 0.95 : 0.2)) this.add(personId, 'compulsory', on, weeklyMinor, ssgId, meetingId)
      if (personId % 5 !== 0 || !there) continue
      const held = this.voluntary.get(personId) ?? 0
      if (this.rng.chance(0.15)) this.add(personId, 'voluntary', on, this.rng.int(5, 50) * 100_00, ssgId, meetingId)
      else if (held >= 2_000_00 && this.rng.chance(0.03)) this.add(personId, 'voluntary', on, -Math.floor(held / 2 / 100_00) * 100_00, ssgId, meetingId)
    }
  }

  /** A member leaves her group: her compulsory savings (and any voluntary ones) are paid out that day. */
  leave(personId: number, ssgId: number, on: string): void {
    for (const [account, balances] of [['compulsory', this.compulsory], ['voluntary', this.voluntary]] as const) {
      const held = balances.get(personId) ?? 0
      if (held > 0) this.add(personId, account, on, -held, ssgId, null)
    }
  }
}
