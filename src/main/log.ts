import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'

/*
 * The app's log: unexpected errors with their details, in the data folder's
 * logs/spn.log (one older file, spn.1.log, is kept when it passes 5 MB), so
 * "the details are in the log" is true for the desktop app, browser mode and
 * the CLI alike. Passwords never reach it: messages name servers without them.
 */
const MAX_BYTES = 5 * 1024 * 1024

export function logFile(dataDir: string): string {
  return join(dataDir, 'logs', 'spn.log')
}

export function fileLogger(dataDir: string, alsoConsole = false): (message: string, error: unknown) => void {
  const path = logFile(dataDir)
  return (message, error) => {
    const details = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : JSON.stringify(error)
    const line = `${new Date().toISOString()} ${message}${details ? `\n${details.replace(/postgres(ql)?:\/\/([^:@/\s]+):[^@\s]*@/g, 'postgresql://$2:***@')}` : ''}\n`
    try {
      mkdirSync(join(dataDir, 'logs'), { recursive: true })
      if (existsSync(path) && statSync(path).size > MAX_BYTES) renameSync(path, join(dataDir, 'logs', 'spn.1.log'))
      appendFileSync(path, line)
    } catch {
      // A log that cannot be written must not take the app down with it.
    }
    if (alsoConsole) console.error(message, error)
  }
}
