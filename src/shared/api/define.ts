import type { z } from 'zod'
import type { Permission } from './permissions'

export interface OperationDef<I extends z.ZodType = z.ZodType, O = unknown> {
  /** What the operation does, for the operations listing. */
  summary: string
  input: I
  permission: Permission
  /** Writes run inside one transaction and leave an audit entry. */
  write: boolean
  /** Phantom field carrying the output type. */
  readonly output?: O
}

export const op =
  <O>() =>
  <I extends z.ZodType>(def: { summary: string; input: I; permission: Permission; write: boolean }): OperationDef<I, O> =>
    def

