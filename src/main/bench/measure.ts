import type { Backend } from '../backend'
import { performance } from 'node:perf_hooks'

/* How the bench measures: medians of repeated runs, ours and a baseline run alternately, the process's peak memory. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

export async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  return median(times)
}

/** Medians of ours and baseline, run alternately so drift and garbage collection fall on both alike. */
export async function timePair(runs: number, ours: () => unknown, baseline: () => unknown): Promise<{ oursMs: number; baselineMs: number }> {
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < runs; i++) {
    a.push(await timeIt(1, ours))
    b.push(await timeIt(1, baseline))
  }
  return { oursMs: median(a), baselineMs: median(b) }
}

export const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024)

/** Operations through the backend's dispatcher, as the UI calls them; a refusal stops the bench. */
export function caller(backend: Backend): (op: string, input: unknown) => Promise<unknown> {
  return async (op, input) => {
    const r = await backend.dispatch(op, input)
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`)
    return r.value
  }
}
