import 'reflect-metadata'
import { app, BrowserWindow, dialog, session } from 'electron'
import { join } from 'node:path'
import { startBackend, type Backend } from './backend'
import { resolveDatabaseUrl } from './settings'
import { fileLogger } from './log'
import { electronNativeBinding } from './db/nativeBinding'
import { registerIpc } from './transport/ipc'
import { createMainWindow, hardenSession, isAppUrl, rendererEntry, saveFileHost } from './window'

/*
 * Electron glue only: lifecycle, single instance, window, IPC. Everything it
 * calls also runs under plain Node (browser mode, CLI, tests).
 */
const outDir = join(__dirname, '..')
const devServerUrl = process.env.ELECTRON_RENDERER_URL
let backend: Backend | undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    const binding = electronNativeBinding(app.getAppPath())
    if (!binding.ok) dialog.showErrorBox('SPN Secretariat', binding.message)
    const dataDir = process.env.SPN_DATA_DIR ?? app.getPath('userData')
    // This computer's file, or the shared server chosen on the Settings page (SPN_DATABASE_URL overrides).
    const database = resolveDatabaseUrl(dataDir)
    backend = await startBackend({
      dataDir,
      log: fileLogger(dataDir, true),
      databaseUrl: database.url,
      databaseOverridden: database.overridden,
      nativeBinding: binding.ok ? binding.path : undefined,
      host: saveFileHost(app.getPath('documents')),
      program: 'the desktop app',
    })
    const entry = rendererEntry(outDir, devServerUrl)
    registerIpc(backend.dispatch, (url) => isAppUrl(url, entry))
    createMainWindow(outDir, devServerUrl)
  })

  app.on('window-all-closed', () => {
    void backend?.close().finally(() => app.quit())
  })
}
