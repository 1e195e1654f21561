// Builds better-sqlite3 for Electron's ABI into native/electron-<version>-<platform>-<arch>/,
// leaving node_modules/better-sqlite3 built for Node. The Electron main process passes
// the result as `nativeBinding` (src/main/db/nativeBinding.ts). Runs before `npm start`.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = join(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))
const electronVersion = require('electron/package.json').version
const { platform, arch } = process
const outDir = join(root, 'native', `electron-${electronVersion}-${platform}-${arch}`)
const target = join(outDir, 'better_sqlite3.node')

let electronBinary
try {
  electronBinary = require('electron')
} catch {
  electronBinary = null
}
if (!electronBinary || !existsSync(electronBinary)) {
  console.error(
    "Electron's binary is not installed (its download needs the internet). Reinstall with internet access, " +
      'or use browser mode: npm run serve',
  )
  process.exit(1)
}
if (existsSync(target)) process.exit(0)

const pkgDir = dirname(require.resolve('better-sqlite3/package.json'))
const work = mkdtempSync(join(tmpdir(), 'spn-native-'))
try {
  cpSync(pkgDir, work, { recursive: true, filter: (src) => !src.includes(`${pkgDir}/build`) && !src.includes(`${pkgDir}\\build`) })
  const run = (cmd, args) => spawnSync(process.execPath, [cmd, ...args], { cwd: work, stdio: 'inherit' })
  console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (${platform}-${arch})...`)
  // A prebuilt binary when one is published, else compile against Electron's headers.
  let r = run(require.resolve('prebuild-install/bin.js'), ['--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`])
  if (r.status !== 0) {
    // npm exports the path of its bundled node-gyp to scripts it runs.
    const gyp = process.env.npm_config_node_gyp
    if (gyp) r = run(gyp, ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'])
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (r.status !== 0 || !existsSync(built)) {
    console.error('Could not build better-sqlite3 for Electron. Browser mode still works: npm run serve')
    process.exit(1)
  }
  mkdirSync(outDir, { recursive: true })
  copyFileSync(built, target)
  console.log(`Electron build of better-sqlite3 saved to ${target}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
