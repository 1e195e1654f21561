import { openDatabase } from '../../src/main/db/open'
import { loadDemo } from '../../src/main/demo/load'

/** The demo as the suites load it: the same clock as the test backends. */
export const DEMO_NOW = '2026-11-26T09:00:00.000Z'

/**
 * Loads the demo once into a database (a SQLite data folder, or a server
 * database by URL) for the suites to copy: loading it per suite on both
 * engines was most of the test run's time.
 */
export async function loadDemoTemplate(opts: { dataDir: string; databaseUrl?: string }): Promise<void> {
  const db = await openDatabase(opts)
  try {
    await db.write((tx, sql) => loadDemo({ tx, sql }, { now: DEMO_NOW }))
  } finally {
    await db.close()
  }
}
