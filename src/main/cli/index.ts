import 'reflect-metadata'
import { parseArgs } from 'node:util'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { startBackend } from '../backend'
import { openDatabase } from '../db/open'
import { isPostgresUrl } from '../db/postgres'
import { resolveDatabaseUrl } from '../settings'
import { fileLogger, logFile } from '../log'
import { backupCommand, backupsCommand, copyCommand, restoreCommand } from './data'
import { cliLang, requireData, say, UsageError, type Where } from './common'
import type { ImportProblem } from '../../shared/api/financeTypes'
import { DEMO_SCALES, loadDemo, type DemoScale } from '../demo/load'
import { startHttpBridge } from '../transport/http'
import { defaultDataDir } from '../paths'
import { ROLES } from '../../shared/api/permissions'
import { formatBench, runBench } from '../bench/run'
import { importBudgetCommand } from './importBudget'

/** `spn`: the command-line side of the app, for Node. Exit codes: 0 ok, 1 failure, 2 bad usage. */
const USAGE = `Usage: spn <command> [options]

Commands:
  serve    [--data DIR] [--port N] [--demo] [--role secretariat|board]
           Start the backend and serve the app on 127.0.0.1 (browser mode).
  migrate  [--data DIR]            Create or update the database (after a backup copy).
  demo     [--data DIR] [--seed N] [--scale full|10k|10x]
           Load the demo data into an empty database (full: the project's size; 10k: about
           10,000 persons; 10x: ten times the project).
  report   membership|fees|assemblies|annual|groups|attendance|financial|funds|ledger [--data DIR]
           (--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD | --project-year N)
           [--lang mn|en] [--format xlsx|pdf] [--out FILE]
           Write a report file (format from --out's extension when not given). The membership
           and attendance reports take a year or a period; the fees, assemblies, annual and
           groups reports a year;
           the finance reports a project year, or none for the whole project (the ledger
           also a period).
  report   collection (--group CODE | --lsg CODE | --area CODE) --date YYYY-MM-DD
           Collection sheets: a small group's for its meeting date, or every small group's of a
           large group or an area for the week of the date (one sheet per page; the .xlsx can be
           filled in and imported in the app).
  report   portfolio --date YYYY-MM-DD      Loan portfolio quality on a date (PAR, ageing).
  report   group-funds --from YYYY-MM-DD --to YYYY-MM-DD
           The group funds' ledgers over a period and the check of each area's group money.
  report   passbook --person REGISTER_NUMBER_OR_ID [--date YYYY-MM-DD]
           A member's savings and loans statement.
  report   activities (--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD)
           The activities begun in the period: events by type and area, participants
           (events and unique persons) by sex and area, cost per participant in ₮ and DKK.
  report   progress [--project-year N]
           The progress report to the donor for a project year; without one the completion
           report over the whole project.
  report   ngo-annual --year YYYY
           The yearly activity report of the NGO law (article 23).
  import   expenses [--data DIR] FILE [--dry-run] [--project CODE] [--lang mn|en]
           Import an expense ledger (.xlsx or .csv): all rows, or none when a row is bad.
           --dry-run prints the preview and the problems only.
  import   budget [--data DIR] FILE --reason TEXT [--approved-on YYYY-MM-DD] [--project CODE]
           [--dry-run] [--lang mn|en]
           Record a budget version from the budget template (.xlsx; the app's Budget page offers
           it): the funding sources in the file are set from it, the others stay as they are.
           Nothing is recorded while a cell is bad; every bad cell is named.
  backup   [--data DIR]            Take a backup now (a SQLite file in DIR/backups, also of a server).
  backups  [--data DIR]            List the backups: when, why, schema, size, record counts.
  restore  FILE [--data DIR]       Put a backup's data back; the current data is backed up first.
  copy     --from DIR|URL --to DIR|URL
           Copy a whole database into an empty one (the desktop file to a shared server, or
           back to a portable file), checking every table's row count and checksum; all or nothing.
  bench    [--scale full,10k,10x] [--engines sqlite,postgresql]
           Time demo loading, person search, reports and imports beside raw baselines of the same
           engine (PostgreSQL on a throwaway local cluster), and the cost of synchronous=FULL.

Every command takes --database URL (or SPN_DATABASE_URL) to use a shared PostgreSQL server,
postgresql://user:password@host:5432/database, instead of the SQLite file in DIR.
Refusals and import problems are said in --lang, else SPN_LANG, else the system's locale
(mn_MN is Mongolian), else English.
DIR defaults to SPN_DATA_DIR or the user's app-data folder.`

function progressBar(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY
  return (done, total) => {
    const width = 30
    const filled = Math.round((done / total) * width)
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`
    if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`)
    else if (done === total || done % Math.max(1, Math.floor(total / 4)) < 50) process.stderr.write(`${line}\n`)
  }
}

