import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

export const LOCK_FILE = 'spn.lock'

/** Who holds the data folder: written into the lock file, shown to whoever is refused. */
export interface LockHolder {
  pid: number
  host: string
  program: string
  since: string
}

export class DataLockedError extends Error {
  constructor(
    readonly holder: LockHolder,
    dataDir: string,
  ) {
    super(
      `The data in ${dataDir} is in use by ${holder.program} (process ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
        'Only one program may change it at a time: close that program first, or use a shared server for several users.',
    )
    this.name = 'DataLockedError'
  }
}

function alive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true // another computer: cannot check, so assume it is running
  if (holder.pid === process.pid) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder
    return typeof h.pid === 'number' ? h : null
  } catch {
    return null
  }
}

/**
 * Takes the data folder for one writing process: created atomically (`wx`), so
 * two programs starting at once cannot both win. A lock left by a process that
 * no longer runs on this computer is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string, program: string): () => void {
  const path = join(dataDir, LOCK_FILE)
  const me: LockHolder = { pid: process.pid, host: hostname(), program, since: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const holder = readHolder(path)
      // A half-written lock (the holder is still writing it) counts as held.
      if (holder && !alive(holder)) {
        rmSync(path, { force: true })
        continue
      }
      throw new DataLockedError(holder ?? { pid: 0, host: hostname(), program: 'another program', since: '?' }, dataDir)
    }
    writeSync(fd, JSON.stringify(me))
    closeSync(fd)
    let released = false
    const release = () => {
      if (released) return
      released = true
      process.removeListener('exit', release)
      if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true })
    }
    process.on('exit', release)
    return release
  }
  throw new DataLockedError(readHolder(path) ?? { pid: 0, host: hostname(), program: 'another program', since: '?' }, dataDir)
}
