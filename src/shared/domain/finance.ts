import { formatDkkAmount } from './money'

/**
 * Project finance rules (DOMAIN.md: Money). Amounts are integer minor units
 * (øre, möngö); conversions use exact integer arithmetic and round once, here.
 */

/** a × b / c rounded half away from zero, exactly (BigInt). */
export function mulDivRound(a: number | bigint, b: number | bigint, c: number | bigint): number {
  const n = BigInt(a) * BigInt(b)
  const d = BigInt(c)
  if (d === 0n) throw new Error('division by zero')
  const neg = n < 0n !== d < 0n
  const an = n < 0n ? -n : n
  const ad = d < 0n ? -d : d
  const q = (2n * an + ad) / (2n * ad)
  return Number(neg ? -q : q)
}

/** The exact MNT-per-DKK rate of a transfer as a decimal string (e.g. `215.4321`), rounded at the last digit. */
export function rateString(mntMinor: number, dkkMinor: number, decimals = 4): string {
  const scaled = mulDivRound(mntMinor, 10 ** decimals, dkkMinor)
  const s = String(Math.abs(scaled)).padStart(decimals + 1, '0')
  return `${scaled < 0 ? '-' : ''}${s.slice(0, -decimals)}.${s.slice(-decimals)}`
}

export interface FundSource {
  id: number
  /** Date the MNT arrived. */
  date: string
  mntMinor: number
  dkkMinor: number
}

export interface MntSpend {
  id: number
  date: string
  mntMinor: number
  /**
   * A correction that gives back MNT (a negative amount) of an earlier spend:
   * valued at that spend's own DKK value (pro rata), and its MNT goes back
   * into the pool on its date as a tranche of that value.
   */
  returns?: number
}

/** The pool id of the MNT a correction gives back (apart from transfer and interest ids). */
export const returnedTrancheId = (spendId: number) => -(2_000_000_000 + spendId)

export interface Conversion {
  /** DKK value in øre, or null when no transfer has arrived at all. */
  dkkMinor: number | null
  portions: Array<{ sourceId: number; mntMinor: number }>
  /** MNT not covered by transfers received by the expense date; converted at the latest rate known then. */
  uncoveredMntMinor: number
}

/**
 * First in, first out: each MNT expense (in date order) is paid from the
 * earliest transfers received on or before its date that still have MNT left,
 * and converted at their rates. What no transfer covers is flagged and
 * converted at the latest rate known on its date (the first rate if none yet).
 */
export function convertFifo(sources: readonly FundSource[], spends: readonly MntSpend[]): Map<number, Conversion> {
  return runFifo(sources, spends).conversions
}

/**
 * What the pool still holds after the spends: the MNT left and its DKK value,
 * each tranche's MNT at that tranche's own value (the exact sum, rounded once).
 * The DKK value of the MNT held, by FIFO.
 */
export function fifoHeld(sources: readonly FundSource[], spends: readonly MntSpend[]): { mntMinor: number; dkkMinor: number } {
  const { queue } = runFifo(sources, spends)
  let num = 0n
  let den = 1n
  let mnt = 0
  for (const s of queue) {
    if (s.left <= 0 || s.mntMinor <= 0) continue
    mnt += s.left
    num = num * BigInt(s.mntMinor) + BigInt(s.left) * BigInt(s.dkkMinor) * den
    den *= BigInt(s.mntMinor)
  }
  return { mntMinor: mnt, dkkMinor: mulDivRound(num, 1, den) }
}

function runFifo(sources: readonly FundSource[], spends: readonly MntSpend[]): { conversions: Map<number, Conversion>; queue: Array<FundSource & { left: number }> } {
  const queue = [...sources].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id).map((s) => ({ ...s, left: s.mntMinor }))
  const ordered = [...spends].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
  const out = new Map<number, Conversion>()
  let head = 0
  for (const spend of ordered) {
    const original = spend.returns === undefined ? undefined : ordered.find((o) => o.id === spend.returns)
    if (spend.mntMinor < 0 && original && out.get(original.id)?.dkkMinor != null) {
      const back = -spend.mntMinor
      const dkkMinor = -mulDivRound(out.get(original.id)!.dkkMinor!, back, original.mntMinor)
      out.set(spend.id, { dkkMinor, portions: [], uncoveredMntMinor: 0 })
      const tranche = { id: returnedTrancheId(spend.id), date: spend.date, mntMinor: back, dkkMinor: -dkkMinor, left: back }
      let at = queue.findIndex((q) => q.date > spend.date)
      if (at < 0) at = queue.length
      queue.splice(Math.max(at, head), 0, tranche)
      continue
    }
    let need = spend.mntMinor
    // Sum of portion × dkk / mnt over portions, as an exact fraction num/den.
    let num = 0n
    let den = 1n
    const portions: Conversion['portions'] = []
    for (let i = head; i < queue.length && need > 0 && queue[i].date <= spend.date; i++) {
      const s = queue[i]
      if (s.left === 0) {
        if (i === head) head++
        continue
      }
      const take = Math.min(need, s.left)
      s.left -= take
      need -= take
      portions.push({ sourceId: s.id, mntMinor: take })
      num = num * BigInt(s.mntMinor) + BigInt(take) * BigInt(s.dkkMinor) * den
      den *= BigInt(s.mntMinor)
      if (s.left === 0 && i === head) head++
    }
    let dkkMinor: number | null = null
    const known = queue.filter((s) => s.date <= spend.date)
    const rateSource = known[known.length - 1] ?? queue[0]
    if (need > 0 && rateSource) {
      num = num * BigInt(rateSource.mntMinor) + BigInt(need) * BigInt(rateSource.dkkMinor) * den
      den *= BigInt(rateSource.mntMinor)
    }
    if (portions.length || rateSource) dkkMinor = mulDivRound(num, 1, den)
    out.set(spend.id, { dkkMinor, portions, uncoveredMntMinor: need })
  }
  return { conversions: out, queue }
}

