// Property-based fuzzing of GraphQL inputs: odd, huge and hostile strings never crash the gateway,
// never give a 500, and every error carries a code that is not INTERNAL_SERVER_ERROR.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { authorize, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway({ env: { PUBLIC_URL: 'https://gw.example.com' } })
let token: string

beforeAll(async () => {
  token = await authorize(jira.gateway, jira.sandbox, 'admin')
})

/** Strings people and attackers send: any unicode, control characters, encodings, huge ones, and near-misses of valid input. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'binary', minLength: 2000, maxLength: 30_000 }),
  fc.constantFrom('', ' ', '\u0000', '../', '%2e%2e/', '%00', 'JJ-2', 'jj-2', 'JJ-2\n', 'oob', '"', "'", '\\', '${x}', '<script>', 'key in (', 'ORDER BY', '🙂-1', 'A-0', 'A-99999999999999999999'),
  fc.tuple(fc.constantFrom('/rest/', 'http://', '//', 'https://gw.example.com/', 'JJ-', 'project = '), fc.string({ unit: 'binary', maxLength: 40 })).map(([a, b]) => a + b),
)

const OPERATIONS: Record<string, string> = {
  issue: 'query($s: String!) { issue(key: $s) { key summary } }',
  search: 'query($s: String!) { search(jql: $s, first: 3) { totalCount edges { node { key } } } }',
  rest: 'query($s: String!) { rest(path: $s) }',
  project: 'query($s: String!) { project(key: $s) { key } }',
  user: 'query($s: String!) { user(username: $s) { name } }',
  customField: 'query($s: String!) { issue(key: "JJ-2") { customField(name: $s) { id } } }',
  startAuthorization: 'mutation($s: String!) { startAuthorization(callbackUrl: $s) { requestToken } }',
  completeAuthorization: 'mutation($s: String!) { completeAuthorization(requestToken: $s, verifier: $s) { sessionToken } }',
  addComment: 'mutation($s: String!) { addComment(issueKey: $s, body: $s) { id } }',
}

describe.each(Object.entries(OPERATIONS))('%s', (_name, query) => {
  it('answers every input with a coded error or data, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        const response = await fetch(`${jira.gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables: { s: input } }),
        })
        expect(response.status).toBeLessThan(500)
        const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> }
        for (const error of body.errors ?? []) {
          expect(error.extensions?.code).toEqual(expect.any(String))
          expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR')
        }
      }),
      { numRuns: 60 },
    )
  })
})

it('is still healthy afterwards', async () => {
  expect((await fetch(`${jira.gateway.url}/readyz`)).status).toBe(200)
})
