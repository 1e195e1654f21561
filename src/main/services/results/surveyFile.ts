import ExcelJS from 'exceljs'
import { DomainError } from '../../../shared/domain/result'
import { surveyInput } from '../../../shared/api/survey'
import { HOUSING, SURVEY_ROUNDS, type SurveyImport } from '../../../shared/api/surveyTypes'
import type { ReportFile } from '../../../shared/api/contract'
import { parseAmount } from '../../../shared/domain/amount'
import { translate, type MessageKey } from '../../../shared/i18n'
import { issueRef, messageRef } from '../../../shared/i18n/issues'
import { audit, type ServiceContext } from '../context'
import { ACTIVE_ON } from '../groups/structure'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'
import { fileRefusal, parseDate, readGrid, type RawCell } from '../finance/ledgerFile'
import { checkSurvey, insertSurvey } from './survey'

/*
 * The survey on paper and back: a sheet with a row per household in a small
 * group on the day (its number, head and area filled in), the answers typed
 * in Excel, and the filled sheet imported — every filled row, or none when a
 * row is wrong, said by row and household. Rows left empty are skipped.
 */

const COLUMNS = ['household', 'head', 'area', 'round', 'date', 'income', 'housing', 'electricity', 'schoolAge', 'inSchool', 'notes'] as const
type Column = (typeof COLUMNS)[number]
const TITLES: Record<Column, { mn: string; en: string }> = {
  household: { mn: 'Өрхийн №', en: 'Household no.' },
  head: { mn: 'Өрхийн тэргүүн', en: 'Head of household' },
  area: { mn: 'Бүс', en: 'Area' },
  round: { mn: 'Шат', en: 'Round' },
  date: { mn: 'Огноо', en: 'Date' },
  income: { mn: 'Сарын орлого ₮', en: 'Monthly income ₮' },
  housing: { mn: 'Орон байр', en: 'Housing' },
  electricity: { mn: 'Цахилгаан', en: 'Electricity' },
  schoolAge: { mn: 'Сургуулийн насны хүүхэд', en: 'Children of school age' },
  inSchool: { mn: 'Сургуульд сурдаг хүүхэд', en: 'Children in school' },
  notes: { mn: 'Тэмдэглэл', en: 'Notes' },
}
const ROUND_WORDS: Record<string, (typeof SURVEY_ROUNDS)[number]> = { baseline: 'baseline', суурь: 'baseline', follow_up: 'follow_up', 'follow-up': 'follow_up', давтан: 'follow_up' }
const HOUSING_WORDS: Record<string, (typeof HOUSING)[number]> = { ger: 'ger', гэр: 'ger', house: 'house', байшин: 'house', apartment: 'apartment', орон_сууц: 'apartment', 'орон сууц': 'apartment', other: 'other', бусад: 'other' }
const YES = new Set(['yes', 'тийм', '1', 'true', 'байгаа'])
const NO = new Set(['no', 'үгүй', '0', 'false', 'байхгүй'])

const word = (lang: 'mn' | 'en', k: string) => translate(lang, k as MessageKey)

export async function surveyTemplate(ctx: ServiceContext, input: { on: string; round: (typeof SURVEY_ROUNDS)[number]; branchId?: number; lang: 'mn' | 'en' }): Promise<ReportFile> {
  const households = await ctx.sql.all<{ id: number; head: string | null; area: string }>(
    `SELECT h.id, ${PERSON_SHORT_NAME_SQL} AS head, ${input.lang === 'mn' ? 'b.name_mn' : 'b.name_en'} AS area
     FROM household h JOIN branch b ON b.id = h.branch_id LEFT JOIN person p ON p.id = h.head_person_id
     WHERE h.id IN (SELECT gm.household_id FROM group_member gm WHERE ${ACTIVE_ON}) ${input.branchId ? 'AND h.branch_id = :branchId' : ''}
     ORDER BY b.name_mn, h.id`,
    { on: input.on, branchId: input.branchId },
  )
  const wb = new ExcelJS.Workbook()
  wb.creator = 'SPN Secretariat'
  const ws = wb.addWorksheet(input.lang === 'mn' ? 'Судалгаа' : 'Survey', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] })
  ws.columns = COLUMNS.map((c) => ({ header: TITLES[c][input.lang], key: c, width: c === 'head' || c === 'notes' ? 24 : c === 'schoolAge' || c === 'inSchool' ? 16 : 14 }))
  const head = ws.getRow(1)
  head.font = { bold: true }
  head.alignment = { wrapText: true, vertical: 'top' }
  head.height = 32
  const round = word(input.lang, `survey.round.${input.round}`)
  for (const h of households) ws.addRow({ household: h.id, head: h.head, area: h.area, round, date: new Date(`${input.on}T00:00:00Z`) })
  const last = households.length + 1
  const list = (col: string, values: string[]) => {
    for (let r = 2; r <= last; r++) ws.getCell(`${col}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] }
  }
  list('D', SURVEY_ROUNDS.map((r) => word(input.lang, `survey.round.${r}`)))
  list('G', HOUSING.map((h) => word(input.lang, `survey.housing.${h}`)))
  list('H', [word(input.lang, 'survey.yes'), word(input.lang, 'survey.no')])
  for (let r = 2; r <= last; r++) {
    ws.getCell(`E${r}`).numFmt = 'yyyy.mm.dd'
    ws.getCell(`F${r}`).numFmt = '#,##0'
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  return { fileName: `SPN-survey-${input.round}-${input.on}-${input.lang}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64'), byteLength: bytes.length }
}

const text = (v: RawCell) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim())

