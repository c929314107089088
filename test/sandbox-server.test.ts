// The sandbox JIRA over real HTTP: the OAuth dance, every refusal, the approval pages and the REST
// resources. Requests are signed with the test-only signer in helpers/sandbox-signer.ts.
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox/index.ts'
import { oauthHeader, parseForm, protocolParams, rfc3986, testBaseString } from './helpers/sandbox-signer.ts'

interface Client {
  key: string
  privateKey: KeyObject
  publicKeyPem: string
}

function makeClient(key: string): Client {
  // 1024 bits: quick to generate, and the sandbox does not care about the size
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
  return { key, privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string }
}

const gateway = makeClient('OAuthKey')
const otherApp = makeClient('other-app')
const impostor = { ...makeClient('OAuthKey') } // right key name, wrong private key

const BASE_CLOCK = Date.UTC(2024, 0, 15, 12, 0, 0)
let clock = BASE_CLOCK
const nowSec = () => Math.floor(clock / 1000)

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({
    contextPath: '/jira',
    consumers: [
      // a name with markup, to see the approval page escape it
      { key: gateway.key, name: 'Gateway <Test> & Co', publicKeyPem: gateway.publicKeyPem },
      { key: otherApp.key, name: 'Other app', publicKeyPem: otherApp.publicKeyPem },
    ],
    now: () => clock,
  })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  clock = BASE_CLOCK
})

// ---------------------------------------------------------------- helpers

interface SignedOptions {
  client?: Client
  token?: string
  oauth?: Record<string, string>
  /** form-encoded body, signed */
  form?: string
  /** JSON body, not signed */
  json?: unknown
  timestamp?: number
  nonce?: string
  signatureMethod?: string
  version?: string
}

async function signed(method: string, path: string, options: SignedOptions = {}): Promise<Response> {
  const url = `${sandbox.url}${path}`
  const client = options.client ?? gateway
  const authorization = oauthHeader({
    method,
    url,
    consumerKey: client.key,
    privateKey: client.privateKey,
    token: options.token,
    oauth: options.oauth,
    formBody: options.form,
    timestamp: options.timestamp ?? nowSec(),
    nonce: options.nonce,
    signatureMethod: options.signatureMethod,
    version: options.version,
  })
  const headers: Record<string, string> = { authorization }
  let body: string | undefined
  if (options.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = options.form
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.json)
  }
  return fetch(url, { method, headers, body })
}

async function requestToken(client: Client = gateway, callback = 'oob'): Promise<{ token: string; secret: string }> {
  const res = await signed('POST', '/plugins/servlet/oauth/request-token', { client, oauth: { oauth_callback: callback } })
  expect(res.status).toBe(200)
  const form = parseForm(await res.text())
  return { token: form['oauth_token']!, secret: form['oauth_token_secret']! }
}

function exchange(token: string, verifier: string | undefined, client: Client = gateway): Promise<Response> {
  return signed('POST', '/plugins/servlet/oauth/access-token', {
    client,
    token,
    oauth: verifier === undefined ? {} : { oauth_verifier: verifier },
  })
}

interface Access {
  token: string
  secret: string
  sessionHandle: string
}

async function dance(user = 'alana', client: Client = gateway): Promise<Access> {
  const { token } = await requestToken(client)
  const { verifier } = sandbox.approve(token, user)
  const res = await exchange(token, verifier, client)
  expect(res.status).toBe(200)
  const form = parseForm(await res.text())
  return { token: form['oauth_token']!, secret: form['oauth_token_secret']!, sessionHandle: form['oauth_session_handle']! }
}

function rest(path: string, access: Access, options: SignedOptions & { method?: string } = {}): Promise<Response> {
  return signed(options.method ?? 'GET', `/rest/api/2/${path}`, { ...options, token: access.token })
}

async function json(res: Response): Promise<any> {
  expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8')
  return res.json()
}

interface Problem {
  status: number
  problem: string
  report: Record<string, string>
  wwwAuthenticate: string | null
}

async function problemOf(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
  const report = parseForm(await res.text())
  return { status: res.status, problem: report['oauth_problem']!, report, wwwAuthenticate: res.headers.get('www-authenticate') }
}

