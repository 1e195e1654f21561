import { IndicatorEntity, IndicatorTargetEntity, IndicatorValueEntity, OrganisationProfileEntity } from '../db/entities'
import { flush, Rows, type LoadTarget } from './rows'
import type { Measure } from '../../shared/api/resultsTypes'

/*
 * The results framework of the demo's DANIDA project: the source's five
 * expected outcomes (families and members empowered, higher income, a CBO in
 * each area, savings-and-loan cooperatives, SPN in local policy) and outputs,
 * with the source's targets per project year where it gives them (2 large
 * groups of 40 families per area in each of years 1-3; 6,000 members of 1,200
 * families; a CBO in each of the 5 areas; year 4 keeps the level reached).
 * Those the app computes carry their measure; the others are entered per
 * year with their source, as the secretariat would.
 */
type DemoIndicator = {
  code: string
  level: 'outcome' | 'output'
  en: string
  mn: string
  measure: Measure | null
  unit?: 'number' | 'percent'
  cumulative?: boolean
  baseline?: string
  targets: number[]
  mov: string
  /** What it is broken down by (DOMAIN.md's dimensions). */
  dis?: string[]
  /** An indicator entered per year: the values the secretariat entered, with their source. */
  entered?: { values: number[]; source: string }
}

const INDICATORS: DemoIndicator[] = [
  { code: 'O1.1', level: 'outcome', en: 'Families organised in self-help groups', mn: 'Өөртөө туслах бүлэгт зохион байгуулагдсан өрх', measure: 'families_in_groups', dis: ['area', 'single_woman_headed'], targets: [400, 800, 1200, 1200], mov: 'Бүлгийн гишүүнчлэлийн бүртгэл' },
  { code: 'O1.2', level: 'outcome', en: 'Members of the organised families reached', mn: 'Хамрагдсан өрхийн гишүүд', measure: 'persons_of_member_families', dis: ['sex', 'area', 'age_band'], targets: [2000, 4000, 6000, 6000], mov: 'Өрхийн бүртгэл' },
  { code: 'O2.1', level: 'outcome', en: 'Member households whose income rose since the baseline', mn: 'Суурь түвшнээс хойш орлого нь өссөн гишүүн өрх', measure: 'income_rose_share', unit: 'percent', cumulative: false, baseline: '0', targets: [40, 55, 65, 70], mov: 'Өрхийн судалгаа (суурь ба жил бүрийн давтан)' },
  { code: 'O2.2', level: 'outcome', en: 'Median monthly income of the member households', mn: 'Гишүүн өрхийн сарын орлогын медиан', measure: 'median_income', cumulative: false, baseline: '140000', targets: [140000, 150000, 160000, 170000], mov: 'Өрхийн судалгаа' },
  { code: 'O3.1', level: 'outcome', en: 'CBOs established in the project areas', mn: 'Төслийн бүсэд байгуулагдсан ОНББ', measure: 'cbos_formed', targets: [0, 0, 5, 5], mov: 'Үүсгэн байгуулах хурлын протокол, улсын бүртгэл' },
  { code: 'O4.1', level: 'outcome', en: 'Savings and loan cooperatives founded', mn: 'Байгуулагдсан хадгаламж, зээлийн хоршоо', measure: null, targets: [0, 0, 2, 5], mov: 'Хоршоодын үүсгэн байгуулах хурлын протокол, бүртгэл', entered: { values: [0, 0, 1, 3], source: 'Хоршооны үүсгэн байгуулах хурлын протокол' } },
  { code: 'O5.1', level: 'outcome', en: 'Local policy proposals of SPN taken up by local government', mn: 'Орон нутгийн засаг захиргаа хүлээн авсан ННС-ийн бодлогын санал', measure: null, cumulative: true, targets: [0, 2, 4, 6], mov: 'Орон нутгийн засаг захиргааны шийдвэр', entered: { values: [0, 1, 2, 2], source: 'Сум, дүүргийн Засаг даргын шийдвэр' } },
  { code: 'P1.1', level: 'output', en: 'Large self-help groups constituted', mn: 'Бүрэн бүрдсэн том бүлэг', measure: 'lsgs_constituted', targets: [10, 20, 30, 30], mov: 'Дүрэм, сонгуулийн протокол' },
  { code: 'P1.2', level: 'output', en: 'Small groups properly run', mn: 'Зохих ёсоор ажилладаг жижиг бүлэг', measure: 'ssgs_properly_run', targets: [40, 100, 150, 150], mov: 'Дүрэм, төлөөлөгч, долоо хоног бүрийн хурлын бүртгэл' },
  { code: 'P1.3', level: 'output', en: 'Attendance at small group meetings', mn: 'Жижиг бүлгийн хурлын ирц', measure: 'attendance_rate', unit: 'percent', targets: [80, 80, 80, 80], mov: 'Долоо хоногийн хурлын ирцийн жагсаалт' },
  { code: 'P2.1', level: 'output', en: 'Savings per member', mn: 'Нэг гишүүний хадгаламж', measure: 'savings_per_member', targets: [10000, 30000, 50000, 60000], mov: 'Хадгаламжийн бүртгэл, дэвтэр' },
  { code: 'P2.2', level: 'output', en: 'Micro loans granted', mn: 'Олгосон бичил зээл', measure: 'loans_disbursed', cumulative: true, dis: ['sex', 'area'], targets: [0, 250, 600, 800], mov: 'Зээлийн бүртгэл' },
  { code: 'P3.1', level: 'output', en: 'People reached by the activities', mn: 'Үйл ажиллагаанд хамрагдсан хүн', measure: 'unique_participants', cumulative: true, dis: ['sex', 'area'], targets: [600, 1000, 1200, 1300], mov: 'Үйл ажиллагааны оролцогчдын жагсаалт' },
]