/** A wrong row, said by its number and household: the inner sentence named by key, in the user's language. */
function rowError(row: number, household: string, e: { key: string; vars?: Record<string, string | number> }, english: string, field: string): DomainError {
  return new DomainError('validation', `Row ${row} (household ${household}): ${english}`, field, { key: 'r.surveyRow', vars: { ...e.vars, row, household, reason: e.key } })
}

export async function importSurvey(ctx: ServiceContext, input: { fileName: string; base64: string; dryRun: boolean }): Promise<SurveyImport> {
  let grid: RawCell[][]
  try {
    grid = await readGrid(Buffer.from(input.base64, 'base64'), input.fileName)
  } catch (e) {
    throw fileRefusal(input.fileName, e)
  }
  const header = (grid[0] ?? []).map(text)
  const lang = header[0] === TITLES.household.mn ? 'mn' : header[0] === TITLES.household.en ? 'en' : null
  if (!lang || COLUMNS.some((c, i) => header[i] !== TITLES[c][lang])) throw new DomainError('validation', `The file ${input.fileName} is not a survey sheet made by the app`, 'fileName', { key: 'r.surveyNotSheet', vars: { file: input.fileName } })
  const col = (c: Column) => COLUMNS.indexOf(c)
  let rows = 0
  let imported = 0
  const seen = new Set<string>()
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] ?? []
    const answered = (['income', 'housing', 'electricity', 'schoolAge', 'inSchool'] as const).some((c) => text(cells[col(c)] ?? null) !== '')
    if (!answered) continue
    rows++
    const household = text(cells[col('household')] ?? null)
    const fail = (key: string, english: string, field: string, vars?: Record<string, string | number>) => rowError(r + 1, household, { key, vars }, english, field)
    const income = parseAmount(text(cells[col('income')] ?? null) || '', 'MNT', 'nonNegative')
    if (!income.ok) throw fail('r.surveyField', `incomeMinor ${income.message}`, 'incomeMinor', { field: 'survey.col.incomeMinor', inner: income.key, ...income.vars })
    const electricity = text(cells[col('electricity')] ?? null).toLowerCase()
    if (!YES.has(electricity) && !NO.has(electricity)) throw fail('r.surveyYesNo', 'Electricity must be yes or no', 'electricity')
    const count = (c: Column) => {
      const v = text(cells[col(c)] ?? null)
      return /^\d{1,2}$/.test(v) ? Number(v) : v === '' ? 0 : Number.NaN
    }
    const parsed = surveyInput.safeParse({
      householdId: Number(household),
      round: ROUND_WORDS[text(cells[col('round')] ?? null).toLowerCase()] ?? text(cells[col('round')] ?? null),
      surveyedOn: parseDate(cells[col('date')] ?? null) ?? text(cells[col('date')] ?? null),
      incomeMinor: income.minor,
      housing: HOUSING_WORDS[text(cells[col('housing')] ?? null).toLowerCase()] ?? text(cells[col('housing')] ?? null),
      electricity: YES.has(electricity),
      childrenSchoolAge: count('schoolAge'),
      childrenInSchool: count('inSchool'),
      notes: text(cells[col('notes')] ?? null) || null,
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const field = String(issue.path[0] ?? 'row')
      const ref = issueRef(issue)
      throw fail('r.surveyField', `${field} ${issue.message}`, field, { field: `survey.col.${field}`, inner: ref.key, ...ref.vars })
    }
    const key = `${parsed.data.householdId}/${parsed.data.round}/${parsed.data.round === 'baseline' ? '' : parsed.data.surveyedOn.slice(0, 4)}`
    if (seen.has(key)) throw fail('r.surveyRowTwice', 'The household is in the file twice for this round and year', 'householdId')
    seen.add(key)
    try {
      await checkSurvey(ctx, parsed.data)
    } catch (e) {
      if (!(e instanceof DomainError)) throw e
      const field = e.field ?? 'householdId'
      const ref = e.ref ?? messageRef(e.message) ?? { key: 'r.surveyInvalid' }
      throw fail('r.surveyField', `${field} ${e.message}`, field, { field: `survey.col.${field}`, inner: ref.key, ...ref.vars })
    }
    if (!input.dryRun) {
      await insertSurvey(ctx, parsed.data)
      imported++
    }
  }
  if (!input.dryRun && imported) await audit(ctx, 'household_survey', 0, null, { fileName: input.fileName, imported })
  return { fileName: input.fileName, rows, imported, dryRun: input.dryRun }
}