/** node:http, for what fetch will not do (a Host header of our choosing) */
function rawRequest(
  path: string,
  options: { method?: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(sandbox.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

// ---------------------------------------------------------------- the dance

describe('request-token', () => {
  it('issues 32-character token and secret as text/plain, callback confirmed', async () => {
    const res = await signed('POST', '/plugins/servlet/oauth/request-token', { oauth: { oauth_callback: 'oob' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
    expect(await res.text()).toMatch(/^oauth_token=[A-Za-z0-9]{32}&oauth_token_secret=[A-Za-z0-9]{32}&oauth_callback_confirmed=true$/)
  })

  it('takes the callback (and any parameter) from a signed form body too', async () => {
    const res = await signed('POST', '/plugins/servlet/oauth/request-token', {
      form: `oauth_callback=${rfc3986('https://app.example/cb?x=1')}&note=a+b%2Bc`,
    })
    expect(res.status).toBe(200)
  })

  it('must be POST', async () => {
    const res = await signed('GET', '/plugins/servlet/oauth/request-token', { oauth: { oauth_callback: 'oob' } })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
  })

  it('needs oauth_callback, and only oob or an absolute http(s) URL', async () => {
    const absent = await problemOf(await signed('POST', '/plugins/servlet/oauth/request-token'))
    expect(absent).toMatchObject({ status: 400, problem: 'parameter_absent', report: { oauth_parameters_absent: 'oauth_callback' } })

    for (const callback of ['ftp://app.example/cb', '/relative/cb', 'OOB']) {
      const rejected = await problemOf(
        await signed('POST', '/plugins/servlet/oauth/request-token', { oauth: { oauth_callback: callback } }),
      )
      expect(rejected).toMatchObject({ status: 400, problem: 'parameter_rejected', report: { oauth_parameters_rejected: 'oauth_callback' } })
    }
  })
})

describe('the whole dance', () => {
  it('request token → approve → access token → REST as the approving user', async () => {
    sandbox.resetCalls()
    const { token } = await requestToken()
    const { verifier, redirectUrl } = sandbox.approve(token, 'alana')
    expect(verifier).toMatch(/^[A-Za-z0-9]{6}$/)
    expect(redirectUrl).toBeUndefined()

    const res = await exchange(token, verifier)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toMatch(
      /^oauth_token=[A-Za-z0-9]{32}&oauth_token_secret=[A-Za-z0-9]{32}&oauth_expires_in=157680000&oauth_session_handle=[A-Za-z0-9]{32}&oauth_authorization_expires_in=160272000$/,
    )
    const access: Access = {
      token: parseForm(text)['oauth_token']!,
      secret: parseForm(text)['oauth_token_secret']!,
      sessionHandle: parseForm(text)['oauth_session_handle']!,
    }

    const myself = await rest('myself', access)
    expect(myself.status).toBe(200)
    expect(await json(myself)).toEqual({
      self: `${sandbox.url}/rest/api/2/user?username=alana`,
      key: 'alana',
      name: 'alana',
      emailAddress: 'alana@example.com',
      displayName: 'Alana Example',
      active: true,
      timeZone: 'Australia/Sydney',
      avatarUrls: {
        '48x48': 'https://secure.gravatar.com/avatar/b259e2a7fd37a83b02015192ee247e96?d=mm&s=48',
        '24x24': 'https://secure.gravatar.com/avatar/b259e2a7fd37a83b02015192ee247e96?d=mm&s=24',
        '16x16': 'https://secure.gravatar.com/avatar/b259e2a7fd37a83b02015192ee247e96?d=mm&s=16',
        '32x32': 'https://secure.gravatar.com/avatar/b259e2a7fd37a83b02015192ee247e96?d=mm&s=32',
      },
      locale: 'en_AU',
      groups: { size: 0, items: [] },
      applicationRoles: { size: 0, items: [] },
      expand: 'groups,applicationRoles',
    })

    const issue = await json(await rest('issue/JJ-2', access))
    expect(issue.key).toBe('JJ-2')
    expect(issue.fields.summary).toBe('JIRA Junior logo is not pink enough')

    const search = await json(await rest('search?jql=' + encodeURIComponent('key in (JJ-1, JJ-2) ORDER BY key'), access))
    expect(search.issues.map((i: { key: string }) => i.key)).toEqual(['JJ-1', 'JJ-2'])

    // every request is recorded, relative to the context path, with the REST user
    expect(sandbox.calls.map((c) => [c.method, c.path, c.status, c.user])).toEqual([
      ['POST', '/plugins/servlet/oauth/request-token', 200, undefined],
      ['POST', '/plugins/servlet/oauth/access-token', 200, undefined],
      ['GET', '/rest/api/2/myself', 200, 'alana'],
      ['GET', '/rest/api/2/issue/JJ-2', 200, 'alana'],
      ['GET', '/rest/api/2/search', 200, 'alana'],
    ])
    expect(sandbox.calls[4]!.query).toEqual({ jql: 'key in (JJ-1, JJ-2) ORDER BY key' })
    // 12+32 + 20+32 + 30: oauth_token=…&oauth_token_secret=…&oauth_callback_confirmed=true
    expect(sandbox.calls[0]!.bytes).toBe(126)
  })

  it('the request token is gone once exchanged', async () => {
    const { token } = await requestToken()
    const { verifier } = sandbox.approve(token, 'alana')
    expect((await exchange(token, verifier)).status).toBe(200)
    expect(await problemOf(await exchange(token, verifier))).toMatchObject({ status: 401, problem: 'token_rejected' })
    expect(() => sandbox.approve(token, 'alana')).toThrow(/unknown request token/)
  })
})

// ---------------------------------------------------------------- refusals

describe('refusals on every signed request', () => {
  it('bad signature: 401 signature_invalid with the header and the base string the sandbox computed', async () => {
    const access = await dance()
    const res = await rest('myself?x=a+b', access, { client: impostor, nonce: 'fixed-nonce-1' })
    const problem = await problemOf(res)
    expect(problem.status).toBe(401)
    expect(problem.problem).toBe('signature_invalid')
    expect(problem.wwwAuthenticate).toBe(`OAuth realm="${sandbox.url}", oauth_problem="signature_invalid"`)
    // The reported base string is what the (independent) test signer signed.
    const expected = testBaseString(
      'GET',
      `${sandbox.url}/rest/api/2/myself?x=a+b`,
      protocolParams({ method: 'GET', url: '', consumerKey: gateway.key, privateKey: impostor.privateKey, token: access.token, timestamp: nowSec(), nonce: 'fixed-nonce-1' }),
    )
    expect(problem.report['oauth_signature_base_string']).toBe(expected)
    expect(expected.startsWith(`GET&${rfc3986(`${sandbox.url}/rest/api/2/myself`)}&oauth_consumer_key%3DOAuthKey%26oauth_nonce%3Dfixed-nonce-1`)).toBe(true)
    expect(expected.endsWith('%26x%3Da%2520b')).toBe(true)
  })

  it('a signature over another URL fails: the path and query are signed', async () => {
    const access = await dance()
    const authorization = oauthHeader({
      method: 'GET',
      url: `${sandbox.url}/rest/api/2/issue/JJ-1`,
      consumerKey: gateway.key,
      privateKey: gateway.privateKey,
      token: access.token,
      timestamp: nowSec(),
    })
    const res = await fetch(`${sandbox.url}/rest/api/2/issue/JJ-2`, { headers: { authorization } })
    expect((await problemOf(res)).problem).toBe('signature_invalid')
  })

  it('verifies against http:// + the Host header (lowercased) + the raw path', async () => {
    const access = await dance()
    const { port } = new URL(sandbox.url)
    const path = '/jira/rest/api/2/issue/JJ-2?fields=summary'
    const authorization = oauthHeader({
      method: 'GET',
      url: `http://localhost:${port}${path}`,
      consumerKey: gateway.key,
      privateKey: gateway.privateKey,
      token: access.token,
      timestamp: nowSec(),
    })
    const res = await rawRequest(path, { headers: { host: `LocalHost:${port}`, authorization } })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body).fields).toEqual({ summary: 'JIRA Junior logo is not pink enough' })
  })

  it('timestamp more than 300 s off: 400 timestamp_refused with the acceptable range', async () => {
    const access = await dance()
    const late = await problemOf(await rest('myself', access, { timestamp: nowSec() - 301 }))
    expect(late).toMatchObject({
      status: 400,
      problem: 'timestamp_refused',
      report: { oauth_acceptable_timestamps: `${nowSec() - 300}-${nowSec() + 300}` },
    })
    expect((await problemOf(await rest('myself', access, { timestamp: nowSec() + 301 }))).problem).toBe('timestamp_refused')
    // the edges are accepted
    expect((await rest('myself', access, { timestamp: nowSec() - 300 })).status).toBe(200)
    expect((await rest('myself', access, { timestamp: nowSec() + 300 })).status).toBe(200)
  })

  it('nonce replay: the same consumer + nonce is refused for a minute, same timestamp + nonce while that is valid', async () => {
    const access = await dance()
    const ts = nowSec()
    expect((await rest('myself', access, { nonce: 'replayed', timestamp: ts })).status).toBe(200)
    expect(await problemOf(await rest('myself', access, { nonce: 'replayed', timestamp: ts }))).toMatchObject({ status: 401, problem: 'nonce_used' })
    // within the minute even a new timestamp does not help
    clock += 30_000
    expect((await problemOf(await rest('myself', access, { nonce: 'replayed' }))).problem).toBe('nonce_used')
    // after the minute: the same timestamp is still refused (still valid), a fresh one passes
    clock = BASE_CLOCK + 61_000
    expect((await problemOf(await rest('myself', access, { nonce: 'replayed', timestamp: ts }))).problem).toBe('nonce_used')
    expect((await rest('myself', access, { nonce: 'replayed' })).status).toBe(200)
  })

  it('oauth_version other than 1.0, a method other than RSA-SHA1, missing parameters, unknown consumer, repeats', async () => {
    const access = await dance()
    expect(await problemOf(await rest('myself', access, { version: '1.1' }))).toMatchObject({ status: 400, problem: 'version_rejected' })
    expect((await rest('myself', access, { version: '1.0' })).status).toBe(200)
    expect(await problemOf(await rest('myself', access, { signatureMethod: 'HMAC-SHA1' }))).toMatchObject({
      status: 400,
      problem: 'signature_method_rejected',
    })
    const unknown = makeClient('nobody')
    expect(await problemOf(await rest('myself', access, { client: unknown }))).toMatchObject({ status: 401, problem: 'consumer_key_unknown' })

    // a parameter given twice (header and query) is rejected before anything else
    const res = await signed('GET', '/rest/api/2/myself?oauth_nonce=again', { token: access.token, version: '2.0' })
    expect(await problemOf(res)).toMatchObject({ status: 400, problem: 'parameter_rejected', report: { oauth_parameters_rejected: 'oauth_nonce' } })

    // no token on a REST call
    expect(await problemOf(await signed('GET', '/rest/api/2/myself'))).toMatchObject({
      status: 400,
      problem: 'parameter_absent',
      report: { oauth_parameters_absent: 'oauth_token' },
    })
    // a hand-made header without nonce and timestamp
    const bare = await fetch(`${sandbox.url}/rest/api/2/myself`, {
      headers: { authorization: `OAuth oauth_consumer_key="OAuthKey", oauth_token="${access.token}", oauth_signature_method="RSA-SHA1", oauth_signature="abc"` },
    })
    expect(await problemOf(bare)).toMatchObject({ status: 400, problem: 'parameter_absent', report: { oauth_parameters_absent: 'oauth_timestamp&oauth_nonce' } })
  })

  it('checks in order: version before consumer, consumer before timestamp, timestamp before signature', async () => {
    const unknown = makeClient('nobody')
    expect((await problemOf(await signed('GET', '/rest/api/2/myself', { client: unknown, token: 'x', version: '2' }))).problem).toBe('version_rejected')
    expect((await problemOf(await signed('GET', '/rest/api/2/myself', { client: unknown, token: 'x', timestamp: 1 }))).problem).toBe('consumer_key_unknown')
    expect((await problemOf(await signed('GET', '/rest/api/2/myself', { client: impostor, token: 'x', timestamp: 1 }))).problem).toBe('timestamp_refused')
    // signature before the token
    expect((await problemOf(await signed('GET', '/rest/api/2/myself', { client: impostor, token: 'x' }))).problem).toBe('signature_invalid')
  })

  it('no Authorization header on REST: JIRA JSON 401', async () => {
    const res = await fetch(`${sandbox.url}/rest/api/2/issue/JJ-2`)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBeNull()
    expect(await json(res)).toEqual({
      errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
      errors: {},
    })
  })
})

describe('access-token refusals (before the signature)', () => {
  it('unknown token, not approved yet, denied, missing verifier', async () => {
    expect(await problemOf(await exchange('x'.repeat(32), 'abcdef'))).toMatchObject({ status: 401, problem: 'token_rejected' })

    const pending = await requestToken()
    expect(await problemOf(await exchange(pending.token, 'abcdef'))).toMatchObject({ status: 401, problem: 'permission_unknown' })

    const denied = await requestToken()
    sandbox.deny(denied.token)
    expect(await problemOf(await exchange(denied.token, 'denied'))).toMatchObject({ status: 401, problem: 'permission_denied' })

    const approved = await requestToken()
    const { verifier } = sandbox.approve(approved.token, 'alana')
    expect(await problemOf(await exchange(approved.token, undefined))).toMatchObject({
      status: 400,
      problem: 'parameter_absent',
      report: { oauth_parameters_absent: 'oauth_verifier' },
    })
    // these come before the signature: a bad signature still gets the token problem
    expect((await problemOf(await exchange(pending.token, 'abcdef', impostor))).problem).toBe('permission_unknown')
    // and the token is still exchangeable
    expect((await exchange(approved.token, verifier)).status).toBe(200)
  })

  it('a wrong verifier is token_rejected but leaves the request token usable', async () => {
    const { token } = await requestToken()
    const { verifier } = sandbox.approve(token, 'william')
    const wrong = verifier === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'
    expect(await problemOf(await exchange(token, wrong))).toMatchObject({ status: 401, problem: 'token_rejected' })
    expect(await problemOf(await exchange(token, wrong))).toMatchObject({ status: 401, problem: 'token_rejected' })
    const res = await exchange(token, verifier)
    expect(res.status).toBe(200)
    const access = parseForm(await res.text())
    expect((await json(await rest('myself', { token: access['oauth_token']!, secret: '', sessionHandle: '' }))).name).toBe('william')
  })

  it('the verifier may come in a signed form body', async () => {
    const { token } = await requestToken()
    const { verifier } = sandbox.approve(token, 'alana')
    const res = await signed('POST', '/plugins/servlet/oauth/access-token', { token, form: `oauth_verifier=${verifier}` })
    expect(res.status).toBe(200)
  })

  it('a request token expires after 10 minutes', async () => {
    const { token } = await requestToken()
    const { verifier } = sandbox.approve(token, 'alana')
    clock += 10 * 60 * 1000
    expect(await problemOf(await exchange(token, verifier))).toMatchObject({ status: 401, problem: 'token_expired' })

    const unapproved = await requestToken()
    clock += 10 * 60 * 1000 + 1
    expect(() => sandbox.approve(unapproved.token, 'alana')).toThrow(/expired/)
    const page = await fetch(`${sandbox.url}/plugins/servlet/oauth/authorize?oauth_token=${unapproved.token}`)
    expect(page.status).toBe(401)
    expect(await page.text()).toContain('The request token has expired.')
  })

  it("another consumer's request token is token_rejected", async () => {
    const { token } = await requestToken(gateway)
    const { verifier } = sandbox.approve(token, 'alana')
    expect((await problemOf(await exchange(token, verifier, otherApp))).problem).toBe('token_rejected')
  })
})

describe('access tokens on REST', () => {
  it('unknown, a request token, or another consumer’s token: token_rejected', async () => {
    const access = await dance()
    expect(await problemOf(await rest('myself', { ...access, token: 'nope' }))).toMatchObject({ status: 401, problem: 'token_rejected' })
    const { token } = await requestToken()
    expect((await problemOf(await rest('myself', { ...access, token })))).toMatchObject({ status: 401, problem: 'token_rejected' })
    expect((await problemOf(await rest('myself', access, { client: otherApp }))).problem).toBe('token_rejected')
  })

  it('revoked by an admin: token_rejected from then on, not renewable', async () => {
    const access = await dance()
    expect((await rest('myself', access)).status).toBe(200)
    sandbox.revokeAccessToken(access.token)
    const problem = await problemOf(await rest('myself', access))
    expect(problem).toMatchObject({ status: 401, problem: 'token_rejected' })
    expect(problem.wwwAuthenticate).toBe(`OAuth realm="${sandbox.url}", oauth_problem="token_rejected"`)
    const renewal = await signed('POST', '/plugins/servlet/oauth/access-token', {
      token: access.token,
      oauth: { oauth_session_handle: access.sessionHandle },
    })
    expect((await problemOf(renewal)).problem).toBe('token_rejected')
    expect(() => sandbox.revokeAccessToken('nope')).toThrow(/unknown access token/)
  })

  it('expired: token_expired, then renewed through the session handle (the old token dies)', async () => {
    const access = await dance('admin')
    sandbox.expireAccessToken(access.token)
    expect(await problemOf(await rest('myself', access))).toMatchObject({ status: 401, problem: 'token_expired' })

    // wrong handle, then missing handle
    const wrongHandle = await signed('POST', '/plugins/servlet/oauth/access-token', { token: access.token, oauth: { oauth_session_handle: 'nope' } })
    expect((await problemOf(wrongHandle)).problem).toBe('token_rejected')
    const noHandle = await signed('POST', '/plugins/servlet/oauth/access-token', { token: access.token })
    expect(await problemOf(noHandle)).toMatchObject({ status: 400, problem: 'parameter_absent', report: { oauth_parameters_absent: 'oauth_session_handle' } })

    const renewal = await signed('POST', '/plugins/servlet/oauth/access-token', {
      token: access.token,
      oauth: { oauth_session_handle: access.sessionHandle },
    })
    expect(renewal.status).toBe(200)
    const text = await renewal.text()
    expect(text).toMatch(
      /^oauth_token=[A-Za-z0-9]{32}&oauth_token_secret=[A-Za-z0-9]{32}&oauth_expires_in=157680000&oauth_session_handle=[A-Za-z0-9]{32}&oauth_authorization_expires_in=160272000$/,
    )
    const renewed = parseForm(text)
    expect(renewed['oauth_token']).not.toBe(access.token)
    expect(renewed['oauth_session_handle']).toBe(access.sessionHandle)
    expect((await json(await rest('myself', { ...access, token: renewed['oauth_token']! }))).name).toBe('admin')
    expect((await problemOf(await rest('myself', access))).problem).toBe('token_rejected')
  })
})

describe('token lifetimes from the options', () => {
  let short: Sandbox
  let shortClock = BASE_CLOCK
  beforeAll(async () => {
    short = await startSandbox({
      consumers: [{ key: gateway.key, name: 'Gateway', publicKeyPem: gateway.publicKeyPem }],
      now: () => shortClock,
      accessTokenTtlSec: 60,
      requestTokenTtlMs: 1000,
    })
  })
  afterAll(() => short.close())

  async function post(path: string, oauth: Record<string, string>, token?: string): Promise<Response> {
    const url = `${short.url}${path}`
    const authorization = oauthHeader({ method: 'POST', url, consumerKey: gateway.key, privateKey: gateway.privateKey, token, oauth, timestamp: Math.floor(shortClock / 1000) })
    return fetch(url, { method: 'POST', headers: { authorization } })
  }

  it('access tokens expire with the clock and renew within the session', async () => {
    expect(short.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const requested = parseForm(await (await post('/plugins/servlet/oauth/request-token', { oauth_callback: 'oob' })).text())
    const { verifier } = short.approve(requested['oauth_token']!, 'william')
    const res = await post('/plugins/servlet/oauth/access-token', { oauth_verifier: verifier }, requested['oauth_token'])
    const access = parseForm(await res.text())
    expect(access['oauth_expires_in']).toBe('60')
    expect(access['oauth_authorization_expires_in']).toBe(String(60 + 30 * 24 * 3600))

    const myself = () => {
      const url = `${short.url}/rest/api/2/myself`
      const authorization = oauthHeader({ method: 'GET', url, consumerKey: gateway.key, privateKey: gateway.privateKey, token: access['oauth_token'], timestamp: Math.floor(shortClock / 1000) })
      return fetch(url, { headers: { authorization } })
    }
    expect((await myself()).status).toBe(200)
    shortClock += 60_000
    expect((await problemOf(await myself())).problem).toBe('token_expired')
    const renewal = await post('/plugins/servlet/oauth/access-token', { oauth_session_handle: access['oauth_session_handle']! }, access['oauth_token'])
    expect(renewal.status).toBe(200)
  })
})

// ---------------------------------------------------------------- the approval pages

describe('authorize pages', () => {
  const authorizeUrl = (token: string) => `${sandbox.url}/plugins/servlet/oauth/authorize?oauth_token=${token}`
  const post = (token: string, form: Record<string, string>) =>
    fetch(authorizeUrl(token), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    })

  it('GET shows the consumer (escaped), a user picker and Allow / Deny', async () => {
    const { token } = await requestToken()
    const res = await fetch(authorizeUrl(token))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html;charset=UTF-8')
    const html = await res.text()
    expect(html).toContain('Welcome to JIRA')
    expect(html).toContain('<strong>Gateway &lt;Test&gt; &amp; Co</strong> would like to read and write data in JIRA as you.')
    expect(html).not.toContain('<Test>')
    expect(html).toContain(`<form method="post" action="/jira/plugins/servlet/oauth/authorize?oauth_token=${token}">`)
    expect(html).toContain(`<input type="hidden" name="oauth_token" value="${token}">`)
    expect(html).toContain('<label for="user">Log in as</label>')
    expect(html).toContain('<select id="user" name="user">')
    expect([...html.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['admin', 'Administrator (admin)'],
      ['alana', 'Alana Example (alana)'],
      ['william', 'William Example (william)'],
    ])
    expect(html).toContain('<button type="submit" name="decision" value="allow">Allow</button>')
    expect(html).toContain('<button type="submit" name="decision" value="deny">Deny</button>')
  })

  it('unknown or missing token: an HTML error page', async () => {
    const unknown = await fetch(authorizeUrl('nope'))
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('content-type')).toBe('text/html;charset=UTF-8')
    expect(await unknown.text()).toContain('The request token is invalid')
    const missing = await fetch(`${sandbox.url}/plugins/servlet/oauth/authorize`)
    expect(missing.status).toBe(400)
  })

  it('Allow with oob shows the verification code, which then works', async () => {
    const { token } = await requestToken()
    const res = await post(token, { oauth_token: token, user: 'william', decision: 'allow' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Access Approved')
    const verifier = /Your verification code is '<code id="verifier">([A-Za-z0-9]{6})<\/code>'/.exec(html)?.[1]
    expect(verifier).toMatch(/^[A-Za-z0-9]{6}$/)
    const access = parseForm(await (await exchange(token, verifier!)).text())
    expect((await json(await rest('myself', { token: access['oauth_token']!, secret: '', sessionHandle: '' }))).name).toBe('william')
    // the page cannot be used twice
    expect((await fetch(authorizeUrl(token))).status).toBe(401)
  })

  it('Allow with a callback redirects there with token and verifier (query kept)', async () => {
    const { token } = await requestToken(gateway, 'https://app.example/cb?state=a%20b')
    const res = await post(token, { user: 'alana', decision: 'allow' })
    expect(res.status).toBe(302)
    const location = res.headers.get('location')!
    const match = new RegExp(`^https://app\\.example/cb\\?state=a%20b&oauth_token=${token}&oauth_verifier=([A-Za-z0-9]{6})$`).exec(location)
    expect(match).not.toBeNull()
    expect((await exchange(token, match![1]!)).status).toBe(200)
  })

  it('Deny: an Access Denied page for oob, a redirect with oauth_verifier=denied for a callback', async () => {
    const oob = await requestToken()
    const page = await post(oob.token, { oauth_token: oob.token, user: 'alana', decision: 'deny' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Access Denied')
    expect((await problemOf(await exchange(oob.token, 'denied'))).problem).toBe('permission_denied')

    const cb = await requestToken(gateway, 'http://127.0.0.1:4000/oauth/callback')
    const redirect = await post(cb.token, { decision: 'deny' })
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toBe(`http://127.0.0.1:4000/oauth/callback?oauth_token=${cb.token}&oauth_verifier=denied`)
  })

  it('approve() and deny() give the redirect URL for callback tokens', async () => {
    const { token } = await requestToken(gateway, 'http://localhost:4000/cb')
    const { verifier, redirectUrl } = sandbox.approve(token, 'admin')
    expect(redirectUrl).toBe(`http://localhost:4000/cb?oauth_token=${token}&oauth_verifier=${verifier}`)
    const other = await requestToken(gateway, 'http://localhost:4000/cb')
    expect(sandbox.deny(other.token)).toEqual({ redirectUrl: `http://localhost:4000/cb?oauth_token=${other.token}&oauth_verifier=denied` })
    expect(() => sandbox.approve(other.token, 'admin')).toThrow(/already denied/)
    const third = await requestToken()
    expect(() => sandbox.approve(third.token, 'nobody')).toThrow(/unknown sandbox user/)
  })
})

// ---------------------------------------------------------------- REST resources

describe('GET issue', () => {
  let alana: Access
  let admin: Access
  beforeAll(async () => {
    alana = await dance('alana')
    admin = await dance('admin')
  })

  it('fields: a list, *all, *navigable, exclusions; unknown names ignored; id/key/self top-level', async () => {
    const some = await json(await rest('issue/JJ-2?fields=summary,status,nosuchfield,key', alana))
    expect(Object.keys(some)).toEqual(['expand', 'id', 'self', 'key', 'fields'])
    expect(some.id).toBe('10300')
    expect(some.self).toBe(`${sandbox.url}/rest/api/2/issue/10300`)
    expect(Object.keys(some.fields)).toEqual(['status', 'summary'])
    expect(some.fields.status.statusCategory).toEqual({
      self: `${sandbox.url}/rest/api/2/statuscategory/2`,
      id: 2,
      key: 'new',
      colorName: 'blue-gray',
      name: 'To Do',
    })

    const all = await json(await rest('issue/JJ-2', alana))
    expect(Object.keys(all.fields)).toHaveLength(61)
    const noComment = await json(await rest('issue/JJ-2?fields=*all,-comment', alana))
    expect(Object.keys(noComment.fields)).toHaveLength(60)
    expect(noComment.fields.comment).toBeUndefined()
    expect((await json(await rest('issue/JJ-2?fields=-comment,-description', alana))).fields).not.toHaveProperty('description')

    const navigable = await json(await rest('issue/JJ-2?fields=*navigable', alana))
    for (const hidden of ['comment', 'attachment', 'timetracking']) expect(navigable.fields).not.toHaveProperty(hidden)
    expect(Object.keys(navigable.fields)).toHaveLength(58)
  })

  it('expand=renderedFields,names,schema,changelog', async () => {
    const issue = await json(await rest('issue/JJ-4?fields=description,comment,summary,customfield_10006&expand=renderedFields,names,schema,changelog', alana))
    expect(issue.renderedFields).toEqual({
      summary: null,
      description:
        '<p>Steps:<br/>\n1. Search for A&amp;B<br/>\n2. See &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n<p>Expected: the issue is found.</p>',
      customfield_10006: null,
      comment: { comments: [], maxResults: 0, total: 0, startAt: 0 },
    })
    expect(issue.names).toEqual({ summary: 'Summary', description: 'Description', customfield_10006: 'Story Points', comment: 'Comment' })
    expect(issue.schema.customfield_10006).toEqual({ type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10006 })
    expect(issue.changelog).toEqual({ startAt: 0, maxResults: 0, total: 0, histories: [] })
    expect(issue.fields.summary).toBe('Search for "A&B" + 100% of #tags can\'t find <b>bold</b>')
  })

  it('id, lower-case key, and a moved issue’s old key all resolve; missing → 404', async () => {
    expect((await json(await rest('issue/10300?fields=summary', alana))).key).toBe('JJ-2')
    expect((await json(await rest('issue/jj-2?fields=summary', alana))).key).toBe('JJ-2')
    const moved = await json(await rest('issue/OLD-7?expand=changelog&fields=summary', alana))
    expect(moved).toMatchObject({ key: 'JJ-7', id: '10150', fields: { summary: 'Moved issue keeps its history' } })
    expect(moved.changelog.histories[0].items[0]).toEqual({ field: 'Key', fieldtype: 'jira', from: null, fromString: 'OLD-7', to: null, toString: 'JJ-7' })

    for (const missing of ['JJ-6', 'NOPE-1', '99999']) {
      const res = await rest(`issue/${missing}`, alana)
      expect(res.status).toBe(404)
      expect(await json(res)).toEqual({ errorMessages: ['Issue Does Not Exist'], errors: {} })
    }
  })

  it('SEC-1 exists for admin only; for anyone else it does not exist', async () => {
    const hidden = await rest('issue/SEC-1', alana)
    expect(hidden.status).toBe(404)
    expect(await json(hidden)).toEqual({ errorMessages: ['Issue Does Not Exist'], errors: {} })
    const seen = await json(await rest('issue/SEC-1?fields=summary,project', admin))
    expect(seen.fields.summary).toBe('Session cookie is not HttpOnly')
    expect(seen.fields.project.key).toBe('SEC')
  })

  it('unicode survives', async () => {
    const issue = await json(await rest('issue/JJ-3?fields=summary,labels,status', alana))
    expect(issue.fields).toEqual({
      summary: 'Ünïcode ☃ summary',
      labels: ['i18n', 'ünïcode'],
      status: expect.objectContaining({ name: 'In Progress', statusCategory: expect.objectContaining({ key: 'indeterminate' }) }),
    })
  })

  it('/rest/api/latest is an alias; its self says latest', async () => {
    const res = await signed('GET', '/rest/api/latest/issue/JJ-1?fields=status', { token: alana.token })
    const issue = await json(res)
    expect(issue.self).toBe(`${sandbox.url}/rest/api/latest/issue/10299`)
    expect(issue.fields.status.name).toBe('Done')
    expect(issue.fields.status.statusCategory.key).toBe('done')
  })
})

describe('search', () => {
  let alana: Access
  let admin: Access
  beforeAll(async () => {
    alana = await dance('alana')
    admin = await dance('admin')
  })
  const keys = (answer: { issues: Array<{ key: string }> }) => answer.issues.map((i) => i.key)
  const get = (access: Access, params: Record<string, string>) => rest(`search?${new URLSearchParams(params)}`, access)

  it('answers only what the user may see, newest key first by default', async () => {
    const all = await json(await get(alana, {}))
    expect(all).toMatchObject({ expand: 'schema,names', startAt: 0, maxResults: 50, total: 6 })
    expect(keys(all)).toEqual(['JJ-7', 'JJ-5', 'JJ-4', 'JJ-3', 'JJ-2', 'JJ-1'])
    expect(keys(await json(await get(admin, { jql: 'ORDER BY key' })))).toEqual(['JJ-1', 'JJ-2', 'JJ-3', 'JJ-4', 'JJ-5', 'JJ-7', 'SEC-1'])
    expect((await json(await get(alana, { jql: 'key = SEC-1' }))).total).toBe(0)
  })

  it('key in (…): bare and quoted, moved keys resolve, unknown keys are simply absent', async () => {
    const answer = await json(await get(alana, { jql: 'key in (JJ-5, "JJ-1", OLD-7, NOPE-9, JJ-6) ORDER BY key DESC' }))
    expect(keys(answer)).toEqual(['JJ-7', 'JJ-5', 'JJ-1'])
    expect(answer.total).toBe(3)
  })

  it('project, status, assignee, summary ~, with AND', async () => {
    expect(keys(await json(await get(alana, { jql: 'project = JJ AND status = "In Progress"' })))).toEqual(['JJ-3'])
    expect(keys(await json(await get(admin, { jql: 'project in (JJ, Security) and status = "in progress" order by key' })))).toEqual(['JJ-3', 'SEC-1'])
    expect(keys(await json(await get(alana, { jql: 'assignee = alana ORDER BY key' })))).toEqual(['JJ-2', 'JJ-5', 'JJ-7'])
    expect(keys(await json(await get(alana, { jql: 'assignee = currentUser() AND status = Open ORDER BY created' })))).toEqual(['JJ-7', 'JJ-2', 'JJ-5'])
    expect(keys(await json(await get(alana, { jql: 'assignee is EMPTY' })))).toEqual(['JJ-4'])
    expect(keys(await json(await get(alana, { jql: 'summary ~ "LOGO" order by key' })))).toEqual(['JJ-2', 'JJ-5'])
    expect(keys(await json(await get(alana, { jql: 'summary ~ "ünï"' })))).toEqual(['JJ-3'])
    expect(keys(await json(await get(alana, { jql: 'summary ~ "\\"A&B\\" + 100% of #tags"' })))).toEqual(['JJ-4'])
  })

  it('ORDER BY priority / updated', async () => {
    expect(keys(await json(await get(admin, { jql: 'ORDER BY priority DESC, key ASC' })))).toEqual(['SEC-1', 'JJ-5', 'JJ-1', 'JJ-2', 'JJ-3', 'JJ-4', 'JJ-7'])
    expect(keys(await json(await get(alana, { jql: 'project = JJ ORDER BY updated DESC' })))).toEqual(['JJ-5', 'JJ-2', 'JJ-3', 'JJ-4', 'JJ-7', 'JJ-1'])
  })

  it('pages with startAt/maxResults and says how many there are', async () => {
    const page = await json(await get(alana, { jql: 'order by key', startAt: '1', maxResults: '2' }))
    expect(page).toMatchObject({ startAt: 1, maxResults: 2, total: 6 })
    expect(keys(page)).toEqual(['JJ-2', 'JJ-3'])
    const capped = await json(await get(alana, { maxResults: '1000' }))
    expect(capped.maxResults).toBe(50)
    const bad = await get(alana, { maxResults: 'ten' })
    expect(bad.status).toBe(400)
  })

  it('navigable fields by default; fields and expand as for an issue', async () => {
    const answer = await json(await get(alana, { jql: 'key = JJ-2' }))
    expect(answer.issues[0].fields).not.toHaveProperty('comment')
    expect(answer.issues[0].fields.summary).toBe('JIRA Junior logo is not pink enough')
    const narrow = await json(await get(alana, { jql: 'key = JJ-2', fields: 'summary,customfield_10006', expand: 'names,renderedFields' }))
    expect(narrow.issues[0].fields).toEqual({ summary: 'JIRA Junior logo is not pink enough', customfield_10006: '10' })
    expect(narrow.names).toEqual({ summary: 'Summary', customfield_10006: 'Story Points' })
    expect(narrow.issues[0].renderedFields).toEqual({ summary: null, customfield_10006: null })
  })

  it('POST takes the same as a JSON body', async () => {
    const answer = await json(
      await rest('search', alana, {
        method: 'POST',
        json: { jql: 'key in (JJ-1, JJ-3) ORDER BY key', fields: ['summary'], startAt: 0, maxResults: 10, expand: ['names'] },
      }),
    )
    expect(answer).toEqual({
      expand: 'schema,names',
      startAt: 0,
      maxResults: 10,
      total: 2,
      issues: [
        { expand: expect.any(String), id: '10299', self: `${sandbox.url}/rest/api/2/issue/10299`, key: 'JJ-1', fields: { summary: 'Set up the JIRA Junior project' } },
        { expand: expect.any(String), id: '10301', self: `${sandbox.url}/rest/api/2/issue/10301`, key: 'JJ-3', fields: { summary: 'Ünïcode ☃ summary' } },
      ],
      names: { summary: 'Summary' },
    })
  })

  it('bad JQL: 400 "Error in the JQL Query"', async () => {
    const syntax = await get(alana, { jql: 'project = ' })
    expect(syntax.status).toBe(400)
    expect(await json(syntax)).toEqual({
      errorMessages: [
        "Error in the JQL Query: Expecting either a value, list or function but got 'EOF'. You must surround 'EOF' in quotation marks to use it as a value. (line 1, character 11)",
      ],
      errors: {},
    })
    const field = await rest('search', alana, { method: 'POST', json: { jql: 'labels = x' } })
    expect(field.status).toBe(400)
    expect((await json(field)).errorMessages).toEqual([
      "Error in the JQL Query: Field 'labels' does not exist or you do not have permission to view it. (line 1, character 1)",
    ])
  })
})

describe('comments, myself, field, unknown paths', () => {
  let alana: Access
  beforeAll(async () => {
    alana = await dance('alana')
  })

  it('GET issue/{key}/comment', async () => {
    const page = await json(await rest('issue/JJ-2/comment', alana))
    expect(page).toMatchObject({ startAt: 0, maxResults: 1, total: 1 })
    expect(page.comments[0]).toMatchObject({
      id: '10100',
      self: `${sandbox.url}/rest/api/2/issue/10300/comment/10100`,
      body: 'Hi [~william] JIRA is *super fun* (see JJ-1). Alana is going to fix the logo.',
      author: { name: 'admin', displayName: 'Administrator' },
    })
  })

  it('POST a comment: 201 as the token’s user, then it is on the issue', async () => {
    clock = BASE_CLOCK + 5000
    const res = await rest('issue/JJ-5/comment', alana, { method: 'POST', json: { body: 'Pink & <b>bold</b> ☃' } })
    expect(res.status).toBe(201)
    const comment = await json(res)
    expect(comment).toMatchObject({ body: 'Pink & <b>bold</b> ☃', author: { name: 'alana' }, updateAuthor: { name: 'alana' }, created: '2024-01-15T12:00:05.000+0000' })
    expect(Number(comment.id)).toBeGreaterThan(10104)
    expect(res.headers.get('location')).toBe(`${sandbox.url}/rest/api/2/issue/10303/comment/${comment.id}`)
    const page = await json(await rest('issue/JJ-5/comment', alana))
    expect(page.total).toBe(3)
    expect(page.comments[2].id).toBe(comment.id)
    const issue = await json(await rest('issue/JJ-5?fields=comment,updated', alana))
    expect(issue.fields.comment.total).toBe(3)
    expect(issue.fields.updated).toBe('2024-01-15T12:00:05.000+0000')
  })

  it('an empty comment is 400 with errors.comment; a hidden issue is 404; JSON is required', async () => {
    const empty = await rest('issue/JJ-5/comment', alana, { method: 'POST', json: { body: '   ' } })
    expect(empty.status).toBe(400)
    expect(await json(empty)).toEqual({ errorMessages: [], errors: { comment: 'Comment body can not be empty!' } })
    expect((await rest('issue/SEC-1/comment', alana, { method: 'POST', json: { body: 'hi' } })).status).toBe(404)
    expect((await rest('issue/SEC-1/comment', alana)).status).toBe(404)
    expect((await rest('issue/JJ-5/comment', alana, { method: 'POST', form: 'body=hi' })).status).toBe(415)
  })

  it('GET field lists system and custom fields with their schema', async () => {
    const fields = await json(await rest('field', alana))
    const byId = new Map(fields.map((f: { id: string }) => [f.id, f]))
    expect(byId.get('customfield_10006')).toEqual({
      id: 'customfield_10006',
      name: 'Story Points',
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ['cf[10006]', 'Story Points'],
      schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10006 },
    })
    expect(byId.get('customfield_10007')).toMatchObject({ name: 'Sprint', schema: { type: 'array', items: 'string' } })
    expect(byId.get('customfield_10021')).toMatchObject({ name: 'Flagged' })
    expect(byId.get('summary')).toEqual({
      id: 'summary',
      name: 'Summary',
      custom: false,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ['summary'],
      schema: { type: 'string', system: 'summary' },
    })
    // every field an issue carries is listed
    const issue = await json(await rest('issue/JJ-2', alana))
    for (const id of Object.keys(issue.fields)) expect(byId.has(id), id).toBe(true)
  })

  it('unknown REST paths are JSON 404s; outside the context path is 404', async () => {
    sandbox.resetCalls()
    const unknown = await rest('nosuchthing', alana)
    expect(unknown.status).toBe(404)
    expect((await json(unknown)).errorMessages).toHaveLength(1)
    const outside = await fetch(sandbox.url.replace('/jira', '') + '/rest/api/2/myself')
    expect(outside.status).toBe(404)
    const wrongMethod = await rest('myself', alana, { method: 'DELETE' })
    expect(wrongMethod.status).toBe(405)
    expect(sandbox.calls.map((c) => [c.path, c.status])).toEqual([
      ['/rest/api/2/nosuchthing', 404],
      ['/rest/api/2/myself', 404], // the full path: it is outside /jira
      ['/rest/api/2/myself', 405],
    ])
  })
})

describe('options: maxResultsCap, latencyMs, contextPath default', () => {
  let capped: Sandbox
  beforeAll(async () => {
    capped = await startSandbox({
      consumers: [{ key: gateway.key, name: 'Gateway', publicKeyPem: gateway.publicKeyPem }],
      maxResultsCap: 2,
      latencyMs: 150,
    })
  })
  afterAll(() => capped.close())

  it('caps maxResults and delays REST answers', async () => {
    const reqUrl = `${capped.url}/plugins/servlet/oauth/request-token`
    const sign = (method: string, url: string, token?: string, oauth?: Record<string, string>) =>
      oauthHeader({ method, url, consumerKey: gateway.key, privateKey: gateway.privateKey, token, oauth, timestamp: Math.floor(Date.now() / 1000) })
    const requested = parseForm(await (await fetch(reqUrl, { method: 'POST', headers: { authorization: sign('POST', reqUrl, undefined, { oauth_callback: 'oob' }) } })).text())
    const { verifier } = capped.approve(requested['oauth_token']!, 'alana')
    const accUrl = `${capped.url}/plugins/servlet/oauth/access-token`
    const access = parseForm(
      await (await fetch(accUrl, { method: 'POST', headers: { authorization: sign('POST', accUrl, requested['oauth_token'], { oauth_verifier: verifier }) } })).text(),
    )
    const searchUrl = `${capped.url}/rest/api/2/search?maxResults=10`
    const started = performance.now()
    const answer = await (await fetch(searchUrl, { headers: { authorization: sign('GET', searchUrl, access['oauth_token']) } })).json()
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    expect(answer.maxResults).toBe(2)
    expect(answer.issues).toHaveLength(2)
    expect(answer.total).toBe(6)
    expect(capped.calls.at(-1)).toMatchObject({ path: '/rest/api/2/search', query: { maxResults: '10' }, status: 200, user: 'alana' })
  })
})
