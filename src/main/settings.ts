import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/*
 * The settings of this computer, in the data folder beside the SQLite file:
 * for now, where the data is (this computer, or a shared server's URL with
 * its password). The file is readable by its owner only; the password is
 * never logged, and the app never sends it back to a page.
 */
export const SETTINGS_FILE = 'settings.json'

export interface Settings {
  /** A PostgreSQL URL; absent: the SQLite file in the data folder. */
  databaseUrl?: string
}

export function readSettings(dataDir: string): Settings {
  const path = join(dataDir, SETTINGS_FILE)
  if (!existsSync(path)) return {}
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as Settings
    return typeof s.databaseUrl === 'string' ? { databaseUrl: s.databaseUrl } : {}
  } catch {
    return {}
  }
}

export function writeSettings(dataDir: string, settings: Settings): void {
  const path = join(dataDir, SETTINGS_FILE)
  const tmp = `${path}.tmp`
  writeFileSync(tmp, JSON.stringify(settings, null, 2), { mode: 0o600 })
  chmodSync(tmp, 0o600)
  renameSync(tmp, path)
}

/**
 * Where the data is for this run: an explicit URL (the --database option),
 * then SPN_DATABASE_URL, then the saved settings, else this computer's file.
 */
export function resolveDatabaseUrl(dataDir: string, explicit?: string): { url: string | undefined; overridden: boolean } {
  const forced = explicit || process.env.SPN_DATABASE_URL || undefined
  if (forced) return { url: forced, overridden: true }
  return { url: readSettings(dataDir).databaseUrl, overridden: false }
}
