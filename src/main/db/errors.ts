import { DomainError } from '../../shared/domain/result'

/** The driver's error code (better-sqlite3: SQLITE_*, pg: a SQLSTATE), wherever TypeORM put it. */
export function driverCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; driverError?: { code?: unknown } } | null
  const code = err?.driverError?.code ?? err?.code
  return typeof code === 'string' ? code : undefined
}

/** Unique keys a user can collide on when two people save at once: the field and the sentence. */
const UNIQUE_KEYS: Array<{ match: RegExp; field: string; message: string; key: string }> = [
  { match: /fee_payment_receipt|fee_payment\.receipt_number/, field: 'receiptNumber', message: 'This receipt number was saved by another user a moment ago; nothing was saved. Use the next number.', key: 'r.receiptRace' },
  { match: /expense.*voucher|expense_project_id_voucher/, field: 'voucher', message: 'This voucher number was saved by another user a moment ago; nothing was saved. Use the next number.', key: 'r.voucherRace' },
  { match: /person.*register_number/, field: 'registerNumber', message: 'A person with this register number was saved by another user a moment ago; nothing was saved.', key: 'r.registerRace' },
  { match: /branch.*code/, field: 'code', message: 'A local organisation with this code was saved by another user a moment ago; nothing was saved.', key: 'r.codeRace' },
  { match: /fee_decision/, field: 'assemblyId', message: 'This fee was decided by another user a moment ago; nothing was saved. Reload to see it.', key: 'r.feeRace' },
  { match: /election.*assembly_id/, field: 'assemblyId', message: 'An election for this assembly was recorded by another user a moment ago; nothing was saved. Reload to see it.', key: 'r.electionRace' },
]

function uniqueViolation(e: unknown): DomainError | null {
  const err = e as { driverError?: { code?: string; constraint?: string; message?: string; detail?: string }; message?: string }
  const code = driverCode(e) ?? ''
  if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null
  const text = `${err.driverError?.constraint ?? ''} ${err.driverError?.message ?? err.message ?? ''} ${err.driverError?.detail ?? ''}`
  const known = UNIQUE_KEYS.find((k) => k.match.test(text))
  return known
    ? new DomainError('conflict', known.message, known.field, { key: known.key })
    : new DomainError('conflict', 'Another user saved the same record a moment ago; nothing was saved. Reload and try again.', undefined, { key: 'r.otherUserSaved' })
}

/**
 * A failure of the storage itself (disk full, I/O, lock timeout, lost server)
 * in words, with "nothing was saved": the transaction was rolled back. Other
 * errors are returned unchanged.
 */
export function storageError(e: unknown): unknown {
  if (e instanceof DomainError) return e
  const unique = uniqueViolation(e)
  if (unique) return unique
  const code = driverCode(e) ?? ''
  if (code === 'SQLITE_FULL' || code === '53100') {
    return new DomainError('unavailable', 'The disk is full; nothing was saved. Free some space on the disk and try again.', undefined, { key: 'r.diskFull' })
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === '58030') {
    return new DomainError('unavailable', 'The database file could not be written (a disk or file error); nothing was saved. Check the disk and try again.', undefined, { key: 'r.ioError' })
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03' || code === '40P01') {
    return new DomainError('unavailable', 'The database is busy with another user\'s change; nothing was saved. Try again in a moment.', undefined, { key: 'r.busy' })
  }
  if (code === '40001') {
    return new DomainError('conflict', 'Someone else changed the same records at the same time; nothing was saved. Try again.', undefined, { key: 'r.sameTime' })
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DomainError('unavailable', 'The database file is damaged; nothing was saved. Restore the latest backup.', undefined, { key: 'r.damagedWrite' })
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === '57P01' || code.startsWith('08')) {
    return new DomainError('unavailable', 'The database server cannot be reached; nothing was saved. Check the network and the server, then try again.', undefined, { key: 'r.serverGone' })
  }
  return e
}
