import { homedir, platform } from 'node:os'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const PRODUCT_NAME = 'SPN Secretariat'

/**
 * The data folder: SPN_DATA_DIR when set, otherwise the user's app-data folder
 * (the same place Electron's `userData` points to for this product name).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, os = platform(), home = homedir()): string {
  if (env.SPN_DATA_DIR) return env.SPN_DATA_DIR
  if (os === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (os === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME)
}

/**
 * A file under the project's resources/ folder. The bundle sits a few folders
 * below the project root (out/main/chunks), the sources too (src/main), so walk up.
 */
export function resourcePath(...parts: string[]): string {
  let dir = __dirname
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', ...parts)
    if (existsSync(candidate)) return candidate
    dir = join(dir, '..')
  }
  throw new Error(`Resource not found: resources/${parts.join('/')}`)
}
