import { join } from 'node:path'
import { DomainError } from '../../shared/domain/result'
import type { BackupRow, RestoreResult } from '../../shared/api/backups'
import { backupsDir, listBackupFiles } from '../db/backup'
import { listBackups, restoreBackup, takeBackup, type BackupEntry } from '../db/maintenance'
import type { OpenDatabase } from '../db/types'
import { basename } from 'node:path'

/** What the Backups page may do to the running database: outside any transaction, one at a time (the dispatcher queues calls). */
export interface Maintenance {
  list(): BackupRow[]
  create(): Promise<BackupRow>
  restore(file: string): Promise<RestoreResult>
}

function toRow(e: BackupEntry): BackupRow {
  return {
    file: e.file,
    takenAt: e.takenAt,
    reason: e.reason,
    schemaVersion: e.schemaVersion,
    bytes: e.bytes,
    counts: e.counts ? { persons: e.counts.person, households: e.counts.household, memberships: e.counts.membership, expenses: e.counts.expense } : null,
    problem: e.problem,
  }
}

export function maintenanceFor(db: OpenDatabase, dataDir: string, clock: () => Date, nativeBinding?: string): Maintenance {
  const entry = (file: string) => {
    const found = listBackups(dataDir, nativeBinding).find((b) => b.file === file)
    if (!found) throw new DomainError('not_found', `There is no backup ${file}`, 'file', { key: 'r.noBackup', vars: { file } })
    return toRow(found)
  }
  return {
    list: () => listBackups(dataDir, nativeBinding).map(toRow),
    async create() {
      return entry(basename(await takeBackup(db, dataDir, clock(), 'manual', nativeBinding)))
    },
    async restore(file) {
      if (!listBackupFiles(dataDir).some((b) => b.file === file)) throw new DomainError('not_found', `There is no backup ${file}`, 'file', { key: 'r.noBackup', vars: { file } })
      const restored = entry(file)
      if (restored.problem) throw new DomainError('validation', restored.problem, 'file')
      try {
        const r = await restoreBackup(db, join(backupsDir(dataDir), file), dataDir, clock(), nativeBinding)
        return { restored, before: basename(r.before) }
      } catch (e) {
        if (e instanceof DomainError) throw e
        throw new DomainError('unavailable', `The backup could not be restored: ${(e as Error).message}`, 'file', { key: 'r.restoreFailed', vars: { reason: (e as Error).message } })
      }
    },
  }
}
