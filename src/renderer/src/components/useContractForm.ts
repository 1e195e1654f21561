import { useState } from 'react'
import type { z } from 'zod'
import type { ApiError } from '../../../shared/domain/result'
import { issueRef } from '../../../shared/i18n/issues'
import { useI18n } from '../i18n'

export type FieldErrors = Record<string, string>

/**
 * Form state validated with the contract's own zod schema, so the form
 * refuses exactly what the backend would. Server errors naming a field are
 * shown on that field too.
 */
export function useContractForm<S extends z.ZodType, V extends Record<string, unknown>>(schema: S, initial: V, prefix = '') {
  const { t, errorText } = useI18n()
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  function set<F extends keyof V>(field: F, value: V[F]) {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => {
      const { [field as string]: _drop, ...rest } = e
      return rest
    })
  }

  /** Parses the values; on failure marks the fields and returns null. */
  function parse(toInput: (v: V) => unknown = (v) => v): z.output<S> | null {
    const r = schema.safeParse(toInput(values))
    if (r.success) {
      setErrors({})
      setFormError(null)
      return r.data
    }
    const next: FieldErrors = {}
    for (const issue of r.error.issues) {
      const key = issue.path.map(String).join('.')
      // The same sentence the backend would give, in the user's language.
      const ref = issueRef(issue)
      if (!next[key]) next[key] = t(ref.key, ref.vars)
    }
    setErrors(next)
    return null
  }

  function serverError(error: ApiError) {
    const field = error.field && prefix && error.field.startsWith(prefix) ? error.field.slice(prefix.length) : error.field
    if (field && field in values) {
      // Under the field itself, its technical name in front of the message says nothing more.
      const english = error.field && error.message.startsWith(`${error.field} `) ? error.message.slice(error.field.length + 1) : error.message
      setErrors((e) => ({ ...e, [field]: error.key ? errorText(error) : english }))
      setFormError(null)
    } else setFormError(errorText(error))
  }

  return { values, set, setValues, errors, formError, setFormError, busy, setBusy, parse, serverError }
}
