import type { MessageKey } from './en'
import { common } from './mn/common'
import { register } from './mn/register'
import { governance } from './mn/governance'
import { finance } from './mn/finance'
import { reports } from './mn/reports'
import { settings } from './mn/settings'
import { validation } from './mn/validation'
import { refusals } from './mn/refusals'
import { audit } from './mn/audit'
import { groups } from './mn/groups'
import { results } from './mn/results'
import { savings } from './mn/savings'
import { loans } from './mn/loans'

/** Монгол хэлний шошго. Every English key must have a Mongolian label (the type says so). */
export const mn: Record<MessageKey, string> = { ...common, ...register, ...governance, ...finance, ...reports, ...settings, ...validation, ...refusals, ...audit, ...groups, ...results, ...savings, ...loans }
