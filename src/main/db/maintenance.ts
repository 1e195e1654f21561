import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openSqlite } from './sqlite'
import { copyDatabase } from './copy'
import {
  backupName,
  backupSqliteFile,
  backupsDir,
  inspectSpnFile,
  listBackupFiles,
  partialPath,
  pruneBackups,
  freeName,
  removeUnfinished,
  type BackupFile,
  type BackupReason,
} from './backup'
import { DB_FILE, type OpenDatabase } from './types'

/*
 * Backups and restores on either engine. A backup is always a portable SQLite
 * file: on the desktop file a copy by SQLite's online backup; on a shared
 * server a copy of every table (as `spn copy` does), so a backup restores on
 * either engine.
 */

export interface BackupEntry extends BackupFile {
  counts: Record<string, number> | null
  /** Why the counts could not be read (a damaged file), or null. */
  problem: string | null
}

export function listBackups(dataDir: string, nativeBinding?: string): BackupEntry[] {
  return listBackupFiles(dataDir).map((f) => {
    try {
      return { ...f, counts: inspectSpnFile(f.path, nativeBinding).counts, problem: null }
    } catch (e) {
      return { ...f, counts: null, problem: (e as Error).message }
    }
  })
}

/** Takes a backup of the open database into the data folder's backups/ and prunes the old ones. */
export async function takeBackup(db: OpenDatabase, dataDir: string, now: Date, reason: BackupReason, nativeBinding?: string): Promise<string> {
  if (db.engine === 'sqlite') return backupSqliteFile(db.dbPath, dataDir, now, db.schemaVersion, reason, nativeBinding)
  removeUnfinished(dataDir)
  const name = backupName(now, db.schemaVersion, reason)
  // A whole new SQLite database in a temporary folder, filled and checked by the copy, then moved into place.
  const out = partialPath(dataDir, name)
  mkdirSync(out.tmp, { recursive: true })
  try {
    const target = await openSqlite({ dataDir: out.tmp, program: 'a backup of the server', nativeBinding })
    try {
      await copyDatabase(db, target)
    } finally {
      await target.close()
    }
    const file = join(backupsDir(dataDir), freeName(dataDir, name))
    renameSync(join(out.tmp, DB_FILE), file)
    return file
  } finally {
    rmSync(out.tmp, { recursive: true, force: true })
    pruneBackups(dataDir, now)
  }
}

/**
 * Puts the data of a backup file back: the current data is backed up first;
 * a file that is not a readable SPN database is refused before anything
 * changes. On the desktop file the file is replaced (the folder stays
 * locked); on a server every table is emptied and filled from the backup in
 * one transaction. An older backup is brought up to the current schema.
 */
export async function restoreBackup(db: OpenDatabase, file: string, dataDir: string, now: Date, nativeBinding?: string): Promise<{ before: string; counts: Record<string, number> }> {
  if (!existsSync(file)) throw new Error(`There is no file ${file}. Nothing was changed.`)
  const { counts } = inspectSpnFile(file, nativeBinding)
  const before = await takeBackup(db, dataDir, now, 'before-restore', nativeBinding)
  if (db.engine === 'sqlite') {
    if (!db.replaceFile) throw new Error('This database cannot be replaced')
    await db.replaceFile(file)
    return { before, counts }
  }
  // The backup is opened from a copy in a temporary folder (it may need its schema brought up to date first).
  const work = join(backupsDir(dataDir), `.partial-restore-${Date.now()}`)
  mkdirSync(work, { recursive: true })
  try {
    const copy = await openSqlite({ dataDir: work, program: 'a restore onto the server', nativeBinding, now: () => now })
    await copy.replaceFile!(file)
    try {
      await copyDatabase(copy, db, undefined, { replace: true })
    } finally {
      await copy.close()
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return { before, counts }
}
