import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDemoTemplate } from './demoTemplate'

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteDemo: string
  }
}

/** The SQLite project's demo, loaded once: the suites that read the demo start from a copy of this file. */
export default async function setup({ provide }: { provide: (key: 'sqliteDemo', value: string) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'spn-demo-template-'))
  await loadDemoTemplate({ dataDir: dir })
  provide('sqliteDemo', join(dir, 'spn.sqlite'))
  return () => rmSync(dir, { recursive: true, force: true })
}
