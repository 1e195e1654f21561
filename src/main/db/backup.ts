import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATION_NAMES, SCHEMA_VERSION } from './migrations'
import { DatabaseOpenError } from './types'

/*
 * Backups of the data: SQLite files in the data folder's backups/, named by
 * their UTC time, schema and reason. Each is written under a temporary name
 * and renamed only when complete, so a crash never leaves a half file that
 * counts as a backup. Kept: the newest of each of the last 14 days, 8 weeks
 * and 12 months that have backups.
 */

export const BACKUP_DIR = 'backups'
export type BackupReason = 'daily' | 'migration' | 'manual' | 'before-restore'

const NAME = /^spn-(\d{8})-(\d{6})(?:-(\d+))?-schema(\d+)(?:-(daily|migration|manual|before-restore))?\.sqlite$/

export interface BackupFile {
  file: string
  path: string
  /** UTC ISO time the backup was taken. */
  takenAt: string
  schemaVersion: number
  reason: BackupReason | null
  bytes: number
}

export const backupsDir = (dataDir: string) => join(dataDir, BACKUP_DIR)

export function backupName(now: Date, schemaVersion: number, reason: BackupReason): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
  return `spn-${stamp}-schema${schemaVersion}-${reason}.sqlite`
}

/** The backups in a data folder, newest first. Temporary files of unfinished backups are not backups. */
export function listBackupFiles(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir)
  if (!existsSync(dir)) return []
  const out: BackupFile[] = []
  const order = new Map<string, number>()
  for (const file of readdirSync(dir)) {
    const m = NAME.exec(file)
    if (!m) continue
    const [, d, t, seq, schema, reason] = m
    order.set(file, Number(seq ?? 1))
    out.push({
      file,
      path: join(dir, file),
      takenAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`,
      schemaVersion: Number(schema),
      reason: (reason as BackupReason | undefined) ?? null,
      bytes: statSync(join(dir, file)).size,
    })
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || order.get(b.file)! - order.get(a.file)!)
}

/** The local calendar day, ISO week and month of a moment (this computer's time zone: Ulaanbaatar in the office). */
function localKeys(iso: string): { day: string; week: string; month: string } {
  const d = new Date(iso)
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  // ISO week: the Thursday of the week decides its year.
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))
  const dow = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - dow)
  const jan1 = new Date(Date.UTC(t.getUTCFullYear(), 0, 1))
  const week = `${t.getUTCFullYear()}-W${String(Math.ceil(((t.getTime() - jan1.getTime()) / 86400000 + 1) / 7)).padStart(2, '0')}`
  return { day, week, month: day.slice(0, 7) }
}

/**
 * Which backups to keep: the newest of each of the last 14 days, 8 weeks and
 * 12 months that have one; and every backup someone asked for (taken by hand,
 * or before a restore) for 14 days, however many a day.
 */
export function backupsToKeep(files: BackupFile[], now: Date): Set<string> {
  const keep = new Set<string>()
  for (const f of files) {
    if ((f.reason === 'manual' || f.reason === 'before-restore') && now.getTime() - Date.parse(f.takenAt) < 14 * 86400000) keep.add(f.file)
  }
  const days = new Set<string>()
  const weeks = new Set<string>()
  const months = new Set<string>()
  for (const f of files) {
    const k = localKeys(f.takenAt)
    if (!days.has(k.day) && days.size < 14) {
      days.add(k.day)
      keep.add(f.file)
    }
    if (!weeks.has(k.week) && weeks.size < 8) {
      weeks.add(k.week)
      keep.add(f.file)
    }
    if (!months.has(k.month) && months.size < 12) {
      months.add(k.month)
      keep.add(f.file)
    }
  }
  return keep
}

export function pruneBackups(dataDir: string, now: Date): string[] {
  const files = listBackupFiles(dataDir)
  const keep = backupsToKeep(files, now)
  const removed = files.filter((f) => !keep.has(f.file))
  for (const f of removed) rmSync(f.path, { force: true })
  return removed.map((f) => f.file)
}

/** Whether today (this computer's date) has no backup yet: the first start of the day takes one. */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const today = localKeys(now.toISOString()).day
  return !listBackupFiles(dataDir).some((f) => localKeys(f.takenAt).day === today)
}

/** Removes what a killed backup left behind (temporary names are never listed as backups). */
export function removeUnfinished(dataDir: string): void {
  const dir = backupsDir(dataDir)
  if (!existsSync(dir)) return
  for (const f of readdirSync(dir)) if (f.startsWith('.partial-')) rmSync(join(dir, f), { recursive: true, force: true })
}

/** A name not taken yet: two backups in the same second get -2, -3 after the time. */
export function freeName(dataDir: string, name: string): string {
  const dir = backupsDir(dataDir)
  let candidate = name
  for (let n = 2; existsSync(join(dir, candidate)); n++) candidate = name.replace(/^(spn-\d{8}-\d{6})/, `$1-${n}`)
  return candidate
}

/** A temporary path in the backups folder, renamed into place (under a name not taken) by `finish`. */
export function partialPath(dataDir: string, name: string): { tmp: string; finish(): string } {
  const dir = backupsDir(dataDir)
  mkdirSync(dir, { recursive: true })
  const tmp = join(dir, `.partial-${name}`)
  return {
    tmp,
    finish() {
      const target = join(dir, freeName(dataDir, name))
      renameSync(tmp, target)
      return target
    },
  }
}

/** Copies a SQLite database file with SQLite's online backup (pages still in the WAL included) into backups/. */
export async function backupSqliteFile(dbPath: string, dataDir: string, now: Date, schemaVersion: number, reason: BackupReason, nativeBinding?: string): Promise<string> {
  removeUnfinished(dataDir)
  const out = partialPath(dataDir, backupName(now, schemaVersion, reason))
  const raw = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    await raw.backup(out.tmp)
  } finally {
    raw.close()
  }
  const target = out.finish()
  pruneBackups(dataDir, now)
  return target
}

const COUNTED = ['branch', 'person', 'household', 'membership', 'assembly', 'fee_payment', 'expense', 'audit_entry'] as const

/**
 * What a SQLite file holds, read without changing it: the schema and a few
 * record counts. A file that is not a readable SPN Secretariat database, or
 * one a newer app wrote, is refused in words.
 */
export function inspectSpnFile(path: string, nativeBinding?: string): { schemaVersion: number; counts: Record<string, number> } {
  let raw: Database.Database | undefined
  try {
    raw = new Database(path, { readonly: true, fileMustExist: true, nativeBinding })
    const check = raw.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`it is damaged (${String(check)})`)
    const has = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get()
    if (!has) throw new Error('it is not an SPN Secretariat database (it has no migration history)')
    const names = (raw.prepare('SELECT name FROM migrations ORDER BY id').all() as Array<{ name: string }>).map((r) => r.name)
    if (names.some((n) => !MIGRATION_NAMES.includes(n))) {
      throw new Error(`it was written by a newer version of SPN Secretariat (schema ${names.length}, this app knows ${SCHEMA_VERSION})`)
    }
    const counts: Record<string, number> = {}
    for (const t of COUNTED) {
      const exists = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t)
      counts[t] = exists ? (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n : 0
    }
    return { schemaVersion: names.length, counts }
  } catch (e) {
    const why = (e as Error).message.replace(/^file is not a database$/, 'it is not a database file')
    throw new DatabaseOpenError('unreadable', `${path} cannot be restored: ${why}. Nothing was changed.`)
  } finally {
    raw?.close()
  }
}
