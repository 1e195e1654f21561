import { DomainError } from '../../shared/domain/result'
import { todayIso } from '../../shared/domain/dates'
import type { ServiceContext } from './context'

/** Refuses a date after today (Ulaanbaatar's date), naming the field. */
export function notFuture(ctx: ServiceContext, date: string, field: string): void {
  if (date > todayIso(ctx.now)) throw new DomainError('validation', 'must not be in the future', field, { key: 'r.notFuture' })
}
