import { describe, expect, it } from 'vitest'
import { amountText, parseAmount, type AmountResult, type Currency } from './amount'

const minor = (r: AmountResult) => (r.ok ? r.minor : r.key)

describe('reading an amount as staff type and paste it', () => {
  // [typed, currency, minor units or the refusal's sentence]
  const table: Array<[string | number, Currency | null, number | string]> = [
    // The app's own display format and plain digits
    ['1 250 000', 'MNT', 125_000_000],
    ['1250000', 'MNT', 125_000_000],
    ['1 250 000 ₮', 'MNT', 125_000_000],
    ['₮1 250 000', 'MNT', 125_000_000],
    ['150 000,00', 'DKK', 15_000_000],
    ['150000.00', 'DKK', 15_000_000],
    ['2 750,50', 'DKK', 275_050],
    ['2 750,5', 'DKK', 275_050],
    ['DKK 4 900 000,00', 'DKK', 490_000_000],
    // No-break and thin spaces (pasted from the app or from Word), apostrophes
    ['1\u00a0250\u00a0000', 'MNT', 125_000_000],
    ['1\u202f250', 'MNT', 125_000],
    ["1'250'000", 'MNT', 125_000_000],
    // Both marks: the last is the decimal mark
    ['1.250.000,50', 'DKK', 125_000_050],
    ['1,250,000.50', 'DKK', 125_000_050],
    // Repeated marks are thousands
    ['1,250,000', 'MNT', 125_000_000],
    ['1.250.000', 'DKK', 125_000_000],
    // One mark and one or two digits: decimals
    ['12,5', 'DKK', 1250],
    ['1,25', 'DKK', 125],
    ['0,50', 'DKK', 50],
    // One mark and three digits: ambiguous, except in tögrög
    ['1,250', 'DKK', 'v.amount.ambiguous'],
    ['1.250', 'DKK', 'v.amount.ambiguous'],
    ['1,250', null, 'v.amount.ambiguous'],
    ['1,250', 'MNT', 125_000],
    // Tögrög have no decimals; ,00 is allowed
    ['2 750,50', 'MNT', 'v.amount.mntDecimals'],
    ['1250.5', 'MNT', 'v.amount.mntDecimals'],
    ['1 250 000,00', 'MNT', 125_000_000],
    // More than two decimals
    ['1 250,505', 'DKK', 'v.amount.decimals'],
    ['12,3456', 'DKK', 'v.amount.notAmount'],
    // Never a silent 0: negative and zero refused where an amount must be positive
    ['-500', 'MNT', 'v.moreThanZero'],
    ['−500', 'MNT', 'v.moreThanZero'],
    ['0', 'MNT', 'v.moreThanZero'],
    ['0,00', 'DKK', 'v.moreThanZero'],
    // Not amounts
    ['', 'MNT', 'v.amount.notAmount'],
    ['abc', 'MNT', 'v.amount.notAmount'],
    ['12 50', 'MNT', 'v.amount.notAmount'],
    ['1e5', 'MNT', 'v.amount.notAmount'],
    ['1,2,3', 'DKK', 'v.amount.notAmount'],
    [',5', 'DKK', 'v.amount.notAmount'],
    ['1 250,', 'DKK', 'v.amount.notAmount'],
    ['99 999 999 999 999', 'MNT', 'v.tooLarge'],
    // Cells of a workbook arrive as numbers
    [2750.5, 'DKK', 275_050],
    [1250000, 'MNT', 125_000_000],
    [2750.5, 'MNT', 'v.amount.mntDecimals'],
    [0.125, 'DKK', 'v.amount.decimals'],
    [-3, 'DKK', 'v.moreThanZero'],
  ]
  it.each(table)('%j in %s', (typed, currency, expected) => {
    expect(minor(parseAmount(typed, currency))).toBe(expected)
  })

  it('names both readings of an ambiguous amount', () => {
    const r = parseAmount('1,250', 'DKK')
    expect(r).toMatchObject({ ok: false, vars: { thousands: '1 250', decimal: '1,250' } })
  })

  it('takes signed amounts and zero where the entry allows them (an exchange difference, a budget cell)', () => {
    expect(minor(parseAmount('-1 250,50', 'DKK', 'any'))).toBe(-125_050)
    expect(minor(parseAmount('0', 'DKK', 'nonNegative'))).toBe(0)
    expect(minor(parseAmount('-1', 'DKK', 'nonNegative'))).toBe('v.notNegative')
  })

  it('writes an amount back in the display format, which it reads again', () => {
    for (const [m, c] of [
      [15_000_000, 'DKK'],
      [275_050, 'DKK'],
      [125_000_000, 'MNT'],
      [-125_050, 'DKK'],
    ] as const) {
      expect(minor(parseAmount(amountText(m, c), c, 'any'))).toBe(m)
    }
    expect(amountText(15_000_000, 'DKK')).toBe('150 000,00')
    expect(amountText(125_000_000, 'MNT')).toBe('1 250 000')
  })
})
