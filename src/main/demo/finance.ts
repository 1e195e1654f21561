import {
  BudgetAmountEntity,
  BudgetLineEntity,
  BudgetVersionEntity,
  ExpenseEntity,
  FundEntryEntity,
  FundingSourceEntity,
  ProjectEntity,
  BudgetMainLineEntity,
  TransferEntity,
} from '../db/entities'
import { STANDING } from '../db/entities/finance'
import { flush, Rows, type LoadTarget } from './rows'
import { SPN_2007 } from '../db/migrations/0007-project-names-mn'
import { insertMany } from '../db/bulk'
import type { Random } from './random'
import { MAIN_LINES } from '../../shared/domain/finance'

export interface FinanceCounts {
  transfers: number
  expenses: number
  budgetVersions: number
}

/** Sub-lines of the demo budget: code, English, Mongolian, DANIDA total in DKK, year weights, currency spent in. */
const LINES: Array<[string, string, string, number, number[], 'MNT' | 'DKK']> = [
  ['1.1', 'Large self-help groups and CBOs', 'Өрхийн бүлэг, иргэний байгууллага', 900_000, [0.22, 0.3, 0.3, 0.18], 'MNT'],
  ['1.2', 'Micro-credit education and loan funds', 'Бичил зээлийн сургалт, зээлийн сан', 700_000, [0.15, 0.3, 0.35, 0.2], 'MNT'],
  ['1.3', 'Civic education and advocacy campaigns', 'Иргэний боловсрол, нөлөөллийн аян', 350_000, [0.2, 0.3, 0.3, 0.2], 'MNT'],
  ['1.4', '"Let\'s talk" magazine, website, publications', '"Ярилцъя" сэтгүүл, вэб, хэвлэл', 250_000, [0.25, 0.25, 0.25, 0.25], 'MNT'],
  ['1.5', 'Conferences and workshops', 'Бага хурал, семинар', 200_000, [0.2, 0.3, 0.3, 0.2], 'MNT'],
  ['2.1', 'Office equipment and computers', 'Оффисын тоног төхөөрөмж, компьютер', 120_000, [0.8, 0.2, 0, 0], 'MNT'],
  ['2.2', 'Vehicle', 'Тээврийн хэрэгсэл', 80_000, [1, 0, 0, 0], 'MNT'],
  ['3.1', 'DMS advisers: travel and stays', 'ДМН-ийн зөвлөхүүдийн томилолт', 250_000, [0.3, 0.25, 0.25, 0.2], 'DKK'],
  ['4.1', 'Coordinator and accountant (DaMoST)', 'Зохицуулагч, нягтлан (Ажлын алба)', 520_000, [0.25, 0.25, 0.25, 0.25], 'MNT'],
  ['4.2', 'Branch facilitators', 'Салбарын чиглүүлэгчид', 480_000, [0.25, 0.25, 0.25, 0.25], 'MNT'],
  ['5.1', 'Office rent and utilities', 'Оффисын түрээс, ашиглалт', 180_000, [0.25, 0.25, 0.25, 0.25], 'MNT'],
  ['5.2', 'Communication and transport', 'Холбоо, тээвэр', 120_000, [0.25, 0.25, 0.25, 0.25], 'MNT'],
  ['6.1', 'Monitoring visits', 'Хяналтын айлчлал', 120_000, [0.25, 0.25, 0.25, 0.25], 'MNT'],
  ['7.1', 'Mid-term review and final evaluation', 'Дунд хугацааны ба эцсийн үнэлгээ', 130_000, [0, 0.4, 0, 0.6], 'MNT'],
  ['8.1', 'Information in Denmark', 'Дани дахь мэдээлэл', 50_000, [0.25, 0.25, 0.25, 0.25], 'DKK'],
  ['9.1', 'Budget margin', 'Төсвийн нөөц', 60_000, [0.25, 0.25, 0.25, 0.25], 'MNT'],
  ['11.1', 'Audit in Mongolia', 'Монгол дахь аудит', 60_000, [0.25, 0.25, 0.25, 0.25], 'MNT'],
  ['11.2', 'Audit in Denmark', 'Дани дахь аудит', 30_000, [0.25, 0.25, 0.25, 0.25], 'DKK'],
  ['13.1', 'DMS administration', 'ДМН-ийн захиргаа', 300_000, [0.25, 0.25, 0.25, 0.25], 'DKK'],
]
/** The Danish Mongolian Society's DKK 150 000: advisers and information in Denmark. */
const DMS: Record<string, number> = { '3.1': 100_000, '8.1': 50_000 }

