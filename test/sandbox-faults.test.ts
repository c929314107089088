// Fault injection: each kind of fault, how rules match (method, exact path, RegExp, REST-only by
// default, the OAuth servlet when named), first match wins, `times`, clearFaults, and the record.
import { generateKeyPairSync } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox/index.ts'
import { oauthHeader, parseForm } from './helpers/sandbox-signer.ts'

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
let sandbox: Sandbox
let token: string

const sign = (method: string, url: string, tok?: string, oauth?: Record<string, string>) =>
  oauthHeader({ method, url, consumerKey: 'OAuthKey', privateKey, token: tok, oauth, timestamp: Math.floor(Date.now() / 1000) })

function requestToken(): Promise<Response> {
  const url = `${sandbox.url}/plugins/servlet/oauth/request-token`
  return fetch(url, { method: 'POST', headers: { authorization: sign('POST', url, undefined, { oauth_callback: 'oob' }) } })
}

beforeAll(async () => {
  sandbox = await startSandbox({
    contextPath: '/jira',
    consumers: [{ key: 'OAuthKey', name: 'Faults', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string }],
  })
  const requested = parseForm(await (await requestToken()).text())
  const { verifier } = sandbox.approve(requested['oauth_token']!, 'alana')
  const url = `${sandbox.url}/plugins/servlet/oauth/access-token`
  const access = await fetch(url, { method: 'POST', headers: { authorization: sign('POST', url, requested['oauth_token'], { oauth_verifier: verifier }) } })
  token = parseForm(await access.text())['oauth_token']!
})
afterAll(() => sandbox.close())
afterEach(() => {
  sandbox.clearFaults()
  sandbox.resetCalls()
})

/** a signed REST call; `path` below /rest/api/2/ */
function rest(path: string, method = 'GET', json?: unknown): Promise<Response> {
  const url = `${sandbox.url}/rest/api/2/${path}`
  const headers: Record<string, string> = { authorization: sign(method, url, token) }
  if (json !== undefined) headers['content-type'] = 'application/json'
  return fetch(url, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) })
}

const record = () => sandbox.calls.map((c) => [c.method, c.path, c.status, c.user])

