import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE } from '../db/open'
import { CATALOGUES, translate, type Lang, type MessageKey } from '../../shared/i18n'

/** A mistake in how a command was called: said with the usage, exit code 2. */
export class UsageError extends Error {}

/** Where the data is: the SQLite file in a folder, or a PostgreSQL server (--database or SPN_DATABASE_URL). */
export interface Where {
  dataDir: string
  databaseUrl?: string
  databaseOverridden?: boolean
}

export function requireData(where: Where): void {
  if (!where.databaseUrl && !existsSync(join(where.dataDir, DB_FILE))) {
    throw new UsageError(`There is no database in ${where.dataDir}. Give --data or --database, or run spn demo first.`)
  }
}

/**
 * The language the command speaks in: --lang, else SPN_LANG, else the
 * system's locale (mn_MN… is Mongolian), else English.
 */
export function cliLang(flag?: string | boolean): Lang {
  if (flag === 'mn' || flag === 'en') return flag
  const env = process.env.SPN_LANG ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? ''
  return env.toLowerCase().startsWith('mn') ? 'mn' : 'en'
}

/**
 * A refusal of the backend as a sentence in that language. In English the
 * backend's own sentence, which names the field the way the options do
 * ("projectYear must be at most 4"); in Mongolian the catalogue's.
 */
export function say(error: { message: string; key?: string; vars?: Record<string, string | number> }, lang: Lang): string {
  return lang !== 'en' && error.key && error.key in CATALOGUES[lang] ? translate(lang, error.key as MessageKey, error.vars) : error.message
}
