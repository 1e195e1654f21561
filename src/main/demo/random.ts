/** A small seeded generator (mulberry32) so the demo data is the same for the same seed. */
export class Random {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  /** A date between two `YYYY-MM-DD` dates, inclusive. */
  date(from: string, to: string): string {
    const a = Date.parse(from)
    const b = Date.parse(to)
    const day = 86400000
    return new Date(a + this.int(0, Math.round((b - a) / day)) * day).toISOString().slice(0, 10)
  }
}

/** Dates for the demo: the app's one date arithmetic. */
export { addDays } from '../../shared/domain/dates'
