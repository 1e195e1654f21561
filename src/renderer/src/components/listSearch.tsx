import { useEffect, useRef, useState } from 'react'
import { TextInput, type TextInputProps } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { z } from 'zod'
import { isIsoDate, normalizeDate } from '../../../shared/domain/dates'

/*
 * A list's filters, sort and page live in the URL's search (`#/persons?q=Бат&page=3`),
 * so Back, a bookmark or a copied address return to the same list. A value
 * that is missing or malformed in the address is simply not applied.
 */
export const searchText = z.string().max(200).optional().catch(undefined)
export const searchId = z.number().int().positive().optional().catch(undefined)
export const searchPage = z.number().int().min(1).optional().catch(undefined)
export const searchFlag = z.boolean().optional().catch(undefined)
export const searchDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined)
export const searchYear = z.number().int().min(1990).max(2100).optional().catch(undefined)
export const searchDir = z.enum(['asc', 'desc']).optional().catch(undefined)
export const searchOneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined)

/** The search without empty values, so the address shows only what is set. */
export function tidy<S extends object>(search: S): S {
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false)) as S
}

/**
 * A change of filter or sort goes back to page 1; the list's address is
 * replaced rather than pushed, so Back leaves the list instead of undoing
 * each keystroke.
 */
export function patchSearch<S extends object>(patch: Partial<S>) {
  return { search: (s: S) => tidy({ ...s, page: undefined, ...patch } as S), replace: true } as const
}

/** The search box of a list: typed freely, written to the address a moment after the typing stops. */
/** A filter date as typed (2010.06.01 or 2010-06-01), in the address as YYYY-MM-DD; '' when cleared, null while it is not a date yet. */
export const filterDate = (d: string): string | null => (d.trim() === '' ? '' : isIsoDate(normalizeDate(d)) ? normalizeDate(d) : null)

export function SearchBox({ value, onSearch, ...props }: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onSearch(text: string): void }) {
  const [text, setText] = useState(value)
  const sent = useRef(value)
  const push = useDebouncedCallback((v: string) => {
    sent.current = v
    onSearch(v)
  }, 250)
  // Back or a link changed the address: show its text (but not our own echo while typing goes on).
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value
      setText(value)
    }
  }, [value])
  return (
    <TextInput
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value)
        push(e.currentTarget.value)
      }}
    />
  )
}

/** Turning a page is a step of its own: Back returns to the page before. */
export function pageSearch<S extends { page?: number }>(page: number) {
  return { search: (s: S) => tidy({ ...s, page: page > 1 ? page : undefined }) }
}
