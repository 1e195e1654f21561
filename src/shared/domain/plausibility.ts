/*
 * Figures that are possible but unlikely, so the app asks before saving them
 * and says why: a typing slip of one digit makes a rate 10x off or an
 * expense 10x the largest ever recorded.
 */

/** How far a transfer's rate may be from the previous transfer's before the app asks (15%). */
export const RATE_TOLERANCE = 0.15

/** How many times the largest amount of its kind so far an amount may be before the app asks. */
export const AMOUNT_FACTOR = 10

/**
 * The rate (MNT per DKK) of a new transfer against the previous one's, as a
 * whole percentage away from it when that is more than the tolerance; null
 * when it is plausible. Compared exactly, in integers.
 */
export function rateOutlier(mntMinor: number, dkkMinor: number, previous: { mntMinor: number; dkkMinor: number } | null): number | null {
  if (!previous) return null
  // new/prev − 1 = (mnt·prevDkk − prevMnt·dkk) / (prevMnt·dkk)
  const num = BigInt(mntMinor) * BigInt(previous.dkkMinor) - BigInt(previous.mntMinor) * BigInt(dkkMinor)
  const den = BigInt(previous.mntMinor) * BigInt(dkkMinor)
  const abs = num < 0n ? -num : num
  if (abs * 100n <= den * BigInt(Math.round(RATE_TOLERANCE * 100))) return null
  return Number((num * 100n) / den)
}

/** True when an amount is more than ten times the largest of its kind so far. */
export function amountOutlier(amountMinor: number, largestSoFar: number | null): boolean {
  return largestSoFar !== null && largestSoFar > 0 && amountMinor > largestSoFar * AMOUNT_FACTOR
}
