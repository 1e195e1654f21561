import { useRef, useState, type ReactNode } from 'react'
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates'
import 'dayjs/locale/mn'
import { isIsoDate, normalizeDate } from '../../../shared/domain/dates'
import { useI18n } from '../i18n'

/** The calendars in the user's language, weeks from Monday as in Mongolia. */
export function DatesSettings({ children }: { children: ReactNode }) {
  const { lang } = useI18n()
  return <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>{children}</DatesProvider>
}

/**
 * A date field: a calendar to pick from, or typing as the app shows dates
 * (2009.03.05) or as 2009-03-05 (and 2009/3/5). The form keeps the text typed
 * when it is no date, so the form's own check says what is wrong.
 */
export function DateField({
  value,
  onChange,
  ...props
}: Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  value?: string | null
  onChange(value: string): void
}) {
  const { t } = useI18n()
  // The calendar opens on a click (or the down arrow) and closes as soon as a date is typed or picked, so that it
  // never covers what comes after the field (a form's Save button) while someone types.
  const [calendar, setCalendar] = useState(false)
  // A date typed as 1985-03-12 is shown as the app writes dates once the field is left.
  const [shown, setShown] = useState(0)
  const text = normalizeDate((value ?? '').trim())
  // Text that is no date stays in the field as typed (the calendar keeps the last real date), and the form
  // receives it as typed, so that its check says what is wrong.
  const lastDate = useRef<string | null>(null)
  if (isIsoDate(text)) lastDate.current = text
  else if (text === '') lastDate.current = null
  const readDate = (input: string) => {
    const iso = normalizeDate(input.trim())
    return isIsoDate(iso) ? iso : null
  }
  return (
    <DateInput
      key={shown}
      {...props}
      placeholder={props.placeholder ?? t('person.dateHint')}
      value={lastDate.current}
      valueFormat="YYYY.MM.DD"
      fixOnBlur={false}
      allowDeselect
      dateParser={readDate}
      onChange={(v) => {
        setCalendar(false)
        onChange(v ?? '')
      }}
      onClick={(e) => {
        props.onClick?.(e)
        setCalendar(true)
      }}
      onKeyDown={(e) => {
        props.onKeyDown?.(e)
        if (e.key === 'ArrowDown') setCalendar(true)
        if (e.key === 'Escape' && calendar) {
          // Closes the calendar, not the dialog around the field.
          e.stopPropagation()
          setCalendar(false)
        }
      }}
      onInput={(e) => {
        setCalendar(false)
        // Text that is no date reaches the form as typed, at once (the calendar ignores it).
        const typed = e.currentTarget.value
        if (typed.trim() && !readDate(typed)) onChange(typed)
      }}
      onBlur={(e) => {
        setCalendar(false)
        props.onBlur?.(e)
        const typed = e.currentTarget.value
        const iso = readDate(typed)
        if (iso && typed !== iso.replace(/-/g, '.')) setShown((n) => n + 1)
      }}
      popoverProps={{ withinPortal: true, opened: calendar, onClose: () => setCalendar(false) }}
    />
  )
}
