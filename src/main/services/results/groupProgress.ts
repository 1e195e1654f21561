import { addYears, dayBefore, todayIso } from '../../../shared/domain/dates'
import { GROUP_MEASURES, type GroupMeasure, type GroupProgress, type ProgressColumn } from '../../../shared/api/resultsTypes'
import type { ServiceContext } from '../context'
import { ACTIVE_ON } from '../groups/structure'
import { groupOffices } from '../groups/offices'
import { requireProject, projectYears } from '../finance/projects'

/*
 * The project's self-help group figures on a date, each counted once here
 * (the dashboard and, later, the results framework's indicators read them):
 * the definitions are those of DOMAIN.md's results framework.
 */

/** Households with a member in a small group on the date. */
export const MEMBER_HOUSEHOLDS = `SELECT DISTINCT gm.household_id FROM group_member gm WHERE ${ACTIVE_ON}`

/** A group figure on a date. */
export async function groupMeasure(ctx: ServiceContext, measure: GroupMeasure, on: string): Promise<number> {
  switch (measure) {
    case 'families_in_groups':
      return Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM (${MEMBER_HOUSEHOLDS}) h`, { on }))
    case 'persons_of_member_families':
      return Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM person p WHERE p.household_id IN (${MEMBER_HOUSEHOLDS})`, { on }))
    case 'ssgs_active':
      return Number(await ctx.sql.value<number>(`SELECT count(DISTINCT gm.ssg_id) AS n FROM group_member gm WHERE ${ACTIVE_ON}`, { on }))
    case 'cbos_formed':
      return Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM cbo WHERE founded_on <= :on`, { on }))
    case 'lsgs_constituted': {
      // Regulations adopted by the date, and a chairman and a treasurer in office on it.
      const lsgs = await ctx.sql.column<number>(
        `SELECT l.id FROM lsg l WHERE l.formed_on <= :on AND EXISTS (
           SELECT 1 FROM group_document d JOIN group_meeting m ON m.id = d.meeting_id WHERE d.group_type = 'lsg' AND d.group_id = l.id AND m.held_on <= :on)`,
        { on },
      )
      let n = 0
      for (const id of lsgs) {
        const holders = new Set((await groupOffices(ctx, { groupType: 'lsg', groupId: id }, on)).current.map((c) => c.office))
        if (holders.has('chair') && holders.has('treasurer')) n++
      }
      return n
    }
  }
}

/** The project years begun by today: each to its last day, or to today while it runs. */
export function yearColumns(p: { startsOn: string; endsOn: string }, today: string): ProgressColumn[] {
  const columns: ProgressColumn[] = []
  for (let y = 1; y <= projectYears(p); y++) {
    const start = addYears(p.startsOn, y - 1)
    if (start > today) break
    const lastDay = dayBefore(addYears(p.startsOn, y))
    const end = lastDay < p.endsOn ? lastDay : p.endsOn
    columns.push({ projectYear: y, asOf: end < today ? end : today, running: end > today })
  }
  return columns
}

/** The first day of a project year. */
export const yearStart = (p: { startsOn: string }, projectYear: number) => addYears(p.startsOn, projectYear - 1)

/** The project running today, else the latest begun, else the first. */
export async function defaultProject(ctx: ServiceContext): Promise<number | null> {
  const today = todayIso(ctx.now)
  return (
    (await ctx.sql.value<number | null>(`SELECT max(id) AS id FROM project WHERE starts_on <= :today AND ends_on >= :today`, { today })) ??
    (await ctx.sql.one<{ id: number }>(`SELECT id FROM project WHERE starts_on <= :today ORDER BY starts_on DESC, id DESC LIMIT 1`, { today }))?.id ??
    (await ctx.sql.value<number | null>(`SELECT min(id) AS id FROM project`))
  )
}

export async function groupProgress(ctx: ServiceContext, input: { projectId?: number }): Promise<GroupProgress> {
  const projectId = input.projectId ?? (await defaultProject(ctx))
  if (projectId === null) return { project: null, columns: [], rows: [] }
  const p = await requireProject(ctx, projectId)
  const columns = yearColumns(p, todayIso(ctx.now))
  const indicators = await ctx.sql.all<{ id: number; code: string; measure: GroupMeasure; en: string; mn: string }>(
    `SELECT id, code, measure, name_en AS en, name_mn AS mn FROM indicator WHERE project_id = :projectId AND measure IS NOT NULL ORDER BY code`,
    { projectId },
  )
  const targets = await ctx.sql.all<{ indicatorId: number; projectYear: number; target: string }>(
    `SELECT t.indicator_id AS "indicatorId", t.project_year AS "projectYear", t.target FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id WHERE i.project_id = :projectId`,
    { projectId },
  )
  const rows = []
  for (const measure of GROUP_MEASURES) {
    const indicator = indicators.find((i) => i.measure === measure)
    const actual: number[] = []
    for (const c of columns) actual.push(await groupMeasure(ctx, measure, c.asOf))
    rows.push({
      measure,
      indicator: indicator ? { code: indicator.code, name: { en: indicator.en, mn: indicator.mn } } : null,
      actual,
      target: columns.map((c) => {
        const t = indicator && targets.find((x) => x.indicatorId === indicator.id && x.projectYear === c.projectYear)
        return t ? Number(t.target) : null
      }),
    })
  }
  return { project: { id: p.id, code: p.code, name: { en: p.name, mn: p.nameMn ?? p.name } }, columns, rows }
}
