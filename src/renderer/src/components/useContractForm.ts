import { useRef, useState } from 'react'
import { useForm, type FormErrors } from '@mantine/form'
import type { z } from 'zod'
import type { ApiError } from '../../../shared/domain/result'
import { parseAmount, type AmountRule, type Currency } from '../../../shared/domain/amount'
import type { MessageKey } from '../../../shared/i18n'
import { issueRef } from '../../../shared/i18n/issues'
import { useI18n } from '../i18n'

export type FieldErrors = Record<string, string>

/** The value at a dotted path (`candidates.2.votes`), or undefined where the path leads nowhere. */
function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), values)
}

/** A field an input shows: a path to a plain value. A list or a group (`candidates`) has no input of its own. */
const isInputField = (values: unknown, path: string) => {
  const v = valueAt(values, path)
  return v === null || v === '' || (v !== undefined && typeof v !== 'object')
}

interface Options {
  /** The prefix the backend puts before this form's fields (`person.` in `persons.update`). */
  prefix?: string
  /** Where the input's field differs from the form's (`amountMinor` is typed in `amount`). */
  fields?: Record<string, string>
}

/**
 * A form on @mantine/form, validated with the contract's own zod schema, so
 * it refuses exactly what the backend would and says so in the user's
 * language next to the field. Errors the backend returns for a field are
 * shown on that field too; others above the buttons.
 */
export function useContractForm<S extends z.ZodType, V extends Record<string, unknown>>(schema: S, initial: V, options: Options | string = {}) {
  const { prefix = '', fields = {} } = typeof options === 'string' ? { prefix: options } : options
  const { t, errorText } = useI18n()
  const toInputRef = useRef<(v: V) => unknown>((v) => v)
  // Fields whose typed text could not be read (an amount), found while the values become the input.
  const unreadable = useRef(new Map<string, { key: MessageKey; vars: Record<string, string | number> }>())
  const fieldOf = (path: string) => fields[path] ?? path
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => {
      unreadable.current = new Map()
      const r = schema.safeParse(toInputRef.current(values))
      const errors: FormErrors = {}
      for (const [field, ref] of unreadable.current) errors[field] = t(ref.key, ref.vars)
      if (r.success) return errors
      for (const issue of r.error.issues) {
        const key = fieldOf(issue.path.map(String).join('.'))
        // The same sentence the backend would give, in the user's language.
        const ref = issueRef(issue)
        if (!errors[key]) errors[key] = t(ref.key, ref.vars)
      }
      return errors
    },
  })
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  /** Validates; on failure marks the fields (or says above the buttons what is wrong elsewhere) and returns null. */
  function parse(toInput: (v: V) => unknown = (v) => v): z.output<S> | null {
    toInputRef.current = toInput
    const { hasErrors, errors } = form.validate()
    if (hasErrors) {
      // What no input shows ("needs at least one candidate") is said above the buttons.
      const elsewhere = Object.keys(errors).filter((k) => !isInputField(form.values, k))
      setFormError(elsewhere.length ? String(errors[elsewhere[0]!]) : null)
      return null
    }
    setFormError(null)
    return schema.parse(toInput(form.values))
  }

  function serverError(error: ApiError) {
    const raw = error.field && prefix && error.field.startsWith(prefix) ? error.field.slice(prefix.length) : error.field
    const field = raw === undefined ? undefined : fieldOf(raw)
    if (field && isInputField(form.values, field)) {
      // Under the field itself, its technical name in front of the message says nothing more.
      const english = error.field && error.message.startsWith(`${error.field} `) ? error.message.slice(error.field.length + 1) : error.message
      form.setFieldError(field, error.key ? errorText(error) : english)
      setFormError(null)
    } else setFormError(errorText(error))
  }

  /**
   * An amount field's text in minor units, read by the app's one reader
   * (`1 250 000`, `150 000,00`…). What cannot be read is said on that field;
   * an empty field stays missing, for the schema to call required.
   */
  function amount(text: string, currency: Currency | null, field: string, rule: AmountRule = 'positive'): number | undefined {
    if (text.trim() === '') return undefined
    const r = parseAmount(text, currency, rule)
    if (r.ok) return r.minor
    unreadable.current.set(field, { key: r.key, vars: r.vars })
    return undefined
  }

  /** Marks a field whose typed text could not be read (with the sentence to say on it); returns undefined for the input. */
  function unreadableAs(field: string, key: MessageKey, vars: Record<string, string | number> = {}): undefined {
    unreadable.current.set(field, { key, vars })
    return undefined
  }

  return {
    form,
    amount,
    unreadableAs,
    values: form.values,
    set: <F extends keyof V & string>(field: F, value: V[F]) => form.setFieldValue(field, value as never),
    setValues: (values: V) => form.setValues(values),
    errors: form.errors as FieldErrors,
    /** Mantine's value, onChange and error for an input. */
    input: (field: (keyof V & string) | `${keyof V & string}.${string}`) => form.getInputProps(field),
    formError,
    setFormError,
    busy,
    setBusy,
    parse,
    serverError,
  }
}
