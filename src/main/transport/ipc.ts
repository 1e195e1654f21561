import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNEL } from '../../shared/api/operationNames'
import { fail } from '../../shared/domain/result'
import type { Dispatch } from '../api/dispatcher'

/**
 * Electron IPC transport: one channel carrying (operation, input) to the
 * dispatcher. Only frames showing the app's own renderer may call.
 */
export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, operation: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? ''
    if (!isTrustedUrl(url)) return fail('forbidden', 'Calls are only accepted from the app window')
    if (typeof operation !== 'string') return fail('unknown_operation', 'The operation name must be text')
    return dispatch(operation, input)
  })
}