/** MNT per DKK around the date: about 212 in 2007, weaker after the 2008 crisis. */
function rateAround(date: string, rng: Random): number {
  const y = Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) - 1) / 12
  const base = y < 2008.5 ? 212 + (y - 2007) * 6 : y < 2009.2 ? 225 + (y - 2008.5) * 60 : y < 2010 ? 268 : 248
  return base + rng.int(-300, 300) / 100
}

/** Splits a total into parts by weights, in whole units, with the remainder on the last part so the sum is exact. */
function split(total: number, weights: number[]): number[] {
  const parts = weights.map((w) => Math.floor(total * w))
  parts[parts.length - 1] += total - parts.reduce((s, x) => s + x, 0)
  return parts
}

/**
 * The DANIDA project 2007–2011: the exact grant and co-funding in a budget
 * (original and one revision), transfers at realistic MNT/DKK rates, and a few
 * thousand expenses across branches and lines. `scale` multiplies every
 * amount (a project ten times the size has ten times the money, and its loan
 * capital finances ten times the loans).
 */
export async function loadFinance(target: LoadTarget, rng: Random, now: string, actor: string, scale = 1): Promise<FinanceCounts> {
  const counts: FinanceCounts = { transfers: 0, expenses: 0, budgetVersions: 0 }
  const projects = await new Rows<ProjectEntity>('project', ProjectEntity).start(target)
  const sourceRows = await new Rows<FundingSourceEntity>('funding_source', FundingSourceEntity).start(target)
  const lineRows = await new Rows<BudgetLineEntity>('budget_line', BudgetLineEntity).start(target)
  const versionRows = await new Rows<BudgetVersionEntity>('budget_version', BudgetVersionEntity).start(target)
  const transferRows = await new Rows<TransferEntity>('transfer', TransferEntity).start(target)
  const expenseRows = await new Rows<ExpenseEntity>('expense', ExpenseEntity).start(target)
  const entryRows = await new Rows<FundEntryEntity>('fund_entry', FundEntryEntity).start(target)
  const amountRows: BudgetAmountEntity[] = []
  const projectId = projects.add({
    code: 'SPN-2007',
    ...SPN_2007,
    startsOn: '2007-03-01',
    endsOn: '2011-02-28',
    currency: 'DKK',
    grantMinor: 4_900_000_00 * scale,
    createdAt: now,
    agreementNumber: '104.Mongolia.4-2',
    adminMainCode: '13',
    varianceThresholdPercent: 10,
  })
  const mainRows = await new Rows<BudgetMainLineEntity>('budget_main_line', BudgetMainLineEntity).start(target)
  const usedMains = new Set(LINES.map(([code]) => code.split('.')[0]))
  for (const m of MAIN_LINES) if (usedMains.has(m.code)) mainRows.add({ projectId, code: m.code, nameEn: m.en, nameMn: m.mn })
  const source = (code: string, kind: FundingSourceEntity['kind'], nameEn: string, nameMn: string, committedMinor: number | null) =>
    sourceRows.add({ projectId, code, kind, nameEn, nameMn, committedMinor, committedCurrency: 'DKK' })
  const danida = source('DANIDA', 'grant', 'DANIDA grant', 'ДАНИДА-гийн буцалтгүй тусламж', 4_900_000_00 * scale)
  const dms = source('DMS', 'cofunding', 'Danish Mongolian Society co-funding', 'Дани-Монголын нийгэмлэгийн хамтын санхүүжилт', 150_000_00 * scale)
  source('OWN', 'own', 'Own contribution', 'Өөрийн хувь нэмэр', null)
  const interestSource = source('INT', 'interest', 'Bank interest', 'Банкны хүү', null)
  const lineIds = new Map<string, number>()
  for (const [code, en, mn] of LINES) lineIds.set(code, lineRows.add({ projectId, mainCode: code.split('.')[0], code, nameEn: en, nameMn: mn }))
  const insAmount = (versionId: number, lineId: number, projectYear: number, sourceId: number, amountMinor: number) =>
    amountRows.push({ versionId, lineId, projectYear, sourceId, amountMinor })
  const budgets: Array<Map<string, number>> = [new Map(LINES.map(([c, , , t]) => [c, t])), new Map(LINES.map(([c, , , t]) => [c, t]))]
  // Revision 1 after the mid-term review: activities shifted to micro-credit; most of the budget margin to facilitators.
  budgets[1].set('1.5', 140_000).set('1.2', 760_000).set('9.1', 20_000).set('4.2', 520_000)
  const reasons = [
    // Written by the secretariat, in Mongolian, as its staff would.
    'ДАНИДА-гийн баталсан анхны төсөв',
    'Дунд хугацааны үнэлгээ: бичил зээлд нэмж, бага хурал, семинарт хасав; төсвийн нөөцийг салбарын чиглүүлэгчдэд зарцуулав',
  ]
  const approved = ['2007-02-15', '2008-09-01']
  // The revision moves the budget margin by two thirds: DANIDA approved it by letter before it took effect.
  const donorApprovals = [null, 'ДАНИДА-гийн 2008.08.25-ны № 17 захидал']
  budgets.forEach((b, n) => {
    const v = versionRows.add({ projectId, number: n, approvedOn: approved[n], reason: reasons[n], createdAt: now, createdBy: actor, donorApproval: donorApprovals[n] })
    counts.budgetVersions++
    for (const [code, , , , weights] of LINES) {
      split(b.get(code)! * 100 * scale, weights).forEach((amount, y) => amount > 0 && insAmount(v, lineIds.get(code)!, y + 1, danida, amount))
      if (DMS[code]) split(DMS[code] * 100 * scale, weights).forEach((amount, y) => amount > 0 && insAmount(v, lineIds.get(code)!, y + 1, dms, amount))
    }
  })

  // Transfers: quarterly, ahead of spending, at the rates of the day.
  const quarters = ['2007-03-05', '2007-06-04', '2007-09-03', '2007-12-03', '2008-03-03', '2008-06-02', '2008-09-01', '2008-12-01', '2009-03-02', '2009-06-01', '2009-09-01', '2009-12-01', '2010-03-01', '2010-06-01', '2010-09-01']
  const mntBudgetDkk = LINES.filter((l) => l[5] === 'MNT').reduce((s, l) => s + l[3], 0)
  const perTransfer = split(Math.round(mntBudgetDkk * 1.02) * 100 * scale, quarters.map(() => 1 / quarters.length))
  const transfers: Array<{ date: string; rate: number }> = []
  quarters.forEach((sent, i) => {
    const received = new Date(Date.parse(sent) + rng.int(2, 6) * 86400000).toISOString().slice(0, 10)
    const rate = rateAround(received, rng)
    transferRows.add({
      ...STANDING,
      projectId,
      sentOn: sent,
      dkkMinor: perTransfer[i],
      receivedOn: received,
      mntMinor: Math.round(perTransfer[i] * rate),
      reference: `DMS-${sent.slice(0, 4)}-${i + 1}`,
      note: null,
      createdAt: now,
    })
    transfers.push({ date: received, rate })
    counts.transfers++
  })
  const rateOn = (date: string) => [...transfers].reverse().find((t) => t.date <= date)?.rate ?? transfers[0].rate

  // Expenses: each line spends about its revised budget each year: activities and loan funds (main line 1) ±12%, the
  // other lines 84-96% of it, so each source's spending stays within what it committed. A line the Danish Mongolian
  // Society co-funds spends its share of DMS's money in vouchers of their own, charged to DMS.
  const branches = await target.sql.column<number>(`SELECT id FROM branch WHERE is_project_branch = 1 ORDER BY id`)
  const rows: Array<[string, string, number, number | null, string, number, 'MNT' | 'DKK', number]> = []
  // Vouchers are described in Mongolian, as the accountant writes them.
  for (const [code, , mn, , weights, currency] of LINES) {
    for (let y = 0; y < 4; y++) {
      const draw = rng.next()
      const factor = code.startsWith('1.') ? 0.88 + draw * 0.24 : 0.84 + draw * 0.12
      for (const [source, budget] of [[danida, budgets[1].get(code)!], [dms, DMS[code] ?? 0]] as const) {
        const budgetDkk = budget * weights[y] * factor * scale
        if (budgetDkk < 1) continue
        const n = currency === 'DKK' ? rng.int(2, 5) : Math.max(3, Math.round(budgetDkk / 1500))
        // Vouchers of different sizes: random weights, normalised so the year's total holds.
        const voucherWeights = Array.from({ length: n }, () => 0.2 + rng.next() * 1.6)
        const sum = voucherWeights.reduce((s, w) => s + w, 0)
        const parts = split(Math.round(budgetDkk * 100), voucherWeights.map((w) => w / sum))
        for (const dkkPart of parts) {
          // Spending starts a month into the project year, once the first transfer has arrived.
          const date = rng.date(`${2007 + y}-04-01`, `${2008 + y}-02-28`)
          const branchId = code.startsWith('1.') || code === '4.2' || code === '6.1' ? rng.pick(branches) : null
          const amount = currency === 'MNT' ? Math.round((dkkPart * rateOn(date)) / 100) * 100 : dkkPart
          if (amount > 0) rows.push([date, code, lineIds.get(code)!, branchId, mn, amount, currency, source])
        }
      }
    }
  }
  // Bank interest on the project account at each year's end, spent on office running costs in the weeks after and charged
  // to the interest source; the last year's is partly left, to go back with the unspent grant.
  const interest = ['2007-12-31', '2008-12-31', '2009-12-31', '2010-12-31'].map((date) => ({ date, mnt: rng.int(200_000, 900_000) * 100 * scale }))
  interest.forEach(({ date, mnt }, i) => {
    const spend = Math.floor((mnt * (i === interest.length - 1 ? 0.6 : 0.95)) / 10_000) * 10_000
    const on = `${Number(date.slice(0, 4)) + 1}-01-${String(10 + i * 4).padStart(2, '0')}`
    rows.push([on, '5.2', lineIds.get('5.2')!, null, 'Холбоо, тээврийн зардал (дансны хүүгээс)', spend, 'MNT', interestSource])
  })
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  rows.forEach(([date, , lineId, branchId, description, amount, currency, source], i) => {
    expenseRows.add({
      ...STANDING,
      projectId,
      spentOn: date,
      voucher: `V-${date.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`,
      lineId,
      branchId,
      description,
      amountMinor: amount,
      currency,
      sourceId: source,
      createdAt: now,
      correctsId: null,
    })
    counts.expenses++
  })
  // Bank interest on the project account. No exchange difference is typed in: the funds statement computes the rounding
  // differences, and states what the tögrög held at the end would be worth at the last transfer's rate.
  const insEntry = (kind: 'interest' | 'exchange', entryOn: string, mntMinor: number, dkkMinor: number, note: string) =>
    entryRows.add({ ...STANDING, projectId, kind, entryOn, mntMinor, dkkMinor, note, createdAt: now })
  for (const { date, mnt } of interest) insEntry('interest', date, mnt, Math.round(mnt / rateOn(date)), 'Төслийн дансны хүү')
  await flush(target, projects, mainRows, sourceRows, lineRows, versionRows, transferRows, expenseRows, entryRows)
  await insertMany(target.tx, BudgetAmountEntity, amountRows)
  return counts
}
