import { common } from './en/common'
import { register } from './en/register'
import { governance } from './en/governance'
import { finance } from './en/finance'
import { reports } from './en/reports'
import { settings } from './en/settings'
import { validation } from './en/validation'
import { refusals } from './en/refusals'
import { audit } from './en/audit'
import { groups } from './en/groups'
import { results } from './en/results'
import { savings } from './en/savings'
import { loans } from './en/loans'

/** English UI and report labels, by area. Keys are shared with the Mongolian catalogue. */
export const en = { ...common, ...register, ...governance, ...finance, ...reports, ...settings, ...validation, ...refusals, ...audit, ...groups, ...results, ...savings, ...loans } as const

export type MessageKey = keyof typeof en
