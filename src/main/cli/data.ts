import { existsSync, renameSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { DatabaseOpenError, DB_FILE, openDatabase } from '../db/open'
import { isPostgresUrl, safeUrl } from '../db/postgres'
import { copyDatabase, CopyRefused } from '../db/copy'
import { backupsDir, inspectSpnFile } from '../db/backup'
import { listBackups, restoreBackup, takeBackup } from '../db/maintenance'
import { defaultDataDir } from '../paths'
import { requireData, UsageError, type Where } from './common'

/** The commands that move whole databases: spn backup, backups, restore and copy. */

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`
const localTime = (iso: string) => {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}.${p(d.getMonth() + 1)}.${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** `spn backup`: a backup now (a portable SQLite file, also of a server); it only reads, so it may run beside the app. */
export async function backupCommand(where: Where): Promise<number> {
  requireData(where)
  const db = await openDatabase({ ...where, readOnly: true })
  try {
    const file = await takeBackup(db, where.dataDir, new Date(), 'manual')
    const { counts } = inspectSpnFile(file)
    console.log(`Backup written: ${file} (${mb(statSync(file).size)}; ${counts.person} persons, ${counts.household} households, ${counts.membership} memberships, ${counts.expense} expenses)`)
    return 0
  } finally {
    await db.close()
  }
}

/** `spn backups`: the backups in the data folder, newest first. */
export function backupsCommand(where: Where): number {
  const list = listBackups(where.dataDir)
  if (!list.length) {
    console.log(`There are no backups in ${backupsDir(where.dataDir)} yet.`)
    return 0
  }
  console.log(`Backups in ${backupsDir(where.dataDir)} (kept: the newest of each of the last 14 days, 8 weeks and 12 months):`)
  console.log(`  ${'taken (local time)'.padEnd(17)}  ${'reason'.padEnd(14)} schema  ${'size'.padStart(8)}  ${'persons'.padStart(7)} ${'househ.'.padStart(7)} ${'members'.padStart(7)} ${'expenses'.padStart(8)}  file`)
  for (const b of list) {
    const c = b.counts
    const n = (k: string) => (c ? String(c[k]) : '?')
    console.log(
      `  ${localTime(b.takenAt).padEnd(17)}  ${(b.reason ?? '').padEnd(14)} ${String(b.schemaVersion).padStart(6)}  ${mb(b.bytes).padStart(8)}  ${n('person').padStart(7)} ${n('household').padStart(7)} ${n('membership').padStart(7)} ${n('expense').padStart(8)}  ${b.file}${b.problem ? `  (${b.problem})` : ''}`,
    )
  }
  return 0
}

/** `spn restore FILE`: the data of a backup back in place, the current data backed up first. */
export async function restoreCommand(where: Where, positionals: string[]): Promise<number> {
  const [given] = positionals
  if (!given) throw new UsageError('Which backup? spn restore FILE (spn backups lists them)')
  const file = existsSync(given) ? resolve(given) : join(backupsDir(where.dataDir), given)
  if (!existsSync(file)) throw new UsageError(`There is no file ${given}`)
  try {
    inspectSpnFile(file)
  } catch (e) {
    console.error(`spn: ${(e as Error).message}`)
    return 2
  }
  let db: Awaited<ReturnType<typeof openDatabase>>
  try {
    db = await openDatabase({ ...where, program: 'the command spn restore' })
  } catch (e) {
    // A damaged desktop file is what a restore is for: it is moved aside (kept, never deleted) and the backup restored in its place.
    const damaged = join(where.dataDir, DB_FILE)
    if (where.databaseUrl || !(e instanceof DatabaseOpenError) || e.kind !== 'unreadable' || !existsSync(damaged) || statSync(damaged).isDirectory()) throw e
    const aside = `${damaged}.damaged-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}`
    for (const side of ['', '-wal', '-shm']) if (existsSync(damaged + side)) renameSync(damaged + side, aside + side)
    console.log(`The current database cannot be opened; it was moved aside to ${aside}.`)
    db = await openDatabase({ ...where, program: 'the command spn restore' })
  }
  try {
    const r = await restoreBackup(db, file, where.dataDir, new Date())
    console.log(`The data before the restore was backed up to ${r.before}.`)
    console.log(`Restored ${basename(file)}: ${r.counts.person} persons, ${r.counts.household} households, ${r.counts.membership} memberships, ${r.counts.expense} expenses.`)
    return 0
  } finally {
    await db.close()
  }
}

/** `spn copy --from DIR|URL --to DIR|URL`: the whole database, verified table by table, into an empty target. */
export async function copyCommand(v: Record<string, string | boolean | undefined>): Promise<number> {
  const place = (s: string | boolean | undefined, option: string): Where => {
    if (typeof s !== 'string' || !s) throw new UsageError(`Give ${option}: a data folder (the SQLite file) or a PostgreSQL URL`)
    return isPostgresUrl(s) ? { dataDir: defaultDataDir(), databaseUrl: s } : { dataDir: resolve(s) }
  }
  const from = place(v.from, '--from')
  const to = place(v.to, '--to')
  const label = (w: Where) => (w.databaseUrl ? safeUrl(w.databaseUrl) : join(w.dataDir, DB_FILE))
  if (label(from) === label(to)) throw new UsageError('--from and --to are the same database')
  if (!from.databaseUrl && !existsSync(join(from.dataDir, DB_FILE))) throw new UsageError(`There is no database in ${from.dataDir}`)
  const source = await openDatabase({ ...from, program: 'the command spn copy (reading)' })
  try {
    const target = await openDatabase({ ...to, program: 'the command spn copy (writing)' })
    try {
      console.log(`Copying ${label(from)} to ${label(to)}…`)
      const tables = await copyDatabase(source, target, (t) => console.log(`  ${t.table.padEnd(18)} ${String(t.rows).padStart(8)} rows  checksum ${t.checksum}`))
      const rows = tables.reduce((s, t) => s + t.rows, 0)
      console.log(`Copied ${rows} rows in ${tables.length} tables; every table's count and checksum match the source.`)
      return 0
    } catch (e) {
      if (e instanceof CopyRefused) {
        console.error(`spn: ${e.message}`)
        return 2
      }
      throw e
    } finally {
      await target.close()
    }
  } finally {
    await source.close()
  }
}
