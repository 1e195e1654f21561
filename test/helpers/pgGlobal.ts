import { startCluster } from '../../src/main/bench/cluster'
import { openDatabase } from '../../src/main/db/open'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { loadDemoTemplate } from './demoTemplate'

declare module 'vitest' {
  export interface ProvidedContext {
    pgBaseUrl: string
  }
}

/** Starts the cluster once for the PostgreSQL test project and prepares a migrated template database and one with the demo. */
export default async function setup({ provide }: { provide: (key: 'pgBaseUrl', value: string) => void }) {
  const cluster = await startCluster()
  const admin = new pg.Client({ connectionString: cluster.url('postgres') })
  await admin.connect()
  await admin.query('CREATE DATABASE spn_template')
  await admin.end()
  const dir = mkdtempSync(join(tmpdir(), 'spn-pg-template-'))
  const db = await openDatabase({ dataDir: dir, databaseUrl: cluster.url('spn_template') })
  await db.close()
  // The demo, loaded once from the migrated template: the suites that read the demo start from a copy of it.
  const again = new pg.Client({ connectionString: cluster.url('postgres') })
  await again.connect()
  await again.query('CREATE DATABASE spn_demo TEMPLATE spn_template')
  await again.end()
  await loadDemoTemplate({ dataDir: dir, databaseUrl: cluster.url('spn_demo') })
  rmSync(dir, { recursive: true, force: true })
  provide('pgBaseUrl', cluster.url(''))
  return () => cluster.stop()
}
