import { addDays } from '../../../shared/domain/dates'
import { meetingPeriodKey } from '../../../shared/domain/meetings'
import type { ServiceContext } from '../context'

/*
 * DOMAIN.md: "due dates on the SSG's meeting dates (a moved meeting moves
 * the due date)". Instalments fall on the small group's meeting weekday; when
 * the group meets on another day of such a week (and not on the weekday
 * itself), that week's instalment is due on the meeting's day. The schedule
 * stays as it was set; the move is appended beside it (instalment_due_move)
 * when the meeting is recorded, or when a loan is granted or rescheduled over
 * a week whose meeting was moved. Every reader takes the moved day.
 */

/** The due date as readers take it: the moved day where there is one (alias mv for instalment_due_move, i for loan_instalment). */
export const DUE_SQL = 'coalesce(mv.due_on, i.due_on)'
/** The join that DUE_SQL needs. */
export const DUE_JOIN = 'LEFT JOIN instalment_due_move mv ON mv.instalment_id = i.id'

/**
 * Moves the due dates of a small group's instalments (latest schedules, not
 * moved yet) that fall in a week whose meeting was held on another day:
 * the weeks of the meetings given, or of every meeting of the group.
 */
export async function moveDueDates(ctx: ServiceContext, input: { ssgId: number; loanId?: number; meetings?: Array<{ id: number; heldOn: string }> }): Promise<number> {
  const weekday = await ctx.sql.value<number>(`SELECT meeting_weekday AS w FROM ssg WHERE id = :ssgId`, input)
  const meetings = input.meetings ?? (await ctx.sql.all<{ id: number; heldOn: string }>(`SELECT id, held_on AS "heldOn" FROM group_meeting WHERE group_type = 'ssg' AND group_id = :ssgId ORDER BY held_on`, input))
  const held = new Set(await ctx.sql.column<string>(`SELECT held_on FROM group_meeting WHERE group_type = 'ssg' AND group_id = :ssgId`, input))
  let moved = 0
  for (const m of meetings) {
    const due = addDays(meetingPeriodKey('ssg', m.heldOn), Number(weekday) - 1)
    // A meeting on the weekday itself, or another one beside it that week, moves nothing.
    if (due === m.heldOn || held.has(due)) continue
    const instalments = await ctx.sql.all<{ id: number }>(
      `SELECT i.id FROM loan_instalment i JOIN loan l ON l.id = i.loan_id ${DUE_JOIN}
       WHERE l.ssg_id = :ssgId AND i.due_on = :due AND mv.id IS NULL AND (:loanId = 0 OR l.id = :loanId)
         AND i.schedule_no = (SELECT max(x.schedule_no) FROM loan_instalment x WHERE x.loan_id = i.loan_id)`,
      { ssgId: input.ssgId, due, loanId: input.loanId ?? 0 },
    )
    for (const i of instalments) {
      await ctx.sql.run(`INSERT INTO instalment_due_move (instalment_id, due_on, meeting_id, created_at) VALUES (:id, :heldOn, :meetingId, :now)`, { id: i.id, heldOn: m.heldOn, meetingId: m.id, now: ctx.now })
      moved++
    }
  }
  return moved
}
