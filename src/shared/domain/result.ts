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
  /** The sentence in English (the CLI, logs, and where no key is known yet). */
  message: string
  /** The input field the error is about, as a dotted path (e.g. `person.registerNumber`). */
  field?: string
  /** The sentence as a key of the i18n catalogues and its values, for the user's language. */
  key?: string
  vars?: Record<string, string | number>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, field?: string, ref?: { key: string; vars?: Record<string, string | number> }): Result<never> => ({
  ok: false,
  error: { code, message, ...(field === undefined ? {} : { field }), ...(ref ? { key: ref.key, ...(ref.vars ? { vars: ref.vars } : {}) } : {}) },
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
    /** The sentence as a catalogue key with its values (see ApiError.key). */
    readonly ref?: { key: string; vars?: Record<string, string | number> },
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
