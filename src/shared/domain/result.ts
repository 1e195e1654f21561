/** Error codes every operation can return. Expected failures are values, not exceptions. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'unknown_operation'
  | 'unavailable'
  | 'internal'

export interface ApiError {
  code: ErrorCode
  message: string
  /** The input field the error is about, as a dotted path (e.g. `person.registerNumber`). */
  field?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
})

/**
 * Thrown inside services for an expected failure; the dispatcher turns it into
 * an error result and rolls the transaction back.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