async function demo(where: Where, seed: number, scale: DemoScale): Promise<void> {
  const db = await openDatabase({ ...where, program: 'the command spn demo' })
  try {
    const counts = await db.write((tx, sql) => loadDemo({ tx, sql }, { seed, ...DEMO_SCALES[scale], onProgress: progressBar('Loading demo') }))
    console.log(
      `Demo loaded into ${db.dbPath}: ${counts.branches} local organisations, ${counts.households} households, ` +
        `${counts.persons} persons, ${counts.organisations} member organisations, ${counts.memberships} memberships (${counts.events} decisions).`,
    )
  } finally {
    await db.close()
  }
}

async function serve(where: Where, port: number, withDemo: boolean, role: string): Promise<void> {
  if (!Object.prototype.hasOwnProperty.call(ROLES, role)) throw new UsageError(`--role must be one of ${Object.keys(ROLES).join(', ')}`)
  const backend = await startBackend({ ...where, session: { role: role as keyof typeof ROLES }, program: 'browser mode (spn serve)', log: fileLogger(where.dataDir, true) })
  if (withDemo && backend.db) {
    const n = await backend.db.read((_m, sql) => sql.value('SELECT count(*) AS n FROM branch'))
    if (n === 0) await backend.db.write((tx, sql) => loadDemo({ tx, sql }, { onProgress: progressBar('Loading demo') }))
  }
  const bridge = await startHttpBridge(backend, { port, rendererDir: resolve(join(__dirname, '..', 'renderer')) })
  if (backend.startupError) console.error(`The database could not be opened: ${backend.startupError}`)
  console.log(`SPN Secretariat ready at ${bridge.url}`)
  const stop = async () => {
    await bridge.close()
    await backend.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

async function report(where: Where, positionals: string[], v: Record<string, string | boolean | undefined>): Promise<number> {
  const [name] = positionals
  if (!name) throw new UsageError('Which report? e.g. spn report membership --year 2009')
  requireData(where)
  const out = v.out as string | undefined
  const format = (v.format as string | undefined) ?? (out?.match(/\.(xlsx|pdf)$/i)?.[1].toLowerCase())
  const input: Record<string, unknown> = { report: name, lang: v.lang ?? 'mn', format }
  if (v.year !== undefined) {
    if (!/^\d{4}$/.test(v.year as string)) throw new UsageError('--year must be a year like 2009')
    input.year = Number(v.year)
  }
  if (v['project-year'] !== undefined) {
    if (!/^\d{1,2}$/.test(v['project-year'] as string)) throw new UsageError('--project-year must be a number like 2')
    input.projectYear = Number(v['project-year'])
  }
  if (v.from !== undefined) input.from = v.from
  if (v.to !== undefined) input.to = v.to
  for (const k of ['date', 'group', 'lsg', 'area', 'person'] as const) if (v[k] !== undefined) input[k] = v[k]
  // A report only reads: it may run while the app has the data open, and takes no backup.
  const backend = await startBackend({ ...where, log: fileLogger(where.dataDir), readOnly: true })
  try {
    if (backend.startupError) {
      console.error(`spn: ${backend.startupError}`)
      return 1
    }
    const r = await backend.dispatch('reports.generate', input)
    if (!r.ok) {
      const option = r.error.field && r.error.field !== 'report' ? ` (--${r.error.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)})` : ''
      console.error(`spn: ${say(r.error, cliLang(v.lang))}${option}`)
      return r.error.code === 'validation' ? 2 : 1
    }
    const file = r.value as { fileName: string; base64: string; byteLength: number }
    const target = resolve(out ?? file.fileName)
    // A folder named in --out that does not exist yet is made, as `cp` users expect of a report's destination.
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, Buffer.from(file.base64, 'base64'))
    console.log(`Wrote ${target} (${file.byteLength} bytes)`)
    return 0
  } finally {
    await backend.close()
  }
}

async function importCommand(where: Where, positionals: string[], v: Record<string, string | boolean | undefined>): Promise<number> {
  const [what, file] = positionals
  if (what === 'budget') return importBudgetCommand(where, file, v)
  if (what !== 'expenses') throw new UsageError('What to import? spn import expenses FILE, or spn import budget FILE')
  if (!file) throw new UsageError('Give the ledger file: spn import expenses --data DIR FILE')
  if (!existsSync(file)) throw new UsageError(`There is no file ${file}`)
  requireData(where)
  const backend = await startBackend({ ...where, log: fileLogger(where.dataDir), program: 'the command spn import' })
  try {
    if (backend.startupError) {
      console.error(`spn: ${backend.startupError}`)
      return 1
    }
    const projects = await backend.dispatch('finance.projects', {})
    const list = projects.ok ? (projects.value as Array<{ id: number; code: string }>) : []
    const project = v.project ? list.find((p) => p.code === v.project) : list[0]
    if (!project) throw new UsageError(v.project ? `There is no project ${v.project}` : 'The database holds no project to import into')
    const r = await backend.dispatch('expenses.import', { projectId: project.id, fileName: basename(file), base64: readFileSync(file).toString('base64'), dryRun: v['dry-run'] === true })
    const lang = cliLang(v.lang)
    if (!r.ok) {
      console.error(`spn: ${say(r.error, lang)}`)
      return r.error.code === 'validation' ? 2 : 1
    }
    const res = r.value as { headerRow: number | null; rows: number; problems: ImportProblem[]; preview: Array<Record<string, unknown>>; imported: number; dryRun: boolean }
    console.log(`${basename(file)}: header on row ${res.headerRow ?? '-'}, ${res.rows} rows, ${res.problems.length} problems`)
    // Each bad cell named, in the language of the command (--lang, or the system's).
    for (const p of res.problems) {
      const column = lang === 'mn' ? p.columnMn : p.column
      console.log(`  row ${p.row}${column ? `, ${column}` : ''}: ${say({ message: p.reason, key: p.key, vars: p.vars }, lang)}`)
    }
    if (res.dryRun) {
      for (const row of res.preview) console.log(`  row ${row.row}: ${row.spentOn} ${row.voucher} ${row.lineCode} ${row.costCentre} ${Number(row.amountMinor) / 100} ${row.currency} ${row.source}`)
      if (res.rows > res.preview.length) console.log(`  … and ${res.rows - res.preview.length} more`)
      console.log(res.problems.length ? 'Nothing would be imported until the problems are fixed.' : `Dry run: ${res.rows} rows would be imported.`)
      return res.problems.length ? 2 : 0
    }
    if (res.problems.length) {
      console.error('spn: nothing was imported; fix the rows above and try again')
      return 2
    }
    console.log(`Imported ${res.imported} expenses into ${project.code}.`)
    return 0
  } finally {
    await backend.close()
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  let logDir: string | null = null
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        demo: { type: 'boolean' },
        seed: { type: 'string' },
        scale: { type: 'string' },
        year: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        lang: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'approved-on': { type: 'string' },
        reason: { type: 'string' },
        'project-year': { type: 'string' },
        date: { type: 'string' },
        group: { type: 'string' },
        lsg: { type: 'string' },
        area: { type: 'string' },
        person: { type: 'string' },
        project: { type: 'string' },
        role: { type: 'string' },
        database: { type: 'string' },
        engines: { type: 'string' },
      },
      strict: true,
    })
    const dataDir = resolve(values.data ?? defaultDataDir())
    logDir = existsSync(dataDir) ? dataDir : null
    // --database, then SPN_DATABASE_URL, then the server saved on the Settings page, else the file in DIR.
    const resolved = resolveDatabaseUrl(dataDir, values.database)
    if (resolved.url !== undefined && !isPostgresUrl(resolved.url)) throw new UsageError('--database must be a PostgreSQL URL: postgresql://user:password@host:5432/database')
    const where: Where = { dataDir, databaseUrl: resolved.url, databaseOverridden: resolved.overridden }
    switch (command) {
      case 'serve': {
        const port = values.port === undefined ? 0 : Number(values.port)
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535')
        await serve(where, port, values.demo ?? false, values.role ?? 'secretariat')
        return -1
      }
      case 'migrate': {
        const db = await openDatabase({ ...where, program: 'the command spn migrate' })
        console.log(`Database ${db.dbPath} is at schema version ${db.schemaVersion}.${db.backupPath ? ` Backup: ${db.backupPath}` : ''}`)
        await db.close()
        return 0
      }
      case 'demo': {
        const seed = values.seed === undefined ? 2007 : Number(values.seed)
        if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number')
        const scale = values.scale ?? 'full'
        if (!(scale in DEMO_SCALES)) throw new UsageError(`--scale must be one of ${Object.keys(DEMO_SCALES).join(', ')}`)
        await demo(where, seed, scale as DemoScale)
        return 0
      }
      case 'report':
        return await report(where, positionals, values)
      case 'import':
        return await importCommand(where, positionals, values)
      case 'copy':
        return await copyCommand(values)
      case 'backup':
        return await backupCommand(where)
      case 'backups':
        return backupsCommand(where)
      case 'restore':
        return await restoreCommand(where, positionals)
      case 'bench': {
        const scales = (values.scale ?? 'full,10k,10x').split(',')
        if (!scales.every((x) => x in DEMO_SCALES)) throw new UsageError(`--scale must be a list of ${Object.keys(DEMO_SCALES).join(', ')}`)
        const engines = (values.engines ?? 'sqlite,postgresql').split(',')
        if (!engines.every((x) => x === 'sqlite' || x === 'postgresql')) throw new UsageError('--engines must be a list of sqlite, postgresql')
        const rows = await runBench(scales as DemoScale[], console.error, engines as Array<'sqlite' | 'postgresql'>)
        console.log(formatBench(rows))
        return 0
      }
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`Unknown command ${command}`)
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`spn: ${(e as Error).message}\n\n${USAGE}`)
      return 2
    }
    console.error(`spn: ${(e as Error).message}`)
    if (logDir) {
      fileLogger(logDir)(`spn ${command ?? ''} failed`, e)
      console.error(`spn: the details are in ${logFile(logDir)}`)
    }
    return 1
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exit(code)
  })
}