/** DKK øre as `4 900 000,00 DKK` for messages. */
export function formatDkk(minor: number): string {
  return `${formatDkkAmount(minor)} DKK`
}

/** The CISU/Projektrådgivningen main budget lines. */
export const MAIN_LINES = [
  { code: '1', en: 'Activities', mn: 'Үйл ажиллагаа' },
  { code: '2', en: 'Investments', mn: 'Хөрөнгө оруулалт' },
  { code: '3', en: 'Expatriate/Danish support', mn: 'Данийн талын дэмжлэг' },
  { code: '4', en: 'Local staff', mn: 'Орон нутгийн ажилтан' },
  { code: '5', en: 'Local administration', mn: 'Орон нутгийн захиргаа' },
  { code: '6', en: 'Monitoring', mn: 'Хяналт' },
  { code: '7', en: 'Evaluation', mn: 'Үнэлгээ' },
  { code: '8', en: 'Information in Denmark', mn: 'Дани дахь мэдээлэл' },
  { code: '9', en: 'Budget margin', mn: 'Төсвийн нөөц' },
  { code: '11', en: 'Audit', mn: 'Аудит' },
  { code: '13', en: 'Administration in Denmark', mn: 'Дани дахь захиргаа' },
] as const

export const ADMIN_LINE = '13'
export const ADMIN_MAX_PERCENT = 7
export const MOVE_LIMIT_PERCENT = 10

export interface BudgetWarning {
  code: 'admin_share' | 'line_move' | 'total_mismatch'
  line?: string
  /** In English (the CLI, English reports); `key` and `vars` say it in the user's language. */
  message: string
  key: 'w.adminShare' | 'w.lineMove' | 'w.lineMoveApproved' | 'w.totalMismatch'
  vars: Record<string, string | number>
  /** The donor's approval the version records: the warning is then resolved. */
  approval?: string
}

/** A version that records the donor's approval resolves its moves of more than 10%: still shown, as approved. */
export function approveMoves(warnings: BudgetWarning[], approval: string | null): BudgetWarning[] {
  if (!approval) return warnings
  return warnings.map((w) =>
    w.code === 'line_move' ? { ...w, key: 'w.lineMoveApproved' as const, approval, vars: { ...w.vars, approval }, message: `${w.message.replace(/: more than 10% needs the donor's approval$/, '')}: approved by the donor (${approval})` } : w,
  )
}

/** Administration in Denmark (the project's administration main line) may be at most 7% of the project expenses plus audit (all other lines). */
export function checkAdminShare(totalsByMainLine: Record<string, number>, adminLine: string = ADMIN_LINE): BudgetWarning | null {
  const admin = totalsByMainLine[adminLine] ?? 0
  const base = Object.entries(totalsByMainLine).filter(([k]) => k !== adminLine).reduce((s, [, v]) => s + v, 0)
  const max = mulDivRound(base, ADMIN_MAX_PERCENT, 100)
  if (admin <= max) return null
  return {
    code: 'admin_share',
    line: adminLine,
    message: `Administration in Denmark is ${formatDkk(admin)}, more than 7% of the project expenses and audit (at most ${formatDkk(max)})`,
    key: 'w.adminShare',
    vars: { admin: formatDkk(admin), max: formatDkk(max) },
  }
}

/** A main line that moves by more than 10% between budget versions needs the donor's approval. */
export function checkLineMoves(previous: Record<string, number>, current: Record<string, number>): BudgetWarning[] {
  const out: BudgetWarning[] = []
  for (const code of new Set([...Object.keys(previous), ...Object.keys(current)])) {
    const before = previous[code] ?? 0
    const after = current[code] ?? 0
    const moved = Math.abs(after - before)
    if (moved === 0) continue
    if (before === 0 || moved * 100 > before * MOVE_LIMIT_PERCENT) {
      const pct = before === 0 ? '∞' : ((moved * 100) / before).toFixed(1)
      out.push({
        code: 'line_move',
        line: code,
        message: `Main line ${code} changes by ${pct}% (from ${formatDkk(before)} to ${formatDkk(after)}): more than 10% needs the donor's approval`,
        key: 'w.lineMove',
        vars: { line: code, pct, before: formatDkk(before), after: formatDkk(after) },
      })
    }
  }
  return out
}

/** The budget of each funding source should equal what the source committed. */
export function checkTotals(bySource: Array<{ name: string; nameMn?: string; budgetMinor: number; committedMinor: number | null }>): BudgetWarning[] {
  return bySource
    .filter((s) => s.committedMinor !== null && s.budgetMinor !== s.committedMinor)
    .map((s) => ({
      code: 'total_mismatch' as const,
      message: `The budget for ${s.name} totals ${formatDkk(s.budgetMinor)}, not the ${formatDkk(s.committedMinor!)} committed`,
      key: 'w.totalMismatch' as const,
      vars: { source: s.name, sourceMn: s.nameMn ?? s.name, budget: formatDkk(s.budgetMinor), committed: formatDkk(s.committedMinor!) },
    }))
}

/** Project year n (1-based) of a project starting on `start` (year 1 = the first twelve months). */
export function projectYearOf(start: string, date: string): number {
  const [sy, sm] = start.split('-').map(Number)
  const [y, m] = date.split('-').map(Number)
  return Math.floor((y * 12 + m - (sy * 12 + sm)) / 12) + 1
}
