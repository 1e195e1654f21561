import { afterEach, beforeEach, vi } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * For each test of a file: a fresh temporary folder (removed afterwards) and
 * what the CLI prints, captured (`out` for console.log, `err` for
 * console.error; progress bars on stderr are swallowed).
 */
export function cliSandbox(prefix: string): { out: string[]; err: string[]; dir: () => string } {
  const out: string[] = []
  const err: string[] = []
  let dir = ''
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
    out.length = 0
    err.length = 0
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  })
  afterEach(() => {
    vi.restoreAllMocks()
    rmSync(dir, { recursive: true, force: true })
  })
  return { out, err, dir: () => dir }
}
