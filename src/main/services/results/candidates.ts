import type { Candidate } from '../../../shared/api/activitiesTypes'
import type { ServiceContext } from '../context'
import { ACTIVE_ON } from '../groups/structure'
import { IN_EFFECT } from '../activeMembers'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'

/*
 * Fast picking of an activity's participants: everyone of a small group or of
 * a large group on the day (its members), or the SPN members of a local
 * organisation on the day (the facilitators and volunteers). The page ticks
 * them all and the secretary unticks who did not come.
 */
export async function participantCandidates(ctx: ServiceContext, input: { from: 'ssg' | 'lsg' | 'branch'; id: number; on: string }): Promise<Candidate[]> {
  if (input.from === 'branch') {
    return ctx.sql.all<Candidate>(
      `SELECT p.id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, p.gender AS sex, b.name_mn AS "group"
       FROM membership m JOIN person p ON p.id = m.person_id JOIN branch b ON b.id = :id
       WHERE m.member_type = 'person' AND ${IN_EFFECT('type', 'on')} = 'accepted' AND ${IN_EFFECT('branch_id', 'on')} = :id
       ORDER BY p.sort_key, p.id`,
      input,
    )
  }
  return ctx.sql.all<Candidate>(
    `SELECT p.id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, p.gender AS sex, s.code AS "group"
     FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id JOIN person p ON p.id = gm.person_id
     WHERE ${input.from === 'ssg' ? 's.id = :id' : 's.lsg_id = :id'} AND ${ACTIVE_ON}
     ORDER BY s.code, p.sort_key, p.id`,
    input,
  )
}
