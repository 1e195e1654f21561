import { describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { main } from '../../src/main/cli'
import { openDatabase } from '../../src/main/db/open'
import { backupsToKeep, listBackupFiles, pruneBackups, type BackupFile } from '../../src/main/db/backup'
import { startBackend } from '../../src/main/backend'
import { cliSandbox } from '../helpers/cli'


const { out, err, dir } = cliSandbox('spn-backups-')
const data = () => join(dir(), 'data')
const at = (iso: string) => () => new Date(iso)
const backups = () => listBackupFiles(data()).map((b) => `${b.takenAt} ${b.reason}`)

describe('backups taken by themselves', () => {
  it('at the first start of each day and before a schema change; never twice a day, never by a reader', async () => {
    await (await openDatabase({ dataDir: data(), now: at('2026-03-01T08:00:00Z') })).close()
    expect(backups()).toEqual([]) // a new, empty database has nothing to back up
    await (await openDatabase({ dataDir: data(), now: at('2026-03-02T08:00:00Z') })).close()
    await (await openDatabase({ dataDir: data(), now: at('2026-03-02T09:30:00Z') })).close()
    await (await openDatabase({ dataDir: data(), readOnly: true, now: at('2026-03-03T08:00:00Z') })).close()
    expect(backups()).toEqual(['2026-03-02T08:00:00Z daily'])
    await (await openDatabase({ dataDir: data(), now: at('2026-03-03T10:00:00Z') })).close()
    expect(backups()).toEqual(['2026-03-03T10:00:00Z daily', '2026-03-02T08:00:00Z daily'])
  })

  it('a backup killed half-way leaves no file that counts as one, and the next backup clears it away', async () => {
    await (await openDatabase({ dataDir: data(), now: at('2026-03-01T08:00:00Z') })).close()
    mkdirSync(join(data(), 'backups'), { recursive: true })
    // What a crash during the online backup leaves: the temporary name, never the final one.
    writeFileSync(join(data(), 'backups', '.partial-spn-20260302-080000-schema6-daily.sqlite'), 'half a file')
    expect(backups()).toEqual([])
    await (await openDatabase({ dataDir: data(), now: at('2026-03-02T08:00:00Z') })).close()
    expect(backups()).toEqual(['2026-03-02T08:00:00Z daily'])
    expect(readdirSync(join(data(), 'backups')).filter((f) => f.startsWith('.partial'))).toEqual([])
  })

  it('keeps the newest of each of the last 14 days, 8 weeks and 12 months', () => {
    mkdirSync(join(data(), 'backups'), { recursive: true })
    // A backup every day at noon for 400 days, two on the last day.
    const start = Date.parse('2025-01-01T12:00:00Z')
    for (let i = 0; i < 400; i++) {
      const d = new Date(start + i * 86400000).toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
      writeFileSync(join(data(), 'backups', `spn-${d}-schema6-daily.sqlite`), '')
    }
    writeFileSync(join(data(), 'backups', 'spn-20260205-180000-schema6-manual.sqlite'), '')
    const removed = pruneBackups(data(), new Date('2026-02-05T19:00:00Z'))
    const kept = listBackupFiles(data())
    expect(removed.length + kept.length).toBe(401)
    const days = new Set(kept.map((k: BackupFile) => k.takenAt.slice(0, 10)))
    expect(days.size).toBe(kept.length) // one per day at most: the newest of that day
    expect(kept[0].file).toBe('spn-20260205-180000-schema6-manual.sqlite')
    // The last 14 days are all there; the oldest kept is about a year old; nothing in between is kept twice a month beyond 8 weeks.
    for (let i = 0; i < 14; i++) expect(days.has(new Date(Date.parse('2026-02-05T12:00:00Z') - i * 86400000).toISOString().slice(0, 10))).toBe(true)
    expect(kept[kept.length - 1].takenAt.slice(0, 7)).toBe('2025-03')
    const months = new Set(kept.map((k) => k.takenAt.slice(0, 7)))
    expect(months.size).toBe(12)
    expect(kept.length).toBeLessThanOrEqual(14 + 8 + 12)
    expect(backupsToKeep(kept, new Date('2026-02-05T19:00:00Z')).size).toBe(kept.length) // pruning again keeps them all
  })

  it('keeps every backup taken by hand or before a restore for 14 days, however many a day', () => {
    mkdirSync(join(data(), 'backups'), { recursive: true })
    for (const f of ['spn-20260301-090000-schema6-daily.sqlite', 'spn-20260301-100000-schema6-manual.sqlite', 'spn-20260301-110000-schema6-before-restore.sqlite', 'spn-20260301-120000-schema6-manual.sqlite', 'spn-20260301-130000-schema6-daily.sqlite']) {
      writeFileSync(join(data(), 'backups', f), '')
    }
    pruneBackups(data(), new Date('2026-03-01T14:00:00Z'))
    expect(listBackupFiles(data()).map((b) => b.reason)).toEqual(['daily', 'manual', 'before-restore', 'manual'])
    // Three weeks later only the newest of that day is left.
    pruneBackups(data(), new Date('2026-03-22T14:00:00Z'))
    expect(listBackupFiles(data()).map((b) => b.file)).toEqual(['spn-20260301-130000-schema6-daily.sqlite'])
  })
})

describe('spn backup, spn backups, spn restore', () => {
  it('bring back the data of a backup after a mistaken import, the data before the restore kept too', async () => {
    expect(await main(['demo', '--data', data()])).toBe(0)
    expect(await main(['backup', '--data', data()])).toBe(0)
    expect(out.join('\n')).toMatch(/Backup written: .*spn-\d{8}-\d{6}-schema\d+-manual\.sqlite \([\d.]+ MB; 61\d\d persons, 1200 households, \d+ memberships, \d+ expenses\)/)
    const before = await expenses()

    // The mistaken import: a ledger of 3 vouchers that were not the project's.
    const ledger = join(dir(), 'wrong.csv')
    writeFileSync(ledger, 'Date,Voucher,Budget line,Branch,Description,Amount,Currency,Funding source\n2009-05-01,X-1,1.1,Secretariat,Wrong,100,MNT,DANIDA\n2009-05-02,X-2,1.1,Secretariat,Wrong,100,MNT,DANIDA\n2009-05-03,X-3,1.1,Secretariat,Wrong,100,MNT,DANIDA\n')
    expect(await main(['import', 'expenses', '--data', data(), ledger])).toBe(0)
    expect(await expenses()).toBe(before + 3)

    out.length = 0
    expect(await main(['backups', '--data', data()])).toBe(0)
    const listing = out.join('\n')
    expect(listing).toMatch(/manual\s+\d+\s+[\d.]+ MB\s+61\d\d\s+1200\s+\d+\s+\d+\s+spn-.*-manual\.sqlite/)
    const manual = listBackupFiles(data()).find((b) => b.reason === 'manual')!

    expect(await main(['restore', '--data', data(), manual.file])).toBe(0)
    expect(await expenses()).toBe(before)
    expect(out.join('\n')).toMatch(/backed up to .*before-restore\.sqlite/)
    // The state before the restore (with the import) is a backup of its own, and can be restored in turn.
    const undo = listBackupFiles(data()).find((b) => b.reason === 'before-restore')!
    expect(await main(['restore', '--data', data(), undo.path])).toBe(0)
    expect(await expenses()).toBe(before + 3)
  })

  it('refuses a file that is not an SPN database, and changes nothing', async () => {
    expect(await main(['demo', '--data', data()])).toBe(0)
    const before = await expenses()
    const notes = join(dir(), 'minutes.sqlite')
    writeFileSync(notes, 'these are the minutes of the 2009 assembly, not a database')
    expect(await main(['restore', '--data', data(), notes])).toBe(2)
    expect(err.join('\n')).toMatch(/minutes\.sqlite cannot be restored: it is not a database file\. Nothing was changed\./)
    const other = await openDatabase({ dataDir: join(dir(), 'other') })
    await other.dataSource.query('DROP TABLE migrations')
    await other.close()
    expect(await main(['restore', '--data', data(), join(dir(), 'other', 'spn.sqlite')])).toBe(2)
    expect(err.join('\n')).toMatch(/it is not an SPN Secretariat database/)
    expect(await main(['restore', '--data', data(), join(dir(), 'nothing.sqlite')])).toBe(2)
    expect(await expenses()).toBe(before)
    expect(listBackupFiles(data()).filter((b) => b.reason === 'before-restore')).toEqual([])
    expect(existsSync(join(data(), 'spn.sqlite.restoring'))).toBe(false)
    void readFileSync
  })
})

async function expenses(): Promise<number> {
  const b = await startBackend({ dataDir: data(), readOnly: true, log: () => undefined })
  try {
    return await b.db!.read((_m, sql) => sql.value('SELECT count(*) AS n FROM expense'))
  } finally {
    await b.close()
  }
}

describe('the data folder in trouble, in words', () => {
  it('a folder named like the database, a damaged database file, a file in the way of the folder', async () => {
    mkdirSync(join(data(), 'spn.sqlite'), { recursive: true })
    await expect(openDatabase({ dataDir: data() })).rejects.toThrow(/spn\.sqlite is a folder, not the database file\. Move or rename that folder/)
    rmSync(join(data(), 'spn.sqlite'), { recursive: true })
    writeFileSync(join(data(), 'spn.sqlite'), Buffer.alloc(4096, 7))
    await expect(openDatabase({ dataDir: data() })).rejects.toThrow(/cannot be opened: it is damaged, or it is not a database at all\. It was not changed\. Restore a backup/)
    writeFileSync(join(dir(), 'a-file'), 'x')
    await expect(openDatabase({ dataDir: join(dir(), 'a-file', 'data') })).rejects.toThrow(/cannot be created \(a file is in the way of the folder\)/)
  })

  it('spn restore puts a backup in place of a damaged file, keeping the damaged one aside', async () => {
    expect(await main(['demo', '--data', data()])).toBe(0)
    expect(await main(['backup', '--data', data()])).toBe(0)
    const [backup] = listBackupFiles(data())
    const before = await expenses()
    writeFileSync(join(data(), 'spn.sqlite'), Buffer.alloc(8192, 1))
    rmSync(join(data(), 'spn.sqlite-wal'), { force: true })
    rmSync(join(data(), 'spn.sqlite-shm'), { force: true })
    expect(await main(['restore', '--data', data(), backup.file])).toBe(0)
    expect(out.join('\n')).toMatch(/cannot be opened; it was moved aside to .*spn\.sqlite\.damaged-/)
    expect(await expenses()).toBe(before)
    expect(readdirSync(data()).some((f) => /^spn\.sqlite\.damaged-\d{8}T\d{6}$/.test(f))).toBe(true)
  })

  it('keeps the CLI log in the data folder, so "the details are in the log" is true', async () => {
    expect(await main(['demo', '--data', data()])).toBe(0)
    // The database breaks under the report: an unexpected failure.
    const db = await openDatabase({ dataDir: data() })
    await db.dataSource.query('DROP TABLE fee_payment')
    await db.close()
    expect(await main(['report', 'fees', '--data', data(), '--year', '2009', '--out', join(dir(), 'f.xlsx')])).toBe(1)
    expect(err.join('\n')).toMatch(/details are in the log/)
    const log = readFileSync(join(data(), 'logs', 'spn.log'), 'utf8')
    expect(log).toMatch(/Operation reports\.generate failed unexpectedly\n.*no such table: fee_payment/)
  })
})
