import { existsSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { startBackend } from '../backend'
import { fileLogger } from '../log'
import { cliLang, requireData, say, UsageError, type Where } from './common'
import type { Budget, BudgetFileResult, Project } from '../../shared/api/financeTypes'
import { todayIso } from '../../shared/domain/dates'

/**
 * `spn import budget FILE`: a budget version from the app's .xlsx template.
 * The sources in the file are set from it; the others keep the amounts of the
 * version in force (as in the app). Every bad cell is named and nothing is
 * recorded until the file is right.
 */
const FLAGS: Record<string, string> = { approvedOn: '--approved-on', reason: '--reason' }

export async function importBudgetCommand(where: Where, file: string | undefined, v: Record<string, string | boolean | undefined>): Promise<number> {
  if (!file) throw new UsageError('Give the budget file: spn import budget --data DIR FILE --reason TEXT')
  if (!existsSync(file)) throw new UsageError(`There is no file ${file}`)
  const dryRun = v['dry-run'] === true
  if (!dryRun && (typeof v.reason !== 'string' || !v.reason.trim())) throw new UsageError('Give the reason for the budget version: --reason TEXT (the original budget, or the donor’s approval of a revision)')
  requireData(where)
  const lang = cliLang(v.lang)
  const backend = await startBackend({ ...where, log: fileLogger(where.dataDir), program: 'the command spn import' })
  try {
    if (backend.startupError) {
      console.error(`spn: ${backend.startupError}`)
      return 1
    }
    const projects = await backend.dispatch('finance.projects', {})
    const list = projects.ok ? (projects.value as Project[]) : []
    const project = v.project ? list.find((p) => p.code === v.project) : list[list.length - 1]
    if (!project) throw new UsageError(v.project ? `There is no project ${v.project}` : 'The database holds no project to import into')
    const r = await backend.dispatch('budget.readFile', { projectId: project.id, fileName: basename(file), base64: readFileSync(file).toString('base64') })
    if (!r.ok) {
      console.error(`spn: ${say(r.error, lang)}`)
      return r.error.code === 'validation' ? 2 : 1
    }
    const res = r.value as BudgetFileResult
    console.log(`${basename(file)}: header on row ${res.headerRow ?? '-'}, ${res.rows} rows, ${res.problems.length} problems`)
    for (const p of res.problems) {
      const column = lang === 'mn' ? p.columnMn : p.column
      console.log(`  row ${p.row}${column ? `, ${column}` : ''}: ${say({ message: p.reason, key: p.key, vars: p.vars }, lang)}`)
    }
    if (res.problems.length) {
      console.error('spn: nothing was recorded; fix the cells above and try again')
      return 2
    }
    const covered = new Set(res.sourceIds)
    const codes = project.sources.filter((s) => covered.has(s.id)).map((s) => s.code)
    const total = res.amounts.reduce((s, a) => s + a.amountMinor, 0)
    console.log(`  ${codes.join(', ')}: ${res.amounts.length} amounts, DKK ${(total / 100).toFixed(2)}`)
    if (dryRun) {
      console.log('Dry run: nothing recorded.')
      return 0
    }
    let kept: Budget['amounts'] = []
    if (project.versions.length) {
      const current = await backend.dispatch('budget.get', { projectId: project.id })
      if (current.ok) kept = (current.value as Budget).amounts.filter((a) => !covered.has(a.sourceId))
    }
    const approvedOn = typeof v['approved-on'] === 'string' ? v['approved-on'] : todayIso()
    const saved = await backend.dispatch('budget.revise', { projectId: project.id, approvedOn, reason: v.reason, amounts: [...kept, ...res.amounts] })
    if (!saved.ok) {
      const field = saved.error.field ? (FLAGS[saved.error.field] ?? saved.error.field) : null
      console.error(`spn: ${say(saved.error, lang)}${field ? ` (${field})` : ''}`)
      return saved.error.code === 'validation' ? 2 : 1
    }
    const b = saved.value as Budget
    console.log(`Recorded budget version ${b.version.number} of ${project.code}, approved ${b.version.approvedOn}: DKK ${(b.totalMinor / 100).toFixed(2)}.`)
    for (const w of b.warnings) console.log(`  ! ${say({ message: w.message, key: w.key, vars: w.vars }, lang)}`)
    return 0
  } finally {
    await backend.close()
  }
}
