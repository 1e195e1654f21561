// `npm run serve -- [--data DIR] [--port N] [--demo]`: browser mode, built first if needed.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuild } from './ensure-build.mjs'

ensureBuild()
const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'out', 'main', 'cli.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
