import type { z } from 'zod'
import { en, type MessageKey } from './en'

/*
 * What is wrong with a value, as a message key and its values rather than
 * English: the renderer, the reports and the CLI turn it into a sentence in
 * the user's language. The schemas' own sentences (`is required`, `must be a
 * real date written YYYY-MM-DD`) are the English catalogue's, so each is found
 * again here by its text; zod's built-in checks by their kind.
 */

export interface MessageRef {
  key: MessageKey
  vars?: Record<string, string | number>
}

const EXACT = new Map<string, MessageKey>(
  Object.entries(en)
    .filter(([k, v]) => (k.startsWith('v.') || k.startsWith('r.')) && !v.includes('{'))
    .map(([k, v]) => [v, k as MessageKey]),
)

const PATTERNS: Array<[RegExp, MessageKey, (m: RegExpExecArray) => Record<string, string | number>]> = [
  [/^must be at most (\d+) characters$/, 'v.maxChars', (m) => ({ max: Number(m[1]) })],
  [/^contains an invisible control character \((.+)\); type it again, or paste it as plain text$/, 'v.controlChar', (m) => ({ char: m[1] })],
  [/^must not be before the start of the period \((.+)\)$/, 'v.beforePeriod', (m) => ({ from: m[1] })],
  [/^must be one of: (.+)$/, 'v.oneOf', (m) => ({ values: m[1] })],
  [/^must be at least (\d+)$/, 'v.atLeast', (m) => ({ min: Number(m[1]) })],
  [/^must be at most (\d+)$/, 'v.atMost', (m) => ({ max: Number(m[1]) })],
  [/^must be within the project period \((.+) to (.+)\)$/, 'r.withinProject', (m) => ({ from: m[1], to: m[2] })],
  [/^(.+) is already used \(expense of (.+)\)$/, 'r.voucherUsed', (m) => ({ voucher: m[1], date: m[2] })],
  [/^(.+) is already used in this branch$/, 'r.receiptUsedBranch', (m) => ({ receipt: m[1] })],
  [/^(.+) is already used by the central level$/, 'r.receiptUsedCentral', (m) => ({ receipt: m[1] })],
  [/^The code (.+) is already used by (.+)$/, 'r.codeUsed', (m) => ({ code: m[1], other: m[2] })],
  [/^The register number (.+) is already recorded for (.+) \(person (\d+)\)$/, 'r.registerUsed', (m) => ({ number: m[1], name: m[2], id: m[3] })],
  [/^The \w+ role may not /, 'r.forbidden', () => ({})],
  [/^The data in (.+) is in use by (.+) \(process (\d+) on (.+), since .+\)\. Only one program/, 'r.locked', (m) => ({ dir: m[1], program: m[2], pid: m[3], host: m[4] })],
  [/^The database server (.+) cannot be reached: (.+)$/s, 'r.unreachable', (m) => ({ server: m[1], detail: m[2] })],
  [/^The database (.+) cannot be opened: it is damaged, or it is not a database at all\./, 'r.damaged', (m) => ({ path: m[1] })],
  [/^The database (?:at )?(.+) was written by a newer version of SPN Secretariat \(schema (\d+), this app knows (\d+)\)/, 'r.newer', (m) => ({ path: m[1], schema: m[2], known: m[3] })],
  [/^(.+) is a folder, not the database file\./, 'r.folderNamedLikeDb', (m) => ({ path: m[1] })],
  [/^The file (.+?) is not a text \(CSV\) file: it holds binary data/, 'imp.file.binary', (m) => ({ file: m[1] })],
  [/^The file (.+?) is neither UTF-8 nor Windows-1251/, 'imp.file.encoding', (m) => ({ file: m[1] })],
  [/^The file (.+?) is an old Excel 97–2003 workbook/, 'imp.file.xls', (m) => ({ file: m[1] })],
  [/^The file (.+?) is a text \(CSV\) file in UTF-16/, 'imp.file.utf16', (m) => ({ file: m[1] })],
  [/^The file (.+?) is a text \(CSV\) file named \.xlsx/, 'imp.file.csvNamedXlsx', (m) => ({ file: m[1] })],
  [/^The file (.+?) is not an Excel workbook/, 'imp.file.notXlsx', (m) => ({ file: m[1] })],
  [/^The file (.+?) is a damaged (?:or unreadable )?workbook/, 'imp.file.damaged', (m) => ({ file: m[1] })],
  [/^The file (.+?) expands to (?:more than )?(\d+ MB) when opened/, 'imp.file.bomb', (m) => ({ file: m[1], size: m[2] })],
  [/^The file (.+?) has more than [\d ]+ rows/, 'imp.file.rows', (m) => ({ file: m[1] })],
  [/^The file (.+?) has a formula in cell (\w+)/, 'imp.file.formula', (m) => ({ file: m[1], cell: m[2] })],
  [/^must not be before the last decision \((.+)\)$/, 'r.beforeLastDecision', (m) => ({ date: m[1] })],
  [/^a (\w+) membership cannot be (\w+)$/, 'r.statusCannot', (m) => ({ status: m[1], decision: m[2] })],
  [/^is required when a membership is (\w+)$/, 'r.reasonRequired', (m) => ({ type: m[1] })],
  [/^was not an active member in (\d{4}), so owes no fee for it$/, 'r.notLiable', (m) => ({ year: m[1] })],
  [/^has no local fee decided by the local assembly; record the fee decision for (\d{4}) first$/, 'r.noLocalFee', (m) => ({ year: m[1] })],
  [/^has no central fee decided by the general assembly; record the fee decision for (\d{4}) first$/, 'r.noCentralFee', (m) => ({ year: m[1] })],
  [/^Refused: the (\d{4}) fee is already paid in full \((.+)\)$/, 'r.paidInFull', (m) => ({ year: m[1], due: m[2] })],
  [/^The amount (.+) is more than the (.+) still due for (\d{4}) \(due (.+), paid (.+)\)$/, 'r.overpaid', (m) => ({ amount: m[1], left: m[2], year: m[3], due: m[4], paid: m[5] })],
  [/^The \w+ fee for (\d{4}) is already decided \(assembly (\d+)\)$/, 'r.feeDecided', (m) => ({ year: m[1], assembly: m[2] })],
  [/^must be in (\d{4}), the year of the fee$/, 'r.feeYear', (m) => ({ year: m[1] })],
  [/^cannot be more than the (\d+) members eligible on (.+)$/, 'r.moreThanEligible', (m) => ({ n: m[1], date: m[2] })],
  [/^(\d+) votes in all are more than the (\d+) members present × (\d+) seats = (\d+)$/, 'r.tooManyVotes', (m) => ({ total: m[1], present: m[2], seats: m[3], cap: m[4] })],
  [/^(\w+) is given twice$/, 'r.roleTwice', (m) => ({ role: m[1] })],
  [/^must name (\d+) of the tied candidates, one for each seat left$/, 'r.tiedToName', (m) => ({ n: m[1] })],
  [/^(\d+) persons of this household belong to another local organisation$/, 'r.othersOfHousehold', (m) => ({ n: m[1] })],
  [/^does not match the register number, which gives (.+)$/, 'r.registerGender', (m) => ({ value: m[1] })],
  [/^must not be before the approval of version (\d+) \((.+)\)$/, 'r.afterApproval', (m) => ({ version: m[1], date: m[2] })],
  [/^must be at most (\d+), the project's years$/, 'r.projectYears', (m) => ({ n: m[1] })],
  [/^is long before the project starts \((.+)\)$/, 'r.beforeProject', (m) => ({ date: m[1] })],
  [/^must be between (\d{4}) and (\d{4}), the years the register holds data for$/, 'r.yearRange', (m) => ({ first: m[1], last: m[2] })],
]

const NOT_FOUND: Record<string, MessageKey> = {
  person: 'r.notFound.person',
  membership: 'r.notFound.membership',
  household: 'r.notFound.household',
  assembly: 'r.notFound.assembly',
  project: 'r.notFound.project',
  election: 'r.notFound.election',
  'fee decision': 'r.notFound.feeDecision',
  'large group': 'r.notFound.lsg',
  CBO: 'r.notFound.cbo',
  'savings entry': 'r.notFound.savingsEntry',
  loan: 'r.notFound.loan',
  activity: 'r.notFound.activity',
  partner: 'r.notFound.partner',
  indicator: 'r.notFound.indicator',
  'survey entry': 'r.notFound.surveyEntry',
  expense: 'r.notFound.expense',
  repayment: 'r.notFound.repayment',
  'small group': 'r.notFound.ssg',
  'group membership': 'r.notFound.groupMember',
  meeting: 'r.notFound.meeting',
  organisation: 'r.notFound.organisation',
  'local organisation': 'r.notFound.branch',
}
const CHANGED: Record<string, MessageKey> = {
  person: 'r.changed.person',
  household: 'r.changed.household',
  assembly: 'r.changed.assembly',
  'large group': 'r.changed.lsg',
  'community-based organisation': 'r.changed.cbo',
  'small group': 'r.changed.ssg',
  'local organisation': 'r.changed.branch',
  indicator: 'r.changed.indicator',
}

/** The key of one of the schemas' own sentences, or null. */
export function messageRef(message: string): MessageRef | null {
  const exact = EXACT.get(message)
  if (exact) return { key: exact }
  for (const [re, key, vars] of PATTERNS) {
    const m = re.exec(message)
    if (m) return { key, vars: vars(m) }
  }
  const missing = /^No (.+) with id (\d+)$/.exec(message)
  if (missing && NOT_FOUND[missing[1]]) return { key: NOT_FOUND[missing[1]], vars: { id: Number(missing[2]) } }
  const changed = /^This (.+) was changed by (.+) at (.+) after you opened it; nothing was saved\./.exec(message)
  if (changed && CHANGED[changed[1]]) return { key: CHANGED[changed[1]], vars: { who: changed[2], when: changed[3] } }
  return null
}

/** A zod issue as a message key. */
export function issueRef(issue: z.core.$ZodIssue): MessageRef {
  const known = messageRef(issue.message)
  if (known) return known
  switch (issue.code) {
    case 'unrecognized_keys':
      return { key: 'v.unknownField', vars: { fields: issue.keys.join(', ') } }
    case 'invalid_type':
      return /received undefined|received null/.test(issue.message) ? { key: 'v.required' } : { key: 'v.wrongType' }
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? { key: 'v.required' } : { key: 'v.atLeast', vars: { min: Number(issue.minimum) } }
    case 'too_big':
      return issue.origin === 'string' ? { key: 'v.maxChars', vars: { max: Number(issue.maximum) } } : { key: 'v.atMost', vars: { max: Number(issue.maximum) } }
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'v.notAllowed' }
    default:
      return { key: 'v.wrongType' }
  }
}
