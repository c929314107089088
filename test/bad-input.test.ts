// Every bad input of the first slice gets a clear GraphQL error with a code, and no stray JIRA call.
import { describe, expect, it } from 'vitest'
import { authorize, bearer, gql, makeKeyPair, restCalls, startTestGateway, tempDir, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway({ env: { PUBLIC_URL: 'https://gateway.example.com', CALLBACK_URL_ALLOWLIST: 'https://app.example.com/auth' } })

const start = async (callbackUrl = 'oob') => {
  const result = await gql(jira.gateway.url, 'mutation($c: String) { startAuthorization(callbackUrl: $c) { requestToken callbackUrl } }', { c: callbackUrl })
  expect(result.errors).toBeUndefined()
  return result.data!.startAuthorization as { requestToken: string; callbackUrl: string }
}
const complete = (requestToken: string, verifier: string) =>
  gql(jira.gateway.url, 'mutation($t: String!, $v: String!) { completeAuthorization(requestToken: $t, verifier: $v) { sessionToken viewer { name } } }', { t: requestToken, v: verifier })

function expectError(result: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }, code: string, message: RegExp) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1)
  expect(result.errors![0]!.extensions!.code).toBe(code)
  expect(result.errors![0]!.message).toMatch(message)
  expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+|stack/i)
}

describe('issue(key:)', () => {
  it.each(['JJ2', 'JJ-', '-2', 'JJ-2; DROP', 'JJ-0', '', ' ', 'JJ-2)', 'key in (JJ-1)', 'ü-1', 'A'.repeat(300) + '-1'])('refuses %j as BAD_USER_INPUT without calling JIRA', async (key) => {
    const token = await authorize(jira.gateway, jira.sandbox, 'alana')
    jira.sandbox.resetCalls()
    const result = await gql(jira.gateway.url, 'query($k: String!) { issue(key: $k) { key } }', { k: key }, bearer(token))
    expectError(result, 'BAD_USER_INPUT', /is not an issue key/)
    expect(restCalls(jira.sandbox)).toEqual([])
  })

  it('is null for a key that does not exist', async () => {
    const token = await authorize(jira.gateway, jira.sandbox, 'alana')
    expect(await gql(jira.gateway.url, '{ issue(key: "JJ-999") { key } }', {}, bearer(token))).toEqual({ data: { issue: null } })
  })
})

describe('without a usable session', () => {
  it('is UNAUTHENTICATED and says how to authorize, with no JIRA call', async () => {
    jira.sandbox.resetCalls()
    const none = await gql(jira.gateway.url, '{ issue(key: "JJ-2") { key } }')
    expectError(none, 'UNAUTHENTICATED', /carries no session.*startAuthorization.*completeAuthorization.*Bearer/)
    const unknown = await gql(jira.gateway.url, '{ issue(key: "JJ-2") { key } }', {}, bearer('jgw_' + 'x'.repeat(43)))
    expectError(unknown, 'UNAUTHENTICATED', /unknown or has expired.*startAuthorization/)
    const garbage = await gql(jira.gateway.url, '{ issue(key: "JJ-2") { key } }', {}, { authorization: 'Basic YWRtaW46YWRtaW4=' })
    expectError(garbage, 'UNAUTHENTICATED', /startAuthorization/)
    expect(restCalls(jira.sandbox)).toEqual([])
  })

  it('signOut without a session is UNAUTHENTICATED', async () => {
    expectError(await gql(jira.gateway.url, 'mutation { signOut }'), 'UNAUTHENTICATED', /no session/)
  })
})

