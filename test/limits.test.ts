// Limits on what clients may ask: each refusal is a clear error, decided before any JIRA call.
import { beforeAll, expect, it } from 'vitest'
import { authorize, bearer, gql, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway({ env: { QUERY_MAX_DEPTH: '8', QUERY_MAX_ALIASES: '20', REQUEST_MAX_BYTES: '20000', BATCH_MAX_OPERATIONS: '3' } })
let token: string

beforeAll(async () => {
  token = await authorize(jira.gateway, jira.sandbox, 'admin')
})

async function refused(query: string, message: RegExp) {
  jira.sandbox.resetCalls()
  const result = await gql(jira.gateway.url, query, {}, bearer(token))
  expect(result.data ?? null).toBeNull()
  expect(result.errors![0]!.message).toMatch(message)
  expect(result.errors![0]!.extensions!.code).toEqual(expect.any(String))
  expect(jira.sandbox.calls).toEqual([])
}

it('refuses a query deeper than QUERY_MAX_DEPTH', async () => {
  await refused('{ issue(key: "JJ-2") { links { issue { links { issue { links { issue { links { issue { key } } } } } } } } } }', /depth/i)
})

it('refuses more aliases than QUERY_MAX_ALIASES', async () => {
  const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: viewer { name }`).join(' ')
  await refused(`{ ${aliases} }`, /aliases/i)
})

it('refuses too many tokens', async () => {
  await refused(`{ viewer { ${'n '.repeat(5100)} } }`, /token/i)
})

it('does not suggest field names to a client probing the schema', async () => {
  const result = await gql(jira.gateway.url, '{ viewr { name } }', {}, bearer(token))
  expect(result.errors![0]!.message).not.toMatch(/Did you mean/)
})

it('refuses a body larger than REQUEST_MAX_BYTES with 413, with or without Content-Length', async () => {
  const body = JSON.stringify({ query: '{ viewer { name } }', variables: { pad: 'x'.repeat(30_000) } })
  jira.sandbox.resetCalls()
  const sized = await fetch(`${jira.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body })
  expect(sized.status).toBe(413)
  expect(((await sized.json()) as any).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE')
  // Chunked: no Content-Length to judge by, so the limit is counted as the body streams in.
  const chunked = await fetch(`${jira.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: new Blob([body]).stream(),
    duplex: 'half',
  } as RequestInit)
  expect(chunked.status).toBe(413)
  expect(jira.sandbox.calls).toEqual([])
})

it('answers a body within REQUEST_MAX_BYTES whether its length is declared or it is chunked', async () => {
  const body = JSON.stringify({ query: '{ viewer { name } }', variables: { pad: 'x'.repeat(10_000) } })
  const post = (payload: BodyInit) =>
    fetch(`${jira.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: payload, duplex: 'half' } as RequestInit)
  for (const response of [await post(body), await post(new Blob([body]).stream())]) {
    expect(response.status).toBe(200)
    expect(((await response.json()) as any).data.viewer.name).toBeTruthy()
  }
})

it('answers batched operations up to BATCH_MAX_OPERATIONS and refuses more', async () => {
  const batch = (n: number) =>
    fetch(`${jira.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(Array.from({ length: n }, () => ({ query: '{ viewer { name } }' }))),
    })
  const ok = await batch(3)
  expect(await ok.json()).toEqual(Array.from({ length: 3 }, () => ({ data: { viewer: { name: 'admin' } } })))
  const tooMany = await batch(4)
  expect(tooMany.status).toBeGreaterThanOrEqual(400)
  expect(JSON.stringify(await tooMany.json())).toMatch(/Batching is limited to 3 operations/)
})
