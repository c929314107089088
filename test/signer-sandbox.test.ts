// The client signer against the sandbox's independent verifier, for URLs the vectors do not cover.
import { createPrivateKey, sign } from 'node:crypto'
import OAuth from 'oauth-1.0a'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../sandbox/index.ts'
import { OAuthDance } from '../src/auth/dance.ts'
import { OAuthSigner } from '../src/auth/signer.ts'
import { JiraClient } from '../src/jira/client.ts'
import { CONSUMER_KEY, makeKeyPair, startTestSandbox } from './helpers/harness.ts'

const keys = makeKeyPair()
const signer = new OAuthSigner({ consumerKey: CONSUMER_KEY, privateKey: createPrivateKey(keys.privateKeyPem) })
let sandbox: Sandbox
let accessToken: string

beforeAll(async () => {
  // A context path, as JIRA often has behind a proxy: every signed URL carries it.
  sandbox = await startTestSandbox(keys, { contextPath: '/jira' })
  const dance = new OAuthDance({ jiraBaseUrl: sandbox.url, signer, timeoutMs: 5000 })
  const request = await dance.requestToken('oob')
  const { verifier } = sandbox.approve(request.token, 'admin')
  accessToken = (await dance.accessToken(request.token, verifier)).token
})
afterAll(() => sandbox?.close())

async function signedGet(url: string): Promise<Response> {
  return fetch(url, { headers: { authorization: signer.authorizationHeader({ method: 'GET', url }, accessToken), accept: 'application/json' } })
}

describe('signed GETs the sandbox verifies', () => {
  it.each([
    ['spaces as %20 and as +', '?a=x%20y&b=x+y'],
    ['a literal plus (%2B) and an encoded ampersand and equals', '?a=1%2B1&b=a%26b%3Dc'],
    ['repeated names, sorted by value', '?z=2&z=10&z=1&a='],
    ['unicode', '?s=%E2%98%83%20%C3%BC&t=%F0%9F%98%80'],
    ['reserved and sub-delims', "?r=!*'()%3B%3A%40%24%2C%2F%3F%23%5B%5D"],
    ['a name without a value and an empty value', '?flag&empty='],
    ['raw characters fetch percent-encodes itself', '?q=a b"c<d>'],
    ['a fragment, which is never sent', '?a=1#section'],
  ])('%s', async (_name, query) => {
    const response = await signedGet(`${sandbox.url}/rest/api/2/myself${query}`)
    expect(response.status, await response.clone().text()).toBe(200)
    expect(((await response.json()) as { name: string }).name).toBe('admin')
  })

  it('host in upper case and an explicit default port', async () => {
    const url = new URL(`${sandbox.url}/rest/api/2/myself?x=1`)
    const shouted = `HTTP://LOCALHOST:${url.port}${url.pathname}${url.search}`.replace('LOCALHOST', url.hostname.toUpperCase())
    const response = await signedGet(shouted)
    expect(response.status).toBe(200)
  })

  it('a path with an encoded space and unicode reaches the resource (404, not signature_invalid)', async () => {
    const response = await signedGet(`${sandbox.url}/rest/api/2/issue/JJ%202%C3%BC`)
    expect(response.status).toBe(404)
    expect(response.headers.get('www-authenticate')).toBeNull()
  })

  it('the sandbox does refuse a signature made for another URL', async () => {
    const url = `${sandbox.url}/rest/api/2/myself?a=1`
    const header = signer.authorizationHeader({ method: 'GET', url: `${url}0` }, accessToken)
    const response = await fetch(url, { headers: { authorization: header } })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain('oauth_problem="signature_invalid"')
  })
})

describe('why the signer replaces parts of oauth-1.0a', () => {
  it.each([['+ in a query value', '?jql=a+b'], ['a raw = inside a value', '?jql=project=JJ'], ['upper-case host', null]])(
    'plain oauth-1.0a signs %s differently from RFC 5849, and the sandbox refuses it',
    async (_name, query) => {
      const plain = new OAuth({
        consumer: { key: CONSUMER_KEY, secret: '' },
        signature_method: 'RSA-SHA1',
        hash_function: (base) => sign('sha1', Buffer.from(base), createPrivateKey(keys.privateKeyPem)).toString('base64'),
      })
      const wire = `${sandbox.url}/rest/api/2/myself${query ?? ''}`
      const signedUrl = query ? wire : wire.replace('http://', 'HTTP://')
      const header = plain.toHeader(plain.authorize({ url: signedUrl, method: 'GET' }, { key: accessToken, secret: '' })).Authorization
      const response = await fetch(wire, { headers: { authorization: header } })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toContain('signature_invalid')
    },
  )
})

describe('JiraClient against the sandbox', () => {
  it('carries JQL with unicode, quotes, &, =, +, % and # to JIRA, signed, and JIRA reads it back intact', async () => {
    const client = new JiraClient({ baseUrl: sandbox.url, signer, accessToken, timeoutMs: 5000 })
    const jql = 'project = JJ AND summary ~ "☃ & = + % # \\"q\\"" ORDER BY key ASC'
    sandbox.resetCalls()
    const answer = await client.get<{ total: number }>('/rest/api/2/search', { jql, fields: 'summary' })
    expect(answer.total).toBeGreaterThanOrEqual(0)
    expect(sandbox.calls.at(-1)).toMatchObject({ status: 200, query: { jql, fields: 'summary' } })
  })
})
