// `npm run spn -- <command>`: the spn CLI under plain Node, built first if needed.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuild } from './ensure-build.mjs'

ensureBuild()
const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'out', 'main', 'cli.js'), ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(r.status ?? 1)
