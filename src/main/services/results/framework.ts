import { todayIso } from '../../../shared/domain/dates'
import { DomainError } from '../../../shared/domain/result'
import { MEASURES, type Framework, type Indicator, type IndicatorYear, type Measure, type MeasureFigure } from '../../../shared/api/resultsTypes'
import type { ServiceContext } from '../context'
import { requireProject } from '../finance/projects'
import { defaultProject, yearColumns, yearStart } from './groupProgress'
import { computeMeasure, isStock, type Period } from './measures'

/*
 * The results framework of a project with its figures per project year: for
 * an indicator computed from the records, the year's figure and the
 * cumulative one (from the project's start; a stock is the same on the
 * year's last day), with the figures they come from; for one entered per
 * period, the latest value entered for the year (a cumulative indicator sums
 * the years). Achieved is the figure the target is set for over the target.
 */

interface IndicatorRow {
  id: number
  version: number
  code: string
  level: 'outcome' | 'output'
  nameEn: string
  nameMn: string
  definitionEn: string | null
  definitionMn: string | null
  unit: 'number' | 'percent'
  cumulative: number
  measure: string | null
  baselineValue: string | null
  baselineOn: string | null
  meansOfVerification: string | null
  disaggregation: string
}

const INDICATOR_SQL = `SELECT id, version, code, level, name_en AS "nameEn", name_mn AS "nameMn", definition_en AS "definitionEn", definition_mn AS "definitionMn", unit, cumulative, measure,
  baseline_value AS "baselineValue", baseline_on AS "baselineOn", means_of_verification AS "meansOfVerification", disaggregation FROM indicator`

const num = (v: string | null) => (v === null || v.trim() === '' ? null : Number(v))

/** Figures of one call, each computed once (several indicators may read the same measure and period). */
function memo(ctx: ServiceContext) {
  const known = new Map<string, Promise<MeasureFigure>>()
  return (measure: Measure, p: Period) => {
    const key = `${measure}/${p.from}/${p.to}`
    let f = known.get(key)
    if (!f) known.set(key, (f = computeMeasure(ctx, measure, p)))
    return f
  }
}

export async function resultsFramework(ctx: ServiceContext, input: { projectId?: number; indicatorId?: number; projectYear?: number }): Promise<Framework> {
  const projectId = input.projectId ?? (await defaultProject(ctx))
  if (projectId === null) return { project: null, columns: [], indicators: [] }
  const p = await requireProject(ctx, projectId)
  const columns = yearColumns(p, todayIso(ctx.now)).filter((c) => input.projectYear === undefined || c.projectYear === input.projectYear)
  const rows = await ctx.sql.all<IndicatorRow>(`${INDICATOR_SQL} WHERE project_id = :projectId ${input.indicatorId === undefined ? '' : 'AND id = :indicatorId'} ORDER BY level, code`, { projectId, indicatorId: input.indicatorId })
  const ids = rows.map((r) => r.id)
  const targets = ids.length
    ? await ctx.sql.all<{ indicatorId: number; projectYear: number; target: string }>(`SELECT indicator_id AS "indicatorId", project_year AS "projectYear", target FROM indicator_target WHERE indicator_id IN (:ids)`, { ids })
    : []
  // The latest entry per indicator and year.
  const entries = ids.length
    ? await ctx.sql.all<{ indicatorId: number; projectYear: number; value: string | null; source: string | null; comment: string | null; enteredAt: string; enteredBy: string }>(
        `SELECT v.indicator_id AS "indicatorId", v.project_year AS "projectYear", v.value, v.source, v.comment, v.entered_at AS "enteredAt", v.entered_by AS "enteredBy"
         FROM indicator_value v WHERE v.indicator_id IN (:ids) AND v.id = (SELECT max(x.id) FROM indicator_value x WHERE x.indicator_id = v.indicator_id AND x.project_year = v.project_year)`,
        { ids },
      )
    : []
  const figureOf = memo(ctx)
  const indicators: Indicator[] = []
  for (const r of rows) {
    const measure = r.measure !== null && (MEASURES as readonly string[]).includes(r.measure) ? (r.measure as Measure) : null
    const years: IndicatorYear[] = []
    for (const c of columns) {
      const target = num(targets.find((x) => x.indicatorId === r.id && x.projectYear === c.projectYear)?.target ?? null)
      const e = entries.find((x) => x.indicatorId === r.id && x.projectYear === c.projectYear)
      const entered = e ? { value: num(e.value), source: e.source, comment: e.comment, enteredAt: e.enteredAt, enteredBy: e.enteredBy } : null
      let actual: number | null
      let cumulative: number | null
      let figure: MeasureFigure | null = null
      if (measure) {
        const year = await figureOf(measure, { from: yearStart(p, c.projectYear), to: c.asOf })
        const whole = isStock(measure) ? year : await figureOf(measure, { from: p.startsOn, to: c.asOf })
        actual = year.value
        cumulative = whole.value
        figure = r.cumulative ? whole : year
      } else {
        actual = entered?.value ?? null
        // A cumulative one sums what was entered for every year up to this one.
        cumulative = r.cumulative ? entries.filter((x) => x.indicatorId === r.id && x.projectYear <= c.projectYear).reduce((s, x) => s + (num(x.value) ?? 0), 0) : actual
      }
      const against = r.cumulative ? cumulative : actual
      years.push({ ...c, target, actual, cumulative, achieved: target && against !== null ? Math.round((against / target) * 1000) / 10 : null, figure, entered })
    }
    indicators.push({
      id: r.id,
      version: Number(r.version),
      code: r.code,
      level: r.level,
      name: { mn: r.nameMn, en: r.nameEn },
      definition: r.definitionMn || r.definitionEn ? { mn: r.definitionMn ?? r.definitionEn ?? '', en: r.definitionEn ?? r.definitionMn ?? '' } : null,
      unit: r.unit,
      cumulative: Boolean(Number(r.cumulative)),
      measure,
      baseline: { value: num(r.baselineValue), on: r.baselineOn },
      meansOfVerification: r.meansOfVerification,
      disaggregation: JSON.parse(r.disaggregation) as Indicator['disaggregation'],
      years,
    })
  }
  return { project: { id: p.id, code: p.code, name: { en: p.name, mn: p.nameMn ?? p.name }, startsOn: p.startsOn }, columns, indicators }
}

export async function indicatorDetail(ctx: ServiceContext, input: { id: number }): Promise<Framework> {
  const projectId = await ctx.sql.value<number | null>(`SELECT project_id AS id FROM indicator WHERE id = :id`, { id: input.id })
  if (projectId === null || projectId === undefined) throw new DomainError('not_found', `No indicator with id ${input.id}`, 'id')
  return resultsFramework(ctx, { projectId, indicatorId: input.id })
}
