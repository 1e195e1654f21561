import { BrowserWindow, dialog, shell, type Session } from 'electron'
import { writeFile } from 'node:fs/promises'
import type { Host } from './api/handlers'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from './security'

export function rendererEntry(outDir: string, devServerUrl?: string): string {
  return devServerUrl ?? pathToFileURL(join(outDir, 'renderer', 'index.html')).href
}

/** True for URLs of the app's own renderer (the built files, or the dev server). */
export function isAppUrl(url: string, entry: string): boolean {
  const base = entry.startsWith('file:') ? entry.slice(0, entry.lastIndexOf('/') + 1) : new URL(entry).origin + '/'
  return url.startsWith(base)
}

/** Denies every permission request, blocks navigation and new windows, and sets the CSP header. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

export function createMainWindow(outDir: string, devServerUrl?: string): BrowserWindow {
  const entry = rendererEntry(outDir, devServerUrl)
  // The security settings are written here, where the window is made, so that a scanner (Electronegativity) reads them.
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'SPN Secretariat',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // Only for Chromium's built-in PDF viewer, used by the report preview.
      plugins: true,
    },
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the user's browser, never inside the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, entry)) event.preventDefault()
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(entry)
  return win
}

/** The desktop's save: the system dialog in the user's documents folder, then the bytes written where they chose. */
export function saveFileHost(documentsDir: string): Host {
  return {
    async saveFile(suggestedName, bytes) {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
      const ext = suggestedName.split('.').pop() ?? ''
      const options = { defaultPath: join(documentsDir, suggestedName), filters: [{ name: ext.toUpperCase(), extensions: [ext] }] }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (r.canceled || !r.filePath) return null
      await writeFile(r.filePath, bytes)
      return r.filePath
    },
  }
}