export async function loadIndicators(target: LoadTarget, now: string): Promise<number> {
  const projectId = await target.sql.value<number | null>(`SELECT id FROM project WHERE code = 'SPN-2007'`)
  if (projectId === null) return 0
  const indicators = await new Rows<IndicatorEntity>('indicator', IndicatorEntity).start(target)
  const targets = await new Rows<IndicatorTargetEntity>('indicator_target', IndicatorTargetEntity).start(target)
  const values = await new Rows<IndicatorValueEntity>('indicator_value', IndicatorValueEntity).start(target)
  for (const i of INDICATORS) {
    const id = indicators.add({
      projectId,
      code: i.code,
      level: i.level,
      nameEn: i.en,
      nameMn: i.mn,
      definitionEn: null,
      definitionMn: null,
      unit: i.unit ?? 'number',
      cumulative: (i.cumulative ?? !i.entered) ? 1 : 0,
      measure: i.measure,
      baselineValue: i.baseline ?? '0',
      baselineOn: '2007-03-01',
      meansOfVerification: i.mov,
      disaggregation: JSON.stringify(i.dis ?? []),
      createdAt: now,
      updatedAt: now,
    })
    i.targets.forEach((t, y) => targets.add({ indicatorId: id, projectYear: y + 1, target: String(t) }))
    // Entered some weeks after each project year's end.
    i.entered?.values.forEach((v, y) => values.add({ indicatorId: id, projectYear: y + 1, value: String(v), source: i.entered!.source, comment: null, enteredAt: `${2008 + y}-04-15T02:00:00.000Z`, enteredBy: 'demo' }))
  }
  await flush(target, indicators, targets, values)
  return INDICATORS.length
}

/** The organisation's particulars: as registered in 2004, and the executive director who took over in 2009. */
export async function loadProfile(target: LoadTarget, now: string): Promise<number> {
  const rows = await new Rows<OrganisationProfileEntity>('organisation_profile', OrganisationProfileEntity).start(target)
  const base = {
    nameMn: 'Нийгмийн түншлэлийн сүлжээ',
    nameEn: 'Social Partnership Network',
    registrationNumber: '2004-ТББ-1187',
    address: 'Улаанбаатар, Сүхбаатар дүүрэг, 1-р хороо, Энхтайвны өргөн чөлөө, 11-р байр, 305 тоот',
    phone: '+976 11 31 22 45',
    enteredAt: now,
    enteredBy: 'demo',
  }
  rows.add({ ...base, effectiveOn: '2004-06-01', executiveDirector: 'Д. Сарантуяа' })
  rows.add({ ...base, effectiveOn: '2009-01-05', executiveDirector: 'Б. Энхтуяа', phone: '+976 11 31 22 46' })
  await flush(target, rows)
  return 2
}
