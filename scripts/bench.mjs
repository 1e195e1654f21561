// `npm run bench`: speed of the app beside raw baselines measured in the same run.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuild } from './ensure-build.mjs'

ensureBuild()
const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'out', 'main', 'cli.js'), 'bench', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(r.status ?? 1)
