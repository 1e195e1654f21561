/**
 * An amount field's value (Mantine's NumberInput gives a number, or '' when
 * empty) in minor units: empty stays missing, so the schema says "required"
 * rather than taking 0.
 */
export function toMinor(value: number | string): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined
  const n = typeof value === 'number' ? value : Number(String(value).replace(/\s/g, '').replace(',', '.'))
  return Number.isFinite(n) ? Math.round(n * 100) : undefined
}