describe('kinds of fault', () => {
  it('status: a JIRA error object by default, or the body, type and headers given', async () => {
    sandbox.injectFault({ match: { path: '/rest/api/2/myself' }, fault: { kind: 'status', status: 503 } })
    const plain = await rest('myself')
    expect(plain.status).toBe(503)
    expect(plain.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(await plain.json()).toEqual({ errorMessages: ['Sandbox fault: HTTP 503'], errors: {} })

    sandbox.clearFaults()
    sandbox.injectFault({
      match: { path: '/rest/api/2/myself' },
      fault: { kind: 'status', status: 502, body: '<html><body>Bad Gateway</body></html>', contentType: 'text/html', headers: { 'X-Proxy': 'nginx', Via: '1.1 proxy' } },
    })
    const custom = await rest('myself')
    expect(custom.status).toBe(502)
    expect(custom.headers.get('content-type')).toBe('text/html')
    expect(custom.headers.get('x-proxy')).toBe('nginx')
    expect(custom.headers.get('via')).toBe('1.1 proxy')
    expect(await custom.text()).toBe('<html><body>Bad Gateway</body></html>')

    sandbox.clearFaults()
    sandbox.injectFault({ match: { path: '/rest/api/2/myself' }, fault: { kind: 'status', status: 500, body: '{"errorMessages":["Boom"],"errors":{}}' } })
    const json = await rest('myself')
    expect(json.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(await json.json()).toEqual({ errorMessages: ['Boom'], errors: {} })
    sandbox.clearFaults()
    sandbox.injectFault({ match: { path: '/rest/api/2/myself' }, fault: { kind: 'status', status: 500, body: 'Internal error' } })
    expect((await rest('myself')).headers.get('content-type')).toBe('text/plain;charset=UTF-8')
    // faults answer before authentication: no user in the record
    expect(sandbox.calls.every((c) => c.user === undefined)).toBe(true)
  })

  it('delay: waits, then answers normally (as the user)', async () => {
    sandbox.injectFault({ match: { path: '/rest/api/2/myself' }, times: 1, fault: { kind: 'delay', ms: 200 } })
    const started = performance.now()
    const res = await rest('myself')
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    expect(res.status).toBe(200)
    expect((await res.json()).name).toBe('alana')
    expect(record()).toEqual([['GET', '/rest/api/2/myself', 200, 'alana']])
  })

  it('reset: the socket is destroyed without an answer; recorded with status 0', async () => {
    sandbox.injectFault({ match: { path: '/rest/api/2/issue/JJ-2' }, times: 1, fault: { kind: 'reset' } })
    await expect(rest('issue/JJ-2')).rejects.toThrow(/fetch failed/)
    expect(sandbox.calls).toEqual([{ method: 'GET', path: '/rest/api/2/issue/JJ-2', query: {}, status: 0, bytes: 0 }])
    // the next request is served
    expect((await rest('issue/JJ-2?fields=summary')).status).toBe(200)
  })

  it('html-login: 200 with JIRA’s login page', async () => {
    sandbox.injectFault({ fault: { kind: 'html-login' } })
    const res = await rest('issue/JJ-2')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html;charset=UTF-8')
    const html = await res.text()
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<title>Log in - Sandbox JIRA</title>')
    expect(html).toContain('<form action="/jira/login.jsp" class="aui" id="login-form" method="post">')
    expect(html).toContain('name="os_username"')
    expect(() => JSON.parse(html)).toThrow()
  })

  it('seraph: 200 `{}` with X-Seraph-LoginReason, AUTHENTICATED_FAILED unless told otherwise', async () => {
    sandbox.injectFault({ times: 1, fault: { kind: 'seraph' } })
    sandbox.injectFault({ times: 1, fault: { kind: 'seraph', reason: 'AUTHENTICATION_DENIED' } })
    const first = await rest('myself')
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(first.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED')
    expect(await first.text()).toBe('{}')
    expect((await rest('myself')).headers.get('x-seraph-loginreason')).toBe('AUTHENTICATION_DENIED')
    const normal = await rest('myself')
    expect(normal.headers.get('x-seraph-loginreason')).toBeNull()
    expect((await normal.json()).name).toBe('alana')
  })

  it('malformed-json: 200 application/json that stops half-way', async () => {
    sandbox.injectFault({ fault: { kind: 'malformed-json' } })
    const res = await rest('search?jql=key%3DJJ-2')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    const text = await res.text()
    expect(text.startsWith('{"expand":"schema,names","startAt":0')).toBe(true)
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text))
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
  })

  it('rate-limit: 429 (or 503) with Retry-After as given and the X-RateLimit headers', async () => {
    sandbox.injectFault({ times: 1, fault: { kind: 'rate-limit', retryAfter: '7' } })
    sandbox.injectFault({ times: 1, fault: { kind: 'rate-limit', retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT', status: 503 } })
    const limited = await rest('myself')
    expect(limited.status).toBe(429)
    expect(Object.fromEntries([...limited.headers].filter(([name]) => name === 'retry-after' || name.startsWith('x-ratelimit')))).toEqual({
      'retry-after': '7',
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-fillrate': '10',
      'x-ratelimit-interval-seconds': '1',
    })
    expect(await limited.json()).toEqual({ errorMessages: ['Rate limit exceeded. Try again later.'], errors: {} })
    const unavailable = await rest('myself')
    expect(unavailable.status).toBe(503)
    expect(unavailable.headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT')
    expect(unavailable.headers.get('x-ratelimit-remaining')).toBe('0')
    expect((await rest('myself')).status).toBe(200)
    expect(record().map(([, , status]) => status)).toEqual([429, 503, 200])
  })
})

describe('matching rules', () => {
  it('first match wins, times counts down, then the next rule, then none', async () => {
    sandbox.injectFault({ match: { path: '/rest/api/2/myself' }, times: 2, fault: { kind: 'status', status: 500 } })
    sandbox.injectFault({ match: { path: '/rest/api/2/myself' }, times: 1, fault: { kind: 'status', status: 502 } })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await rest('myself')).status)
    expect(statuses).toEqual([500, 500, 502, 200])
    expect(record()).toEqual([
      ['GET', '/rest/api/2/myself', 500, undefined],
      ['GET', '/rest/api/2/myself', 500, undefined],
      ['GET', '/rest/api/2/myself', 502, undefined],
      ['GET', '/rest/api/2/myself', 200, 'alana'],
    ])
  })

  it('without times a rule stays until clearFaults', async () => {
    sandbox.injectFault({ match: { path: '/rest/api/2/myself' }, fault: { kind: 'status', status: 500 } })
    for (let i = 0; i < 3; i++) expect((await rest('myself')).status).toBe(500)
    sandbox.clearFaults()
    expect((await rest('myself')).status).toBe(200)
  })

  it('by method (any case), by exact path, by RegExp; the query is not part of the path', async () => {
    sandbox.injectFault({ match: { method: 'post', path: '/rest/api/2/search' }, fault: { kind: 'status', status: 500 } })
    sandbox.injectFault({ match: { path: /^\/rest\/api\/(2|latest)\/issue\/JJ-\d+$/g }, fault: { kind: 'status', status: 503 } })
    expect((await rest('search?jql=key%3DJJ-1')).status).toBe(200)
    expect((await rest('search', 'POST', { jql: 'key = JJ-1' })).status).toBe(500)
    // a g flag does not make the RegExp alternate
    expect((await rest('issue/JJ-1?fields=summary')).status).toBe(503)
    expect((await rest('issue/JJ-2')).status).toBe(503)
    expect((await rest('issue/JJ-2/comment')).status).toBe(200)
    expect((await rest('issue/SEC-1')).status).toBe(404)
    // the faulted POST is still recorded with what it asked for
    expect(sandbox.calls[1]).toEqual({ method: 'POST', path: '/rest/api/2/search', query: {}, status: 500, bytes: expect.any(Number), body: { jql: 'key = JJ-1' } })
  })

  it('before authentication: an anonymous call gets the fault, not a 401', async () => {
    sandbox.injectFault({ times: 1, fault: { kind: 'status', status: 418 } })
    expect((await fetch(`${sandbox.url}/rest/api/2/myself`)).status).toBe(418)
    expect((await fetch(`${sandbox.url}/rest/api/2/myself`)).status).toBe(401)
  })

  it('a rule without a path is for REST only; naming a servlet path reaches the OAuth servlet', async () => {
    sandbox.injectFault({ fault: { kind: 'status', status: 500 } })
    expect((await requestToken()).status).toBe(200)
    expect((await rest('myself')).status).toBe(500)
    sandbox.clearFaults()

    sandbox.injectFault({
      match: { method: 'POST', path: '/plugins/servlet/oauth/request-token' },
      times: 1,
      fault: { kind: 'status', status: 401, contentType: 'text/plain', body: 'oauth_problem=consumer_key_refused' },
    })
    const refused = await requestToken()
    expect(refused.status).toBe(401)
    expect(await refused.text()).toBe('oauth_problem=consumer_key_refused')
    expect((await requestToken()).status).toBe(200)
    expect(record()).toEqual([
      ['POST', '/plugins/servlet/oauth/request-token', 200, undefined],
      ['GET', '/rest/api/2/myself', 500, undefined],
      ['POST', '/plugins/servlet/oauth/request-token', 401, undefined],
      ['POST', '/plugins/servlet/oauth/request-token', 200, undefined],
    ])
  })

  it('requests outside the context path are never faulted', async () => {
    sandbox.injectFault({ match: { path: /myself/ }, fault: { kind: 'status', status: 500 } })
    const outside = await fetch(sandbox.url.replace('/jira', '') + '/rest/api/2/myself')
    expect(outside.status).toBe(404)
  })

  it('refuses malformed rules', () => {
    const status = { kind: 'status', status: 500 } as const
    expect(() => sandbox.injectFault({ times: 0, fault: status })).toThrow(/times/)
    expect(() => sandbox.injectFault({ times: 1.5, fault: status })).toThrow(/times/)
    expect(() => sandbox.injectFault({ fault: { kind: 'status', status: 99 } })).toThrow(/status/)
    expect(() => sandbox.injectFault({ fault: { kind: 'delay', ms: -1 } })).toThrow(/delay/)
    expect(() => sandbox.injectFault({ fault: { kind: 'rate-limit', retryAfter: '1', status: 500 as 429 } })).toThrow(/429 or 503/)
    expect(() => sandbox.injectFault({ fault: { kind: 'explode' } as never })).toThrow(/unknown fault kind/)
  })
})
