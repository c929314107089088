// CORS: nothing is granted to other origins unless CORS_ORIGINS lists them, and never credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningGateway } from '../src/server.ts'
import { authorize, bearer, startTestGateway, tempDir, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway()
const APP = 'https://app.example.com'
const EVIL = 'https://evil.example.net'
let listed: RunningGateway
const listedDir = tempDir()

beforeAll(async () => {
  listed = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: listedDir.dir, env: { CORS_ORIGINS: APP } })
})
afterAll(async () => {
  await listed?.close()
  listedDir.remove()
})

const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  })

const query = (url: string, origin: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ viewer { name } }' }) })

describe('by default', () => {
  it('grants no origin a preflight, and answers carry no CORS headers', async () => {
    const answer = await preflight(jira.gateway.url, EVIL)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull()
    const read = await query(jira.gateway.url, EVIL)
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('with CORS_ORIGINS', () => {
  it("grants a listed origin's preflight for a Bearer token, without credentials", async () => {
    const answer = await preflight(listed.url, APP)
    expect(answer.ok).toBe(true)
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP)
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/authorization/)
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST')
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('answers a listed origin with its data and exposes the request id', async () => {
    const token = await authorize(listed, jira.sandbox, 'alana')
    const read = await query(listed.url, APP, bearer(token))
    expect(read.headers.get('access-control-allow-origin')).toBe(APP)
    expect(read.headers.get('access-control-expose-headers')).toBe('x-request-id')
    expect(((await read.json()) as any).data.viewer.name).toBe('alana')
  })

  it('never names another origin as allowed', async () => {
    const answer = await preflight(listed.url, EVIL)
    expect(answer.headers.get('access-control-allow-origin')).not.toBe(EVIL)
  })
})
