import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import pdfmake from 'pdfmake'
import { formatNumber } from '../../shared/i18n'
import { reportFonts } from '../services/reports'

/** The raw baselines the bench measures the app against: the same work in plain SQL, exceljs and pdfmake, without the app's layers. */

/** Every table the demo fills, parents first. */
/** Every table the demo fills, in an order that inserts parents first. */
export const TABLES = ['branch', 'household', 'person', 'organisation', 'membership', 'membership_event', 'assembly', 'assembly_attendance', 'fee_decision', 'fee_payment', 'election', 'candidate',
  'project', 'budget_main_line', 'funding_source', 'budget_line', 'budget_version', 'budget_amount', 'transfer', 'expense', 'fund_entry',
  'cbo', 'lsg', 'ssg', 'group_member', 'group_meeting', 'meeting_attendance', 'group_office', 'group_document', 'indicator', 'indicator_target', 'savings_entry', 'training_completion', 'loan', 'loan_instalment', 'loan_reschedule', 'loan_repayment', 'loan_allocation', 'loan_fine', 'loan_write_off', 'group_fund_entry', 'instalment_due_move', 'activity', 'activity_area', 'activity_participant', 'audit_entry']

/**
 * Raw baseline for loading: the same rows, already made, inserted with
 * prepared statements in one transaction, with foreign keys checked as the
 * app runs (households first without their heads, the heads set once the
 * persons are in, as the demo does).
 */
