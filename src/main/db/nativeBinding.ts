import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI, browser mode).
 * Electron needs a build for its own ABI; `npm start` makes one with
 * scripts/electron-native.mjs into native/<runtime>/, and the main process
 * passes it to better-sqlite3 as `nativeBinding`. Both builds live side by side,
 * so `npm test` and `npm start` work in any order.
 */
export function electronBindingDir(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(appRoot, 'native', `electron-${electronVersion}-${platform}-${arch}`)
}

export function electronNativeBinding(
  appRoot: string,
  versions: NodeJS.ProcessVersions & { electron?: string } = process.versions,
  platform: string = process.platform,
  arch: string = process.arch,
): { ok: true; path: string } | { ok: false; message: string } {
  if (!versions.electron) return { ok: false, message: 'Not running inside Electron' }
  const path = join(electronBindingDir(appRoot, versions.electron, platform, arch), 'better_sqlite3.node')
  if (existsSync(path)) return { ok: true, path }
  return {
    ok: false,
    message: `The database driver for Electron ${versions.electron} is missing (${path}). Start the app with "npm start", which builds it.`,
  }
}
