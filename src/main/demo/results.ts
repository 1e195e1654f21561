import { IndicatorEntity, IndicatorTargetEntity } from '../db/entities'
import { flush, Rows, type LoadTarget } from './rows'
import type { GroupMeasure } from '../../shared/api/resultsTypes'

/*
 * The results framework of the demo's DANIDA project: the indicators of the
 * source's outcomes that the app computes from its group records, with the
 * source's targets per project year (2 large groups of 40 families per area
 * in each of years 1-3; 6,000 members of 1,200 families; a CBO in each of the
 * 5 areas). Year 4 keeps the level reached.
 */
const INDICATORS: Array<{ code: string; level: 'outcome' | 'output'; en: string; mn: string; measure: GroupMeasure; targets: number[]; mov: string }> = [
  { code: 'O1.1', level: 'outcome', en: 'Families organised in self-help groups', mn: 'Өөртөө туслах бүлэгт зохион байгуулагдсан өрх', measure: 'families_in_groups', targets: [400, 800, 1200, 1200], mov: 'Group membership records' },
  { code: 'O1.2', level: 'outcome', en: 'Members of the organised families reached', mn: 'Хамрагдсан өрхийн гишүүд', measure: 'persons_of_member_families', targets: [2000, 4000, 6000, 6000], mov: 'Household register' },
  { code: 'O2.1', level: 'outcome', en: 'CBOs established in the project areas', mn: 'Төслийн бүсэд байгуулагдсан ОНББ', measure: 'cbos_formed', targets: [0, 0, 5, 5], mov: 'Founding minutes, state registration' },
  { code: 'P1.1', level: 'output', en: 'Large self-help groups constituted', mn: 'Бүрэн бүрдсэн том бүлэг', measure: 'lsgs_constituted', targets: [10, 20, 30, 30], mov: 'Regulations and election minutes' },
]

export async function loadIndicators(target: LoadTarget, now: string): Promise<number> {
  const projectId = await target.sql.value<number | null>(`SELECT id FROM project WHERE code = 'SPN-2007'`)
  if (projectId === null) return 0
  const indicators = await new Rows<IndicatorEntity>('indicator', IndicatorEntity).start(target)
  const targets = await new Rows<IndicatorTargetEntity>('indicator_target', IndicatorTargetEntity).start(target)
  for (const i of INDICATORS) {
    const id = indicators.add({
      projectId,
      code: i.code,
      level: i.level,
      nameEn: i.en,
      nameMn: i.mn,
      definitionEn: null,
      definitionMn: null,
      unit: 'number',
      cumulative: 1,
      measure: i.measure,
      baselineValue: '0',
      baselineOn: '2007-03-01',
      meansOfVerification: i.mov,
      disaggregation: '[]',
      createdAt: now,
      updatedAt: now,
    })
    i.targets.forEach((t, y) => targets.add({ indicatorId: id, projectYear: y + 1, target: String(t) }))
  }
  await flush(target, indicators, targets)
  return INDICATORS.length
}
