import { contextBridge, ipcRenderer } from 'electron'
import { INVOKE_CHANNEL, OPERATION_NAME_LIST } from '../shared/api/operationNames'

const allowed = new Set<string>(OPERATION_NAME_LIST)

/** The renderer's only door to the main process: contract operations, nothing else. */
contextBridge.exposeInMainWorld('spn', {
  invoke(operation: string, input: unknown): Promise<unknown> {
    if (!allowed.has(operation)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_operation', message: `There is no operation ${operation}` } })
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, operation, input)
  },
})
