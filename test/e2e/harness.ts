import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const ROOT = join(import.meta.dirname, '..', '..')
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export interface App {
  url: string
  token: string
  origin: string
  dataDir: string
  api<T = unknown>(op: string, input: unknown): Promise<T>
  /** Stops the server; with keepData the folder stays for a restart (startApp with dataDir). */
  stop(opts?: { keepData?: boolean }): Promise<void>
}

/** Starts browser mode (`spn serve`) on a fresh data folder and waits for its ready line. */
export async function startApp(prepare?: (dataDir: string) => void, extraArgs: string[] = [], existingDir?: string): Promise<App> {
  const cli = join(ROOT, 'out', 'main', 'cli.js')
  if (!existsSync(cli)) throw new Error('Build first: npm run build')
  const dataDir = existingDir ?? mkdtempSync(join(tmpdir(), 'spn-e2e-'))
  prepare?.(dataDir)
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--data', dataDir, '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ready line:\n${output}`)), 20000)
    const on = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /SPN Secretariat ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout!.on('data', on)
    child.stderr!.on('data', on)
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
  })
  const parsed = new URL(url)
  const token = parsed.searchParams.get('token')!
  return {
    url,
    token,
    origin: parsed.origin,
    dataDir,
    async api<T>(op: string, input: unknown): Promise<T> {
      const r = await fetch(`${parsed.origin}/api/${op}`, { method: 'POST', headers: { 'x-spn-token': token }, body: JSON.stringify(input) })
      const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } }
      if (!body.ok) throw new Error(`${op}: ${body.error?.message}`)
      return body.value
    },
    async stop(opts) {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      if (!opts?.keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** A new page in its own context (fresh storage), optionally starting in a language. */
export async function openApp(browser: Browser, app: App, lang?: 'en' | 'mn'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  if (lang) await context.addInitScript((l) => localStorage.setItem('spn.lang', l), lang)
  const page = await context.newPage()
  page.setDefaultTimeout(10000)
  await page.goto(app.url)
  return page
}
