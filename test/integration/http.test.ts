import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:http'
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/http'
import { OPERATION_NAMES } from '../../src/shared/api/contract'
import { SCHEMA_VERSION } from '../../src/main/db/migrations'
import { DORNOGOVI, testBackend, type TestBackend } from '../helpers/backend'

let t: TestBackend
let bridge: HttpBridge
beforeAll(async () => {
  t = await testBackend()
  const rendererDir = join(t.dataDir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SPN</title>')
  bridge = await startHttpBridge(t.backend, { rendererDir })
})
afterAll(async () => {
  await bridge.close()
  await t.close()
})

const api = (path: string, init: RequestInit & { token?: string | null } = {}) =>
  fetch(`http://127.0.0.1:${bridge.port}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token === null ? {} : { 'x-spn-token': init.token ?? bridge.token }) },
  })

describe('HTTP bridge', () => {
  it('prints a loopback URL with the token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`)
    expect(bridge.token).toMatch(/^[0-9a-f]{48}$/)
  })
  it('refuses requests without the right token with 401', async () => {
    expect((await api('/api/branches.list', { method: 'POST', body: '{}', token: null })).status).toBe(401)
    expect((await api('/api/branches.list', { method: 'POST', body: '{}', token: 'nope' })).status).toBe(401)
    expect((await api('/api/health', { token: null })).status).toBe(401)
  })
  it('answers health with version and schema version', async () => {
    const r = await api('/api/health')
    expect(await r.json()).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+$/), schemaVersion: SCHEMA_VERSION })
  })
  it('lists every operation with its input JSON schema', async () => {
    const body = (await (await api('/api/operations')).json()) as { value: Array<{ name: string; input: { type: string; additionalProperties: boolean } }> }
    expect(body.value.map((o) => o.name).sort()).toEqual([...OPERATION_NAMES].sort())
    const create = body.value.find((o) => o.name === 'persons.create')!
    expect(create.input).toMatchObject({ type: 'object', additionalProperties: false })
  })
  it('runs operations and maps results to status codes', async () => {
    const created = await api('/api/branches.create', { method: 'POST', body: JSON.stringify(DORNOGOVI) })
    expect(created.status).toBe(200)
    expect(await created.json()).toMatchObject({ ok: true, value: { code: 'DOR' } })
    const dup = await api('/api/branches.create', { method: 'POST', body: JSON.stringify(DORNOGOVI) })
    expect(dup.status).toBe(409)
    const unknown = await api('/api/branches.explode', { method: 'POST', body: '{}' })
    expect(unknown.status).toBe(404)
  })
  it('gives a 400 result, never a 500, for a malformed body', async () => {
    for (const body of ['{not json', '[1,2]', '"text"', 'null']) {
      const r = await api('/api/branches.create', { method: 'POST', body })
      expect(r.status, body).toBe(400)
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
    const wrong = await api('/api/branches.create', { method: 'POST', body: JSON.stringify({ ...DORNOGOVI, code: 5 }) })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ ok: false, error: { field: 'code' } })
  })
  it('refuses another Host or a foreign Origin (DNS rebinding), with the token or without', async () => {
    const raw = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/branches.list', method: 'POST', headers: { 'x-spn-token': bridge.token, 'content-type': 'application/json', ...headers } }, (res) => {
          res.resume()
          resolve(res.statusCode!)
        })
        req.on('error', reject)
        req.end('{}')
      })
    expect(await raw({ host: `evil.example:${bridge.port}` })).toBe(421)
    expect(await raw({ host: `127.0.0.1:${bridge.port + 1}` })).toBe(421)
    expect(await raw({ host: `127.0.0.1:${bridge.port}`, origin: 'http://evil.example' })).toBe(403)
    expect(await raw({ host: `127.0.0.1:${bridge.port}`, origin: `http://127.0.0.1:${bridge.port}` })).toBe(200)
    expect(await raw({ host: `localhost:${bridge.port}` })).toBe(200)
  })
  it('serves the renderer with the Content-Security-Policy', async () => {
    const r = await fetch(`http://127.0.0.1:${bridge.port}/`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect((await fetch(`http://127.0.0.1:${bridge.port}/../../etc/passwd`)).status).not.toBe(500)
    expect((await fetch(`http://127.0.0.1:${bridge.port}/%E0%A4%A`)).status).toBe(400)
    expect((await api('/api/%E0%A4%A', { method: 'POST', body: '{}' })).status).toBe(400)
  })
})
