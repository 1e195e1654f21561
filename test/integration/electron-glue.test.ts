import { beforeEach, describe, expect, it, vi } from 'vitest'
import { OPERATION_NAMES } from '../../src/shared/api/contract'
import { INVOKE_CHANNEL } from '../../src/shared/api/operationNames'

const handlers = new Map<string, (...args: unknown[]) => unknown>()
const exposed: Record<string, unknown> = {}
const invoked: unknown[][] = []

const windows: Array<{ options: Record<string, unknown>; loaded?: string; openHandler?: (d: { url: string }) => unknown }> = []
const saveAnswers: Array<{ canceled: boolean; filePath?: string }> = []
const saveCalls: unknown[][] = []

vi.mock('electron', () => ({
  dialog: { showSaveDialog: async (...args: unknown[]) => (saveCalls.push(args), saveAnswers.shift()!) },
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: null }) },
  BrowserWindow: class {
    record: (typeof windows)[number]
    webContents: { setWindowOpenHandler(fn: (d: { url: string }) => unknown): void; on(): void }
    constructor(options: Record<string, unknown>) {
      const record: (typeof windows)[number] = { options }
      windows.push(record)
      this.record = record
      this.webContents = { setWindowOpenHandler: (fn) => (record.openHandler = fn), on: () => undefined }
    }
    once() {}
    loadURL(url: string) {
      this.record.loaded = url
      return Promise.resolve()
    }
    static getFocusedWindow() {
      return null
    }
    static getAllWindows() {
      return []
    }
  },
  shell: { openExternal: vi.fn() },
}))

beforeEach(() => {
  handlers.clear()
  invoked.length = 0
})

describe('window', () => {
  it('is isolated, sandboxed and without Node, opens no other window, and loads the app', async () => {
    const { createMainWindow } = await import('../../src/main/window')
    createMainWindow('/app/out')
    const made = windows.pop()!
    expect(made.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, preload: '/app/out/preload/index.js' })
    expect(made.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
    expect(made.loaded).toBe('file:///app/out/renderer/index.html')
  })
  it('accepts only its own pages as navigation targets', async () => {
    const { isAppUrl, rendererEntry } = await import('../../src/main/window')
    const entry = rendererEntry('/app/out')
    expect(isAppUrl('file:///app/out/renderer/index.html#/persons', entry)).toBe(true)
    expect(isAppUrl('https://example.org/', entry)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', entry)).toBe(false)
  })
})

describe('IPC', () => {
  it('carries every contract operation to the dispatcher, from the app window only', async () => {
    const { registerIpc } = await import('../../src/main/transport/ipc')
    const seen: string[] = []
    registerIpc(async (op) => (seen.push(op), { ok: true, value: op }), (url) => url.startsWith('file:///app/'))
    const handler = handlers.get(INVOKE_CHANNEL)!
    expect(handler).toBeTypeOf('function')
    const event = { senderFrame: { url: 'file:///app/out/renderer/index.html' } }
    for (const op of OPERATION_NAMES) expect(await handler(event, op, {})).toEqual({ ok: true, value: op })
    expect(seen).toEqual(OPERATION_NAMES)
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'branches.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe('preload', () => {
  it('exposes only invoke, and only for contract operations', async () => {
    await import('../../src/preload/index')
    const spn = exposed.spn as { invoke(op: string, input: unknown): Promise<unknown> }
    expect(Object.keys(spn)).toEqual(['invoke'])
    await spn.invoke('persons.search', { query: 'bat' })
    expect(invoked).toEqual([[INVOKE_CHANNEL, 'persons.search', { query: 'bat' }]])
    expect(await spn.invoke('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } })
    expect(invoked).toHaveLength(1)
  })
})

describe('native module for Electron', () => {
  it('looks for a separate Electron build and explains when it is missing', async () => {
    const { electronNativeBinding } = await import('../../src/main/db/nativeBinding')
    const r = electronNativeBinding('/nowhere', { ...process.versions, electron: '45.5.0' }, 'win32', 'x64')
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('npm start') })
    expect(electronNativeBinding('/nowhere', { ...process.versions, electron: undefined } as never)).toMatchObject({ ok: false })
  })
})

describe('data folder', () => {
  it('uses SPN_DATA_DIR, else the app-data folder of the platform', async () => {
    const { defaultDataDir } = await import('../../src/main/paths')
    expect(defaultDataDir({ SPN_DATA_DIR: '/data/spn' }, 'linux', '/home/a')).toBe('/data/spn')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toContain('SPN Secretariat')
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/SPN Secretariat')
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/SPN Secretariat')
  })
})

describe('saving a report on the desktop', () => {
  it('asks where with the system dialog, writes the bytes there, and returns null when cancelled', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { saveFileHost } = await import('../../src/main/window')
    const dir = mkdtempSync(join(tmpdir(), 'spn-save-'))
    const host = saveFileHost('/home/officer/Documents')
    saveAnswers.push({ canceled: false, filePath: join(dir, 'report.pdf') })
    expect(await host.saveFile('SPN-membership-2009-en.pdf', Buffer.from('%PDF-1.7'))).toBe(join(dir, 'report.pdf'))
    expect(readFileSync(join(dir, 'report.pdf'), 'utf8')).toBe('%PDF-1.7')
    expect(saveCalls[0][0]).toMatchObject({ defaultPath: '/home/officer/Documents/SPN-membership-2009-en.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] })
    saveAnswers.push({ canceled: true })
    expect(await host.saveFile('x.xlsx', Buffer.from('x'))).toBeNull()
  })
})
