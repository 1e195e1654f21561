import { z } from 'zod'
import { op } from './define'
import { requiredText } from './fields'

/** Where this app keeps its data: this computer (the SQLite file) or a shared PostgreSQL server. */
export interface DatabaseSettings {
  /** What the running app uses now. */
  active: { engine: 'sqlite' | 'postgres'; location: string }
  /** What is saved for the next start. The password is never sent back: only whether one is saved. */
  saved: { kind: 'local' } | { kind: 'server'; host: string; port: number; database: string; user: string; hasPassword: boolean }
  /** The saved choice differs from what runs now: it takes effect when the app starts again. */
  restartNeeded: boolean
  /** A --database option or SPN_DATABASE_URL decides for this run, whatever is saved. */
  overridden: boolean
}

/** What a server said when tested. */
export interface ServerProbe {
  serverVersion: string
  /** The SPN schema found there (null: an empty database, ready for the app or for `spn copy`). */
  schemaVersion: number | null
  appSchemaVersion: number
  holdsData: boolean
}

export const serverInput = z.strictObject({
  host: requiredText(200),
  port: z.number().int().min(1, { message: 'must be from 1 to 65535' }).max(65535, { message: 'must be from 1 to 65535' }).default(5432),
  database: requiredText(63).regex(/^[A-Za-z0-9_-]+$/, { message: 'must be Latin letters, digits, _ or -' }),
  user: requiredText(63),
  /** Empty: keep the password saved for this server and user. */
  password: z.string().max(200).optional(),
})

export const settingsOps = {
  'settings.get': op<DatabaseSettings>()({ summary: 'Where the app keeps its data, now and at the next start', input: z.strictObject({}), permission: 'system.read', write: false }),
  'settings.testServer': op<ServerProbe>()({
    summary: 'Try to connect to a shared PostgreSQL server and say what it holds',
    input: serverInput,
    permission: 'settings.write',
    write: false,
  }),
  'settings.saveDatabase': op<DatabaseSettings>()({
    summary: 'Choose where the app keeps its data from the next start: this computer, or a shared server (tested first)',
    input: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('local') }), serverInput.extend({ kind: z.literal('server') })]),
    permission: 'settings.write',
    write: false,
  }),
}
