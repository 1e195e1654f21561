import { TextInput, type TextInputProps } from '@mantine/core'
import { amountText, parseAmount, type Currency } from '../../../shared/domain/amount'

type Props = Omit<TextInputProps, 'onChange' | 'value'> & {
  value?: string
  /** Mantine form's onChange (takes the new text). */
  onChange(value: string): void
  currency: Currency | null
}

/**
 * An amount as text, read at submit by the app's one reader, so what staff
 * type or paste — `1 250 000`, `150000.00`, `150 000,00` — means what it says.
 * Leaving the field writes a readable amount back in the display format.
 */
export function AmountInput({ value, onChange, currency, onBlur, ...rest }: Props) {
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      styles={{ input: { textAlign: 'right' } }}
      rightSection={currency ?? undefined}
      rightSectionWidth={currency ? 44 : undefined}
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const r = currency && value ? parseAmount(value, currency, 'any') : null
        if (r?.ok) onChange(amountText(r.minor, currency!))
        onBlur?.(e)
      }}
    />
  )
}
