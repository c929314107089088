// When JIRA misbehaves: one clear, coded error for the fields it hits, the rest of the query still
// answers, reads are retried within bounds, writes never, and the next request works.
import { createServer } from 'node:net'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { authorize, bearer, gql, restCalls, startTestGateway, tempDir, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway({ env: { JIRA_TIMEOUT_MS: '400', REQUEST_DEADLINE_MS: '4000' } })
let token: string
const ISSUE = '/rest/api/2/issue/JJ-2'

beforeAll(async () => {
  token = await authorize(jira.gateway, jira.sandbox, 'alana')
})
afterEach(() => jira.sandbox.clearFaults())

const query = () => gql(jira.gateway.url, '{ viewer { name } issue(key: "JJ-2") { key summary } }', {}, bearer(token))

async function expectIssueError(code: string, message: RegExp) {
  const result = await query()
  expect(result.data).toEqual({ viewer: { name: 'alana' }, issue: null })
  expect(result.errors).toHaveLength(1)
  expect(result.errors![0]!.path).toEqual(['issue'])
  expect(result.errors![0]!.extensions!.code).toBe(code)
  expect(result.errors![0]!.message).toMatch(message)
  // The next request works.
  jira.sandbox.clearFaults()
  expect((await query()).data).toEqual({ viewer: { name: 'alana' }, issue: { key: 'JJ-2', summary: 'JIRA Junior logo is not pink enough' } })
}

const issueCalls = () => restCalls(jira.sandbox).filter((call) => call.path === ISSUE)

describe('each fault is one coded error on the fields it hits', () => {
  it('a time-out', async () => {
    jira.sandbox.injectFault({ match: { path: ISSUE }, fault: { kind: 'delay', ms: 1500 } })
    const started = Date.now()
    await expectIssueError('JIRA_UNAVAILABLE', /did not answer within \d+ ms/)
    expect(Date.now() - started).toBeLessThan(3000)
    // The sandbox still answers the abandoned call when its delay ends: let it land before other tests count calls.
    await new Promise((resolve) => setTimeout(resolve, 1600 - (Date.now() - started)))
  })

  it('a connection reset every time (after bounded retries)', async () => {
    jira.sandbox.injectFault({ match: { path: ISSUE }, fault: { kind: 'reset' } })
    jira.sandbox.resetCalls()
    await expectIssueError('JIRA_UNAVAILABLE', /could not be reached/)
    expect(issueCalls().filter((call) => call.status === 0)).toHaveLength(3) // the try and two retries
  })

  it('a 500', async () => {
    jira.sandbox.injectFault({ match: { path: ISSUE }, fault: { kind: 'status', status: 500 } })
    await expectIssueError('JIRA_ERROR', /JIRA answered HTTP 500/)
  })

  it('malformed JSON', async () => {
    jira.sandbox.injectFault({ match: { path: ISSUE }, fault: { kind: 'malformed-json' } })
    await expectIssueError('JIRA_ERROR', /malformed JSON/)
  })

  it('an HTML login page with a 200', async () => {
    jira.sandbox.injectFault({ match: { path: ISSUE }, fault: { kind: 'html-login' } })
    await expectIssueError('JIRA_ERROR', /text\/html, not JSON \(a login page/)
  })

  it('X-Seraph-LoginReason with a 200', async () => {
    jira.sandbox.injectFault({ match: { path: ISSUE }, fault: { kind: 'seraph' } })
    await expectIssueError('UNAUTHENTICATED', /AUTHENTICATED_FAILED/)
  })
})

describe('retries', () => {
  it('retries a read after a transient reset or 502, and answers', async () => {
    for (const fault of [{ kind: 'reset' as const }, { kind: 'status' as const, status: 502 }]) {
      jira.sandbox.injectFault({ match: { path: ISSUE }, times: 1, fault })
      jira.sandbox.resetCalls()
      expect((await query()).data!.issue).toEqual({ key: 'JJ-2', summary: 'JIRA Junior logo is not pink enough' })
      expect(issueCalls()).toHaveLength(2)
    }
  })

  it.each([
    ['429 with Retry-After in seconds', () => ({ kind: 'rate-limit' as const, retryAfter: '1' })],
    // HTTP dates have whole seconds: two seconds ahead is at least one second's wait.
    ['503 with Retry-After as an HTTP date', () => ({ kind: 'rate-limit' as const, status: 503 as const, retryAfter: new Date(Date.now() + 2000).toUTCString() })],
  ])('waits out %s for a read, then answers', async (_name, fault) => {
    jira.sandbox.injectFault({ match: { path: ISSUE }, times: 1, fault: fault() })
    jira.sandbox.resetCalls()
    const started = Date.now()
    expect((await query()).data!.issue.key).toBe('JJ-2')
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(issueCalls().map((call) => call.status)).toEqual([(fault() as { status?: number }).status ?? 429, 200])
  })

  it('does not wait past the request deadline: says when to come back', async () => {
    jira.sandbox.injectFault({ match: { path: ISSUE }, fault: { kind: 'rate-limit', retryAfter: '120' } })
    jira.sandbox.resetCalls()
    const started = Date.now()
    const result = await query()
    expect(Date.now() - started).toBeLessThan(1500)
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120 })
    expect(result.errors![0]!.message).toMatch(/try again after \d{4}-\d{2}-\d{2}T/)
    expect(issueCalls()).toHaveLength(1)
  })

  it('never retries a write', async () => {
    jira.sandbox.injectFault({ match: { method: 'POST', path: '/rest/api/2/issue/JJ-2/comment' }, times: 1, fault: { kind: 'rate-limit', retryAfter: '1', status: 503 } })
    jira.sandbox.resetCalls()
    const result = await gql(jira.gateway.url, 'mutation { addComment(issueKey: "JJ-2", body: "once") { id } }', {}, bearer(token))
    expect(result.errors![0]!.extensions!.code).toBe('JIRA_UNAVAILABLE')
    expect(restCalls(jira.sandbox).filter((call) => call.method === 'POST')).toHaveLength(1)
  })
})

it('a JIRA that refuses connections', async () => {
  const closed = await new Promise<number>((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
  const dir = tempDir()
  const dead = await startTestGateway({ jiraBaseUrl: `http://127.0.0.1:${closed}`, keys: jira.keys, dbDir: dir.dir })
  try {
    const result = await gql(dead.url, 'mutation { startAuthorization { requestToken } }')
    expect(result.errors![0]!.extensions!.code).toBe('JIRA_UNAVAILABLE')
    expect(result.errors![0]!.message).toMatch(/could not be reached/)
  } finally {
    await dead.close()
    dir.remove()
  }
})
