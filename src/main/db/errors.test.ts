import { describe, expect, it } from 'vitest'
import { DomainError } from '../../shared/domain/result'
import { storageError } from './errors'

const sqlite = (code: string, message: string) => Object.assign(new Error(message), { driverError: { code, message } })
const postgres = (code: string, constraint?: string) => Object.assign(new Error('query failed'), { driverError: { code, constraint, message: 'duplicate key value violates unique constraint' } })

describe('storage failures in words', () => {
  it('a full disk, an I/O error, a busy database, a lost server: nothing was saved', () => {
    expect(storageError(sqlite('SQLITE_FULL', 'database or disk is full'))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^The disk is full; nothing was saved/) })
    expect(storageError(sqlite('SQLITE_IOERR_WRITE', 'disk I/O error'))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/nothing was saved/) })
    expect(storageError(sqlite('SQLITE_BUSY', 'database is locked'))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/busy/) })
    expect(storageError(postgres('53100'))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/disk is full/) })
    expect(storageError(postgres('57P01'))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/server cannot be reached/) })
    expect(storageError(postgres('40001'))).toMatchObject({ code: 'conflict' })
  })

  it('two users saving the same number at once: the unique key refuses the second, naming the field, on both engines', () => {
    expect(storageError(sqlite('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: fee_payment.branch_id, fee_payment.receipt_number'))).toMatchObject({ code: 'conflict', field: 'receiptNumber' })
    expect(storageError(postgres('23505', 'fee_payment_receipt_branch'))).toMatchObject({ code: 'conflict', field: 'receiptNumber' })
    expect(storageError(postgres('23505', 'expense_project_id_voucher_key'))).toMatchObject({ code: 'conflict', field: 'voucher' })
    expect(storageError(sqlite('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: person.register_number'))).toMatchObject({ code: 'conflict', field: 'registerNumber' })
    expect(storageError(postgres('23505', 'something_else_key'))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Another user saved the same record/) })
  })

  it('leaves expected refusals and unknown errors alone', () => {
    const refusal = new DomainError('validation', 'is required', 'x')
    expect(storageError(refusal)).toBe(refusal)
    const other = new Error('something else')
    expect(storageError(other)).toBe(other)
  })
})