describe('completeAuthorization', () => {
  it('refuses a wrong verifier, and the request token stays usable (as in JIRA)', async () => {
    const { requestToken } = await start()
    const { verifier } = jira.sandbox.approve(requestToken, 'alana')
    const wrong = verifier === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'
    expectError(await complete(requestToken, wrong), 'BAD_USER_INPUT', /rejected the verifier.*stays usable/)
    const right = await complete(requestToken, verifier)
    expect(right.errors).toBeUndefined()
    expect(right.data!.completeAuthorization.viewer).toEqual({ name: 'alana' })
  })

  it('refuses an unknown request token', async () => {
    expectError(await complete('NoSuchToken123', 'abcdef'), 'BAD_USER_INPUT', /Unknown request token.*startAuthorization/)
  })

  it('refuses a request token that was already used', async () => {
    const { requestToken } = await start()
    const { verifier } = jira.sandbox.approve(requestToken, 'alana')
    expect((await complete(requestToken, verifier)).errors).toBeUndefined()
    expectError(await complete(requestToken, verifier), 'BAD_USER_INPUT', /already used/)
  })

  it('refuses an expired request token', async () => {
    const { requestToken } = await start()
    const { verifier } = jira.sandbox.approve(requestToken, 'alana')
    await jira.gateway.prisma.requestToken.update({ where: { token: requestToken }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expectError(await complete(requestToken, verifier), 'BAD_USER_INPUT', /expired.*startAuthorization/)
  })

  it('refuses a token that was not approved yet, and it stays usable', async () => {
    const { requestToken } = await start()
    expectError(await complete(requestToken, 'abcdef'), 'BAD_USER_INPUT', /not been approved/)
    const { verifier } = jira.sandbox.approve(requestToken, 'william')
    expect((await complete(requestToken, verifier)).data!.completeAuthorization.viewer).toEqual({ name: 'william' })
  })

  it('refuses malformed arguments before JIRA sees them', async () => {
    jira.sandbox.resetCalls()
    expectError(await complete('bad token!', 'abcdef'), 'BAD_USER_INPUT', /requestToken is malformed/)
    expectError(await complete('abc', 'a b"c'), 'BAD_USER_INPUT', /verifier is malformed/)
    expect(jira.sandbox.calls).toEqual([])
  })

  it('lets exactly one of many concurrent completions win', async () => {
    const { requestToken } = await start()
    const { verifier } = jira.sandbox.approve(requestToken, 'alana')
    const results = await Promise.all(Array.from({ length: 8 }, () => complete(requestToken, verifier)))
    const winners = results.filter((result) => !result.errors)
    expect(winners).toHaveLength(1)
    for (const loser of results.filter((result) => result.errors)) expect(loser.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })
})

describe('startAuthorization(callbackUrl:)', () => {
  it.each([
    ['https://evil.example.com/oauth/callback', /must lie under/],
    ['https://gateway.example.com.evil.com/x', /must lie under/],
    ['https://app.example.com/authx', /must lie under/],
    ['https://app.example.com/other', /must lie under/],
    ['javascript:alert(1)', /http\(s\) URL/],
    ['https://user:pw@jira.gateway.example.com/cb', /without credentials/],
    ['https://gateway.example.com/cb#frag', /fragment/],
    ['not a url', /absolute http\(s\) URL/],
  ])('refuses %s: the gateway is no open redirect', async (callbackUrl, message) => {
    jira.sandbox.resetCalls()
    const result = await gql(jira.gateway.url, 'mutation($c: String) { startAuthorization(callbackUrl: $c) { requestToken } }', { c: callbackUrl })
    expectError(result, 'BAD_USER_INPUT', message)
    expect(jira.sandbox.calls).toEqual([])
  })

  it.each([
    ['https://gateway.example.com/oauth/callback'],
    ['https://app.example.com/auth'],
    ['https://app.example.com/auth/done?x=1'],
  ])('accepts %s under PUBLIC_URL or the allow-list', async (callbackUrl) => {
    expect((await start(callbackUrl)).callbackUrl).toBe(callbackUrl)
  })

  it("defaults to the gateway's own callback under PUBLIC_URL", async () => {
    const result = await gql(jira.gateway.url, 'mutation { startAuthorization { callbackUrl } }')
    expect(result.data).toEqual({ startAuthorization: { callbackUrl: 'https://gateway.example.com/oauth/callback' } })
  })
})

describe('JIRA refusing the consumer', () => {
  it('names oauth_problem and what to check when the consumer key is unknown', async () => {
    const tmp2 = tempDir()
    const other = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: tmp2.dir, env: { JIRA_CONSUMER_KEY: 'NotLinked' } })
    try {
      const result = await gql(other.url, 'mutation { startAuthorization { requestToken } }')
      expectError(result, 'OAUTH_PROBLEM', /oauth_problem=consumer_key_unknown.*JIRA_CONSUMER_KEY.*Application Link/)
    } finally {
      await other.close()
      tmp2.remove()
    }
  })

  it('names signature_invalid and the key pair when the private key does not match', async () => {
    const tmp2 = tempDir()
    const other = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: makeKeyPair(), dbDir: tmp2.dir })
    try {
      const result = await gql(other.url, 'mutation { startAuthorization { requestToken } }')
      expectError(result, 'OAUTH_PROBLEM', /oauth_problem=signature_invalid.*public key in the Application Link/)
      expect(JSON.stringify(result)).not.toContain('oauth_signature_base_string')
    } finally {
      await other.close()
      tmp2.remove()
    }
  })
})

describe('a token JIRA revokes', () => {
  it('answers UNAUTHENTICATED, marks the authorization revoked and makes no further JIRA call with it', async () => {
    const token = await authorize(jira.gateway, jira.sandbox, 'william')
    const auth = await jira.gateway.prisma.authorization.findFirstOrThrow({ where: { jiraUsername: 'william' } })
    jira.sandbox.revokeAccessToken(auth.accessToken)
    const first = await gql(jira.gateway.url, '{ issue(key: "JJ-2") { key } }', {}, bearer(token))
    expectError(first, 'UNAUTHENTICATED', /token_rejected.*revoked/)
    expect((await jira.gateway.prisma.authorization.findUniqueOrThrow({ where: { id: auth.id } })).revokedAt).toBeInstanceOf(Date)
    jira.sandbox.resetCalls()
    const second = await gql(jira.gateway.url, '{ issue(key: "JJ-2") { key } viewer { name } }', {}, bearer(token))
    expect(second.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
    expect(second.data).toEqual({ issue: null, viewer: null })
    expect(jira.sandbox.calls).toEqual([])
  })
})
