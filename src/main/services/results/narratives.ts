import { DomainError } from '../../../shared/domain/result'
import { NARRATIVE_SECTIONS, type Narratives, type NarrativeSection } from '../../../shared/api/resultsTypes'
import { audit, type ServiceContext } from '../context'
import { requireProject, projectYears } from '../finance/projects'

/*
 * The progress report's texts, per project year (0: the completion report
 * over the whole project): summary, challenges, lessons learned. Appended:
 * the latest text of a section is the report's; the earlier ones stay.
 */

export async function narratives(ctx: ServiceContext, input: { projectId: number; projectYear: number }): Promise<Narratives> {
  const p = await requireProject(ctx, input.projectId)
  if (input.projectYear > projectYears(p)) throw new DomainError('validation', `must be at most ${projectYears(p)}, the project's years`, 'projectYear', { key: 'r.projectYears', vars: { n: projectYears(p) } })
  const rows = await ctx.sql.all<{ section: NarrativeSection; text: string; enteredAt: string; enteredBy: string }>(
    `SELECT n.section, n.text, n.entered_at AS "enteredAt", n.entered_by AS "enteredBy" FROM project_narrative n
     WHERE n.project_id = :projectId AND n.project_year = :projectYear ORDER BY n.id`,
    input,
  )
  const out = { projectId: p.id, projectYear: input.projectYear } as Narratives
  for (const s of NARRATIVE_SECTIONS) {
    const mine = rows.filter((r) => r.section === s)
    const last = mine[mine.length - 1]
    out[s] = last ? { text: last.text, enteredAt: last.enteredAt, enteredBy: last.enteredBy, versions: mine.length } : null
  }
  return out
}

export async function setNarratives(ctx: ServiceContext, input: { projectId: number; projectYear: number; texts: Partial<Record<NarrativeSection, string>> }): Promise<Narratives> {
  const before = await narratives(ctx, input)
  let changed = 0
  for (const s of NARRATIVE_SECTIONS) {
    const text = input.texts[s]
    // Only what changed is appended: saving the form again adds nothing.
    if (text === undefined || text === (before[s]?.text ?? '')) continue
    await ctx.sql.run(`INSERT INTO project_narrative (project_id, project_year, section, text, entered_at, entered_by) VALUES (:projectId, :projectYear, :s, :text, :now, :actor)`, {
      ...input,
      s,
      text,
      now: ctx.now,
      actor: ctx.actor,
    })
    changed++
  }
  if (changed) await audit(ctx, 'project_narrative', input.projectId, Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, before[s]?.text ?? null])), { projectYear: input.projectYear, ...input.texts })
  return narratives(ctx, input)
}
