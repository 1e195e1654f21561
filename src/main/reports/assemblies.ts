import type { Lang } from '../../shared/i18n'
import { formatDateMn } from '../../shared/domain/dates'
import type { ServiceContext } from '../services/context'
import { getAssembly, listAssemblies } from '../services/assemblies'
import { translator, writerLabels } from './common'
import type { CellValue, ReportModel } from './model'
import { correctionNotes } from './corrections'

/** The assemblies and elections of a year: attendance, quorum, decisions, elections and the boards they gave. */
export async function assembliesReport(ctx: ServiceContext, opts: { year: number; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(opts.lang)
  const name = (n: { mn: string; en: string }) => (opts.lang === 'mn' ? n.mn : n.en)
  const list = (await listAssemblies(ctx, { year: opts.year })).sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id)
  const details = []
  for (const a of list) details.push(await getAssembly(ctx, a.id))
  const body = (a: (typeof list)[number]) => (a.kind === 'general' ? t('assembly.general') : name(a.bodyName))
  const boardBody = (a: (typeof list)[number]) => (a.kind === 'general' ? t('board.central') : name(a.bodyName))
  // A board's term runs until the body's next election (possibly in a later year).
  const nextElection = (heldOn: string, branchId: number | null) =>
    ctx.sql.value<string | null>(
      `SELECT min(a.held_on) AS d FROM election e JOIN assembly a ON a.id = e.assembly_id WHERE a.held_on > :heldOn AND a.branch_id IS NOT DISTINCT FROM :branchId`,
      { heldOn, branchId },
    )
  const elections: Array<Record<string, CellValue>> = []
  const boards: Array<Record<string, CellValue>> = []
  const tieNotes: string[] = []
  for (const d of details) {
    const e = d.election
    if (!e) continue
    const a = d.assembly
    for (const c of e.candidates) {
      elections.push({
        date: a.heldOn,
        body: boardBody(a),
        candidate: c.name,
        votes: c.votes,
        result: c.elected ? t('report.result.elected') : c.tied ? t('report.result.tied') : t('report.result.notElected'),
        role: c.role ? t(`role.${c.role}`) : '',
      })
    }
    const until = (await nextElection(a.heldOn, a.branchId)) ?? null
    for (const c of e.candidates.filter((x) => x.elected)) {
      boards.push({ body: boardBody(a), member: c.name, role: t(`role.${c.role ?? 'member'}`), from: a.heldOn, until: until ?? t('report.untilNext') })
    }
    if (e.tieResolution) tieNotes.push(t('report.assemblies.tieNote', { body: boardBody(a), date: formatDateMn(a.heldOn), decision: e.tieResolution }))
  }
  const withoutQuorum = list.filter((a) => !a.quorumMet).length
  return {
    report: 'assemblies',
    lang: opts.lang,
    title: t('report.assemblies.title'),
    organisation: t('report.organisation'),
    period: { from: `${opts.year}-01-01`, to: `${opts.year}-12-31`, label: String(opts.year) },
    generatedAt: opts.generatedAt,
    summary: [
      { label: t('report.sum.assemblies'), value: list.length, type: 'int' },
      { label: t('report.sum.withoutQuorum'), value: withoutQuorum, type: 'int' },
      { label: t('report.sum.elections'), value: details.filter((d) => d.election).length, type: 'int' },
      { label: t('report.sum.ties'), value: tieNotes.length, type: 'int' },
    ],
    sections: [
      {
        title: t('report.assemblies.list'),
        sheetName: t('report.assemblies.listSheet'),
        table: {
          columns: [
            { key: 'date', label: t('report.col.date'), type: 'date' },
            { key: 'body', label: t('report.col.body'), type: 'text' },
            { key: 'place', label: t('report.col.place'), type: 'text' },
            { key: 'eligible', label: t('report.col.eligible'), type: 'int' },
            { key: 'present', label: t('report.col.present'), type: 'int' },
            { key: 'needed', label: t('report.col.needed'), type: 'int' },
            { key: 'quorum', label: t('report.col.quorum'), type: 'text' },
            { key: 'fee', label: t('report.col.fee'), type: 'mnt' },
            { key: 'seats', label: t('report.col.seats'), type: 'int' },
          ],
          rows: details.map((d) => ({
            date: d.assembly.heldOn,
            body: body(d.assembly),
            place: d.assembly.place,
            eligible: d.assembly.membersEligible,
            present: d.assembly.membersPresent,
            needed: d.assembly.quorumNeeded,
            quorum: d.assembly.quorumMet ? t('report.yes') : t('report.no'),
            fee: d.feeDecision?.amountMinor ?? null,
            seats: d.election?.seats ?? null,
          })),
          total: { label: t('report.total'), keys: ['eligible', 'present'] },
        },
        notes: list.length ? [] : [t('report.none')],
      },
      {
        title: t('report.assemblies.decisions'),
        sheetName: t('report.assemblies.decisionsSheet'),
        table: {
          columns: [
            { key: 'date', label: t('report.col.date'), type: 'date' },
            { key: 'body', label: t('report.col.body'), type: 'text' },
            { key: 'decisions', label: t('report.col.decisions'), type: 'text' },
          ],
          rows: details
            .filter((d) => d.decisions)
            .map((d) => ({ date: d.assembly.heldOn, body: body(d.assembly), decisions: d.assembly.quorumMet ? d.decisions : `[${t('report.noQuorumMark')}] ${d.decisions}` })),
        },
      },
      {
        title: t('report.assemblies.elections'),
        sheetName: t('report.assemblies.electionsSheet'),
        table: {
          columns: [
            { key: 'date', label: t('report.col.date'), type: 'date' },
            { key: 'body', label: t('report.col.body'), type: 'text' },
            { key: 'candidate', label: t('report.col.candidate'), type: 'text' },
            { key: 'votes', label: t('report.col.votes'), type: 'int' },
            { key: 'result', label: t('report.col.result'), type: 'text' },
            { key: 'role', label: t('report.col.role'), type: 'text' },
          ],
          rows: elections,
        },
        notes: tieNotes,
      },
      {
        title: t('report.assemblies.boards'),
        sheetName: t('report.assemblies.boardsSheet'),
        table: {
          columns: [
            { key: 'body', label: t('report.col.body'), type: 'text' },
            { key: 'member', label: t('report.col.member'), type: 'text' },
            { key: 'role', label: t('report.col.role'), type: 'text' },
            { key: 'from', label: t('report.col.termFrom'), type: 'date' },
            { key: 'until', label: t('report.col.termUntil'), type: 'date' },
          ],
          rows: boards,
        },
      },
    ],
    notes: await correctionNotes(ctx, opts.year, t, opts.lang),
    rates: [],
    labels: writerLabels(t),
  }
}
