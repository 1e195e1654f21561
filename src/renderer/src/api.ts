import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract'
import type { Result } from '../../shared/domain/result'

declare global {
  interface Window {
    spn?: { invoke(operation: string, input: unknown): Promise<unknown> }
  }
}

const TOKEN_KEY = 'spn.token'

/** In browser mode the launch URL carries a token; keep it for this tab and take it out of the address bar. */
function browserToken(): string {
  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    params.delete('token')
    const rest = params.toString()
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

let token: string | null = null

/** Called once on start-up, before the router reads the address. */
export function takeBrowserToken(): void {
  if (!window.spn) token = browserToken()
}

/** Calls a contract operation over Electron IPC, or over the loopback HTTP bridge in browser mode. */
export async function call<K extends OperationName>(operation: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
  try {
    if (window.spn) return (await window.spn.invoke(operation, input)) as Result<OutputOf<K>>
    token ??= browserToken()
    const res = await fetch(`/api/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-spn-token': token },
      body: JSON.stringify(input),
    })
    return (await res.json()) as Result<OutputOf<K>>
  } catch (e) {
    return { ok: false, error: { code: 'unavailable', message: `The app's backend did not answer (${(e as Error).message})` } }
  }
}
