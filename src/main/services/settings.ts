import type { z } from 'zod'
import { DomainError } from '../../shared/domain/result'
import type { DatabaseSettings, ServerProbe, serverInput, settingsOps } from '../../shared/api/settings'
import { SCHEMA_VERSION } from '../db/migrations'
import { DatabaseOpenError } from '../db/types'
import { probeServer, safeUrl, serverParts, serverUrl } from '../db/postgres'
import { readSettings, writeSettings } from '../settings'
import type { ServiceContext } from './context'

/** What is running now, as the backend was started. */
export interface ActiveDatabase {
  engine: 'sqlite' | 'postgres'
  /** The file's path, or the server's URL (with its password) */
  location: string
  overridden: boolean
}

type ServerInput = z.output<typeof serverInput>
type SaveInput = z.output<(typeof settingsOps)['settings.saveDatabase']['input']>

export function databaseSettings(ctx: ServiceContext, active: ActiveDatabase): DatabaseSettings {
  const saved = readSettings(ctx.dataDir).databaseUrl
  const parts = saved ? serverParts(saved) : null
  const runningUrl = active.engine === 'postgres' ? active.location : undefined
  return {
    active: { engine: active.engine, location: active.engine === 'postgres' ? safeUrl(active.location) : active.location },
    saved: parts ? { kind: 'server', host: parts.host, port: parts.port, database: parts.database, user: parts.user, hasPassword: parts.password !== '' } : { kind: 'local' },
    restartNeeded: !active.overridden && (saved ?? undefined) !== runningUrl,
    overridden: active.overridden,
  }
}

/** The URL for a server form: an empty password keeps the one saved for the same server and user. */
function urlFor(ctx: ServiceContext, input: ServerInput): string {
  let password = input.password ?? ''
  if (!password) {
    const saved = readSettings(ctx.dataDir).databaseUrl
    const p = saved ? serverParts(saved) : null
    if (p && p.host === input.host && p.port === input.port && p.database === input.database && p.user === input.user) password = p.password
  }
  return serverUrl({ host: input.host, port: input.port, database: input.database, user: input.user, password })
}

export async function testServer(ctx: ServiceContext, input: ServerInput): Promise<ServerProbe> {
  try {
    const probe = await probeServer(urlFor(ctx, input))
    if (probe.schemaVersion !== null && probe.schemaVersion > SCHEMA_VERSION) {
      throw new DomainError('validation', `The database there was written by a newer version of SPN Secretariat (schema ${probe.schemaVersion}); install the newer version on this computer.`, 'database', {
        key: 'r.newerSchema',
        vars: { schema: probe.schemaVersion ?? '' },
      })
    }
    return { ...probe, appSchemaVersion: SCHEMA_VERSION }
  } catch (e) {
    if (e instanceof DatabaseOpenError) throw new DomainError(e.kind === 'unreachable' ? 'unavailable' : 'validation', e.message, 'host')
    throw e
  }
}

/** Saves where the data is kept from the next start; a server is tested first and never saved when it cannot be used. */
export async function saveDatabaseChoice(ctx: ServiceContext, input: SaveInput, active: ActiveDatabase): Promise<DatabaseSettings> {
  if (input.kind === 'local') writeSettings(ctx.dataDir, {})
  else {
    await testServer(ctx, input)
    writeSettings(ctx.dataDir, { databaseUrl: urlFor(ctx, input) })
  }
  return databaseSettings(ctx, active)
}
