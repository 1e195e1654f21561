import { createHash } from 'node:crypto'
import { DomainError } from '../../../shared/domain/result'
import { formatDateMn, todayIso } from '../../../shared/domain/dates'
import type { ReportFile } from '../../../shared/api/contract'
import type { SubmittedReport } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { MIME, generateReport } from '../reports'
import { project, checkYear } from '../../reports/finance'
import { periodOf } from './budgetVsActual'

/*
 * Reports submitted to the donor (DESIGN.md: "a locked (submitted) period
 * takes no new entries"). The file is kept byte for byte with its SHA-256;
 * from then on the project's entries dated up to the end of its period are
 * refused, so a report of that period, made again, gives the same figures;
 * a mistake found later is corrected in the open period by a voucher that
 * names the one it corrects.
 */

const SELECT = `SELECT id, project_id AS "projectId", report, project_year AS "projectYear", period_from AS "from", period_to AS "to", lang, format,
  file_name AS "fileName", sha256, byte_length AS "byteLength", note, submitted_at AS "submittedAt", submitted_by AS "submittedBy" FROM submitted_report`

export async function submitReport(
  ctx: ServiceContext,
  input: { report: SubmittedReport['report']; projectId?: number; projectYear: number | null; lang: 'mn' | 'en'; format: 'xlsx' | 'pdf'; note: string | null },
): Promise<SubmittedReport> {
  const p = await project(ctx, input.projectId)
  checkYear(p, input.projectYear)
  const { from, to } = periodOf(p, input.projectYear)
  // A period is reported once it has ended.
  if (to >= todayIso(ctx.now)) {
    throw new DomainError('validation', `ends on ${to}, not over yet: a period is submitted once it has ended`, 'projectYear', { key: 'r.periodNotOver', vars: { to: formatDateMn(to) } })
  }
  const { file, bytes } = await generateReport(ctx, {
    report: input.report,
    projectId: p.id,
    ...(input.projectYear === null ? {} : { projectYear: input.projectYear }),
    lang: input.lang,
    format: input.format,
  })
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const id = await ctx.sql.insert(
    `INSERT INTO submitted_report (project_id, report, project_year, period_from, period_to, lang, format, file_name, content, sha256, byte_length, note, submitted_at, submitted_by)
     VALUES (:projectId, :report, :projectYear, :from, :to, :lang, :format, :fileName, :content, :sha256, :byteLength, :note, :now, :actor) RETURNING id`,
    { projectId: p.id, report: input.report, projectYear: input.projectYear, from, to, lang: input.lang, format: input.format, fileName: file.fileName, content: file.base64, sha256, byteLength: bytes.length, note: input.note, now: ctx.now, actor: ctx.actor },
  )
  const out = (await ctx.sql.one<SubmittedReport>(`${SELECT} WHERE id = :id`, { id }))!
  await audit(ctx, 'submitted_report', id, null, out)
  return out
}

export async function listSubmitted(ctx: ServiceContext, input: { projectId?: number }): Promise<SubmittedReport[]> {
  const where = input.projectId === undefined ? '' : ' WHERE project_id = :projectId'
  return ctx.sql.all<SubmittedReport>(`${SELECT}${where} ORDER BY submitted_at DESC, id DESC`, input)
}

/** The file as it was submitted; a file that no longer matches its hash is refused, not handed out. */
export async function submittedFile(ctx: ServiceContext, input: { id: number }): Promise<ReportFile & { sha256: string }> {
  const r = await ctx.sql.one<{ fileName: string; format: 'xlsx' | 'pdf'; content: string; sha256: string }>(
    `SELECT file_name AS "fileName", format, content, sha256 FROM submitted_report WHERE id = :id`,
    input,
  )
  if (!r) throw new DomainError('not_found', `No submitted report with id ${input.id}`, 'id', { key: 'r.noEntry', vars: { id: input.id } })
  const bytes = Buffer.from(r.content, 'base64')
  if (createHash('sha256').update(bytes).digest('hex') !== r.sha256) {
    throw new DomainError('conflict', `The kept file of ${r.fileName} no longer matches its SHA-256`, 'id', { key: 'r.submittedChanged', vars: { file: r.fileName } })
  }
  return { fileName: r.fileName, mimeType: MIME[r.format], base64: r.content, byteLength: bytes.length, sha256: r.sha256 }
}
