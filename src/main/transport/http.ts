import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import { z } from 'zod'
import { contract, OPERATION_NAMES } from '../../shared/api/contract'
import type { ErrorCode, Result } from '../../shared/domain/result'
import type { Backend } from '../backend'
import { CONTENT_SECURITY_POLICY } from '../security'

const MAX_BODY = 5 * 1024 * 1024
const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  not_found: 404,
  unknown_operation: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  unavailable: 503,
  internal: 500,
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
}

export interface HttpBridge {
  server: Server
  port: number
  token: string
  url: string
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function sendResult(res: ServerResponse, result: Result<unknown>): void {
  send(res, result.ok ? 200 : STATUS[result.error.code], result)
}

function tokenOk(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(String(req.headers['x-spn-token'] ?? ''))
  const want = Buffer.from(token)
  return given.length === want.length && timingSafeEqual(given, want)
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Every operation with its input JSON schema, for GET /api/operations. */
export function describeOperations() {
  return OPERATION_NAMES.map((name) => {
    const def = contract[name]
    return {
      name,
      summary: def.summary,
      permission: def.permission,
      write: def.write,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    }
  })
}

function serveStatic(res: ServerResponse, rendererDir: string, urlPath: string): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0])
  } catch {
    res.writeHead(400).end()
    return
  }
  const clean = normalize(decoded).replace(/^([/\\])+/, '')
  let file = join(rendererDir, clean)
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) {
    res.writeHead(403).end()
    return
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(rendererDir, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The renderer is not built. Run npm run build.')
    return
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
  })
  res.end(readFileSync(file))
}

/**
 * The loopback bridge for browser mode and end-to-end tests: moves bytes
 * between HTTP and the dispatcher, nothing more. Bound to 127.0.0.1 only.
 */
export async function startHttpBridge(backend: Backend, opts: { port?: number; rendererDir?: string; token?: string }): Promise<HttpBridge> {
  const token = opts.token ?? randomBytes(24).toString('hex')
  let port = 0
  const server = createServer(async (req, res) => {
    const url = req.url ?? '/'
    try {
      // DNS rebinding: a page of another site that resolves its name to 127.0.0.1 sends its own Host and Origin.
      const own = [`127.0.0.1:${port}`, `localhost:${port}`]
      if (!own.includes(String(req.headers.host ?? ''))) {
        return send(res, 421, { ok: false, error: { code: 'forbidden', message: `This server answers only to http://127.0.0.1:${port}` } })
      }
      const origin = req.headers.origin
      if (origin !== undefined && !own.some((o) => origin === `http://${o}`)) {
        return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'Requests from other web pages are refused' } })
      }
      if (!url.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end()
        if (!opts.rendererDir) return void res.writeHead(404).end()
        return serveStatic(res, opts.rendererDir, url)
      }
      if (!tokenOk(req, token)) {
        return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong x-spn-token header' } })
      }
      const path = url.split('?')[0]
      if (req.method === 'GET' && path === '/api/health') {
        return send(res, backend.startupError ? 503 : 200, {
          ok: !backend.startupError,
          version: backend.version,
          schemaVersion: backend.schemaVersion,
          ...(backend.startupError ? { error: { code: 'unavailable', message: backend.startupError } } : {}),
        })
      }
      if (req.method === 'GET' && path === '/api/operations') return send(res, 200, { ok: true, value: describeOperations() })
      if (req.method !== 'POST') {
        return send(res, 405, { ok: false, error: { code: 'validation', message: 'Operations are called with POST' } })
      }
      const body = await readBody(req)
      if (body === null) return send(res, 413, { ok: false, error: { code: 'validation', message: 'The request body is larger than 5 MB' } })
      let input: unknown = {}
      if (body.trim() !== '') {
        try {
          input = JSON.parse(body)
        } catch {
          return send(res, 400, { ok: false, error: { code: 'validation', message: 'The request body is not valid JSON' } })
        }
      }
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        return send(res, 400, { ok: false, error: { code: 'validation', message: 'The request body must be a JSON object' } })
      }
      let operation: string
      try {
        operation = decodeURIComponent(path.slice('/api/'.length))
      } catch {
        return send(res, 400, { ok: false, error: { code: 'validation', message: 'The operation name in the URL is malformed' } })
      }
      return sendResult(res, await backend.dispatch(operation, input))
    } catch (e) {
      console.error('HTTP bridge error', e)
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong inside the app' } })
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
