import { z } from 'zod'
import { op } from './define'

/** A backup in the data folder's backups/, as the Backups page lists it. */
export interface BackupRow {
  file: string
  /** UTC ISO time it was taken. */
  takenAt: string
  reason: 'daily' | 'migration' | 'manual' | 'before-restore' | null
  schemaVersion: number
  bytes: number
  counts: { persons: number; households: number; memberships: number; expenses: number } | null
  /** Why it cannot be read, or null. */
  problem: string | null
}

export interface RestoreResult {
  restored: BackupRow
  /** The backup of the data as it was just before the restore. */
  before: string
}

export const backupOps = {
  'backups.list': op<BackupRow[]>()({ summary: 'The backups of the data, newest first', input: z.strictObject({}), permission: 'system.read', write: false }),
  'backups.create': op<BackupRow>()({ summary: 'Take a backup now', input: z.strictObject({}), permission: 'backups.write', write: false }),
  'backups.restore': op<RestoreResult>()({
    summary: "Put a backup's data back; the current data is backed up first",
    input: z.strictObject({ file: z.string().regex(/^spn-[0-9a-z-]+\.sqlite$/, { message: 'must be the name of a backup in the list' }) }),
    permission: 'backups.write',
    write: false,
  }),
}