export function rawInsertCopy(from: Database.Database, into: Database.Database): number {
  const data = TABLES.map((t) => ({ t, columns: (from.prepare(`SELECT * FROM ${t} LIMIT 1`).columns() as Array<{ name: string }>).map((c) => c.name), rows: from.prepare(`SELECT * FROM ${t}`).raw().all() as unknown[][] }))
  const t0 = performance.now()
  into.transaction(() => {
    const heads: unknown[][] = []
    for (const { t, columns, rows } of data) {
      if (!rows.length) continue
      const head = t === 'household' ? columns.indexOf('head_person_id') : -1
      const stmt = into.prepare(`INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      for (const r of rows) {
        if (head >= 0) {
          heads.push([r[head], r[0]])
          stmt.run(...r.map((v, i) => (i === head ? null : v)))
        } else stmt.run(...r)
      }
      if (t === 'person') {
        const setHead = into.prepare('UPDATE household SET head_person_id = ? WHERE id = ?')
        for (const h of heads) setHead.run(...h)
      }
    }
  })()
  return performance.now() - t0
}

/** Raw baseline for the membership report: its queries as plain statements, rows written by exceljs's streaming writer. */
export async function rawMembershipXlsx(raw: Database.Database, from: string, to: string): Promise<void> {
  const events = raw.prepare(`SELECT e.branch_id, m.member_type, p.gender, e.type, e.effective_date FROM membership_event e JOIN membership m ON m.id = e.membership_id LEFT JOIN person p ON p.id = m.person_id WHERE e.effective_date <= ?`).raw().all(to)
  const decisions = raw.prepare(`SELECT e.effective_date, e.type, e.reason, e.reference FROM membership_event e WHERE e.type IN ('rejected','excluded') AND e.effective_date BETWEEN ? AND ?`).raw().all(from, to)
  const households = raw.prepare(`SELECT h.branch_id, count(*), sum(h.single_woman_headed), sum(h.children_count) FROM household h WHERE h.registered_on <= ? GROUP BY h.branch_id`).raw().all(to)
  const chunks: Buffer[] = []
  const { Writable } = await import('node:stream')
  const stream = new Writable({ write: (c, _e, cb) => (chunks.push(c as Buffer), cb()) })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream })
  for (const [name, rows] of [['events', events], ['decisions', decisions], ['households', households]] as const) {
    const ws = wb.addWorksheet(name)
    for (const r of rows as unknown[][]) ws.addRow(r).commit()
    ws.commit()
  }
  await wb.commit()
}

/**
 * A plain pdfmake table of query rows, printed as the report prints them
 * (amounts in minor units as `1 250 000 ₮`, counts with digit grouping), so the
 * baseline sets the same text, only without the writer's styling and layout.
 */
function plainTable(rows: unknown[][]) {
  const cell = (c: unknown) => (typeof c === 'number' ? (Math.abs(c) >= 10000 ? `${formatNumber(Math.round(c / 100))} ₮` : formatNumber(c)) : String(c ?? ''))
  // A bold header row: the two faces the report embeds, as a plain table would use them.
  return { table: { headerRows: 1, body: [rows[0]?.map((_, i) => ({ text: `c${i}`, bold: true })) ?? ['-'], ...rows.map((r) => r.map(cell))] }, fontSize: 8 }
}

/**
 * Raw baseline for the PDF: the same content as plainly as pdfmake allows:
 * the report's three tables (same rows and columns) from plain SQL aggregates,
 * the summary figures and the notes as plain text, with the same embedded
 * fonts (regular, and bold for the header rows), but without the writer's
 * styling, page header and footer.
 */
export async function rawMembershipPdf(raw: Database.Database, from: string, to: string, texts: string[]): Promise<void> {
  const types = ['applied', 'accepted', 'rejected', 'excluded', 'resigned', 'died']
  const branches = raw
    .prepare(
      `SELECT b.name_mn, ${types.map((t) => `sum(e.type = '${t}' AND e.effective_date >= ?)`).join(', ')},
        count(DISTINCT m.id), count(DISTINCT m.person_id), count(DISTINCT m.organisation_id), 0, 0
       FROM branch b LEFT JOIN membership m ON m.branch_id = b.id LEFT JOIN membership_event e ON e.membership_id = m.id AND e.effective_date <= ?
       GROUP BY b.id`,
    )
    .raw()
    .all(...types.map(() => from), to) as unknown[][]
  const decisions = raw
    .prepare(`SELECT e.effective_date, m.id, e.branch_id, e.type, e.reason, e.reference FROM membership_event e JOIN membership m ON m.id = e.membership_id WHERE e.type IN ('rejected','excluded') AND e.effective_date BETWEEN ? AND ?`)
    .raw()
    .all(from, to) as unknown[][]
  const households = raw
    .prepare(`SELECT b.name_mn, count(h.id), sum(h.registered_on >= ?), (SELECT count(*) FROM person p JOIN household x ON x.id = p.household_id WHERE x.branch_id = b.id), sum(h.single_woman_headed), sum(h.children_count)
      FROM branch b JOIN household h ON h.branch_id = b.id AND h.registered_on <= ? GROUP BY b.id`)
    .raw()
    .all(from, to) as unknown[][]
  const fonts = reportFonts()
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(n: string, d: Buffer): void } }).virtualfs
  vfs.writeFileSync('NotoSans-Regular.ttf', fonts.regular)
  vfs.writeFileSync('NotoSans-Bold.ttf', fonts.bold)
  pdfmake.setFonts({ NotoSans: { normal: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  const table = plainTable
  await pdfmake
    .createPdf({ pageSize: 'A4', pageOrientation: 'landscape', defaultStyle: { font: 'NotoSans' }, content: [...texts, table(branches), table(decisions), table(households)] })
    .getBuffer()
}

/** An expense ledger of n rows as finance officers keep it (title row, Mongolian headers, text amounts). */
export async function ledgerXlsx(n: number, prefix: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Ledger')
  ws.addRow([`Expense ledger ${prefix}`])
  ws.addRow(['Огноо', 'Баримтын дугаар', 'Төсвийн мөр', 'Салбар', 'Гүйлгээний утга', 'Дүн', 'Валют', 'Санхүүжилтийн эх үүсвэр'])
  const lines = ['1.1', '1.2', '1.3', '4.1', '4.2', '5.1', '6.1']
  const branches = ['Дорноговь', 'Орхон', 'Дундговь', 'Налайх', 'Хан-Уул', 'Secretariat']
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2008, 0, 1) + (i % 700) * 86400000)
    ws.addRow([d, `${prefix}-${i}`, lines[i % lines.length], branches[i % branches.length], 'Сургалтын зардал', `${(i % 90) + 10} 000`, 'MNT', 'DANIDA'])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Raw baseline for the import: read the same file with exceljs and insert its rows with one prepared statement, unchecked. */
export async function rawImport(raw: Database.Database, bytes: Buffer): Promise<void> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  wb.worksheets[0].eachRow((r, n) => {
    if (n > 2) rows.push(r.values as unknown[])
  })
  const ins = raw.prepare(`INSERT INTO expense (project_id, spent_on, voucher, line_id, branch_id, description, amount_minor, currency, source_id, created_at) VALUES (1, ?, ?, 1, NULL, ?, ?, 'MNT', 1, 'bench')`)
  raw.transaction(() => {
    for (const v of rows) ins.run((v[1] as Date).toISOString().slice(0, 10), `raw-${v[2]}`, v[5], Number(String(v[6]).replace(/\s/g, '')) * 100)
  })()
}

/** Raw baseline for the financial report: budget and spending per line as SQL sums, written by the streaming writer. */
export async function rawFinancialXlsx(raw: Database.Database): Promise<void> {
  const budget = raw.prepare(`SELECT line_id, source_id, sum(amount_minor) FROM budget_amount WHERE version_id = (SELECT max(id) FROM budget_version) GROUP BY line_id, source_id`).raw().all() as unknown[][]
  const spent = raw.prepare(`SELECT line_id, source_id, currency, sum(amount_minor) FROM expense GROUP BY line_id, source_id, currency`).raw().all() as unknown[][]
  const rates = raw.prepare(`SELECT received_on, dkk_minor, mnt_minor FROM transfer`).raw().all() as unknown[][]
  await streamXlsx([['budget', budget], ['spent', spent], ['rates', rates]])
}

const LAST_EVENT = `(SELECT e.type FROM membership_event e WHERE e.membership_id = m.id AND e.effective_date <= ? ORDER BY e.effective_date DESC, e.seq DESC LIMIT 1)`

/** The fees report's figures as plain SQL: members liable with their fee and payments, and each branch's central due. */
export function rawFeesRows(raw: Database.Database, year: number): { members: unknown[][]; branches: unknown[][] } {
  const jan1 = `${year}-01-01`
  const members = raw
    .prepare(
      `SELECT m.id, m.branch_id, f.amount_minor, coalesce((SELECT sum(p.amount_minor) FROM fee_payment p WHERE p.membership_id = m.id AND p.year = ? AND p.kind = 'member'), 0)
       FROM membership m JOIN fee_decision f ON f.kind = 'local' AND f.branch_id = m.branch_id AND f.year = ?
       WHERE ${LAST_EVENT} = 'accepted' OR EXISTS (SELECT 1 FROM membership_event a WHERE a.membership_id = m.id AND a.type = 'accepted' AND a.effective_date BETWEEN ? AND ?)`,
    )
    .raw()
    .all(year, year, jan1, jan1, `${year}-12-31`) as unknown[][]
  const branches = raw
    .prepare(
      `SELECT b.id, f.amount_minor, f.minimum_minor,
        (SELECT count(*) FROM membership m WHERE m.branch_id = b.id AND ${LAST_EVENT} = 'accepted'),
        coalesce((SELECT sum(p.amount_minor) FROM fee_payment p WHERE p.branch_id = b.id AND p.year = ? AND p.kind = 'branch'), 0)
       FROM branch b JOIN fee_decision f ON f.kind = 'central' AND f.year = ?`,
    )
    .raw()
    .all(`${year}-01-01`, year, year) as unknown[][]
  return { members, branches }
}

export async function streamXlsx(sheets: Array<[string, unknown[][]]>): Promise<void> {
  const { Writable } = await import('node:stream')
  const stream = new Writable({ write: (_c, _e, cb) => cb() })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream })
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name)
    for (const r of rows) ws.addRow(r).commit()
    ws.commit()
  }
  await wb.commit()
}

/** Raw baseline of the annual pack: all three reports' queries, their rows as plain pdfmake tables. */
export async function rawAnnualPdf(raw: Database.Database, texts: string[], feesOnly = false): Promise<void> {
  const fees = rawFeesRows(raw, 2009)
  const assemblies = raw.prepare(`SELECT a.held_on, a.branch_id, a.place, a.members_present, a.decisions FROM assembly a WHERE a.year = 2009`).raw().all() as unknown[][]
  const candidates = raw.prepare(`SELECT a.held_on, a.branch_id, c.membership_id, c.votes, c.elected, c.role FROM candidate c JOIN election e ON e.id = c.election_id JOIN assembly a ON a.id = e.assembly_id WHERE a.year = 2009`).raw().all() as unknown[][]
  const eligible = raw.prepare(`SELECT count(*) FROM membership m WHERE (m.branch_id = ? OR ? IS NULL) AND ${LAST_EVENT} = 'accepted'`).pluck()
  for (const a of assemblies) eligible.get(a[1], a[1], a[0])
  const fonts = reportFonts()
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(n: string, d: Buffer): void } }).virtualfs
  vfs.writeFileSync('NotoSans-Regular.ttf', fonts.regular)
  vfs.writeFileSync('NotoSans-Bold.ttf', fonts.bold)
  pdfmake.setFonts({ NotoSans: { normal: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } })
  const table = plainTable
  const unpaid = fees.members.filter((r) => Number(r[3]) < Number(r[2]))
  // The local fees per branch: the same members grouped, as a plain GROUP BY would give them.
  const byBranch = new Map<unknown, number[]>()
  for (const r of fees.members) {
    const s = byBranch.get(r[1]) ?? [0, 0, 0, 0]
    byBranch.set(r[1], [s[0] + 1, s[1] + Number(r[2]), s[2] + Number(r[3]), s[3] + Number(r[2]) - Number(r[3])])
  }
  const local = [...byBranch].map(([b, s]) => [b, ...s])
  await pdfmake
    .createPdf({ pageSize: 'A4', pageOrientation: 'landscape', defaultStyle: { font: 'NotoSans' }, content: [...texts, table(local), table(fees.branches), table(unpaid), ...(feesOnly ? [] : [table(assemblies), table(candidates)])] })
    .getBuffer()
}
