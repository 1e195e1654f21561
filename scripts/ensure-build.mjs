// Builds the app with electron-vite when out/ is missing or older than the sources.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = join(import.meta.dirname, '..')

function newest(dir) {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

export function ensureBuild() {
  const marker = join(root, 'out', 'main', 'cli.js')
  const inputs = Math.max(newest(join(root, 'src')), newest(join(root, 'resources')), statSync(join(root, 'package.json')).mtimeMs)
  if (existsSync(marker) && existsSync(join(root, 'out', 'renderer', 'index.html')) && statSync(marker).mtimeMs >= inputs) return
  console.error('Building the app (electron-vite build)...')
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
