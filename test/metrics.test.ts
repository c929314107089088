// Prometheus metrics at /metrics: GraphQL operations, JIRA calls by status, authorization outcomes.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Sandbox } from '../sandbox/index.ts'
import type { RunningGateway } from '../src/server.ts'
import { authorize, bearer, gql, makeKeyPair, startTestGateway, startTestSandbox, tempDir } from './helpers/harness.ts'

const keys = makeKeyPair()
const tmp = tempDir()
let sandbox: Sandbox
let gateway: RunningGateway

beforeAll(async () => {
  sandbox = await startTestSandbox(keys)
  gateway = await startTestGateway({ jiraBaseUrl: sandbox.url, keys, dbDir: tmp.dir })
})
afterAll(async () => {
  await gateway?.close()
  await sandbox?.close()
  tmp.remove()
})

const value = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 'NaN')

it('counts operations by name, JIRA calls by status, and authorization outcomes', async () => {
  const token = await authorize(gateway, sandbox, 'alana')
  await gql(gateway.url, 'mutation { completeAuthorization(requestToken: "unknown", verifier: "abcdef") { sessionToken } }')
  for (let i = 0; i < 3; i++) await gql(gateway.url, 'query ReadIssue { issue(key: "JJ-2") { key } }', {}, bearer(token))
  await gql(gateway.url, 'query Missing { issue(key: "JJ-999") { key } }', {}, bearer(token))

  const response = await fetch(`${gateway.url}/metrics`)
  expect(response.status).toBe(200)
  const text = await response.text()
  expect(value(text, /graphql_envelop_request_duration_count\{[^}]*operationName="ReadIssue"[^}]*\} (\d+)/)).toBe(3)
  expect(value(text, /jira_call_duration_seconds_count\{method="GET",status="200"\} (\d+)/)).toBeGreaterThanOrEqual(4)
  expect(value(text, /jira_call_duration_seconds_count\{method="GET",status="404"\} (\d+)/)).toBe(1)
  expect(value(text, /gateway_authorizations_total\{step="start",outcome="ok"\} (\d+)/)).toBe(1)
  expect(value(text, /gateway_authorizations_total\{step="complete",outcome="ok"\} (\d+)/)).toBe(1)
  expect(value(text, /gateway_authorizations_total\{step="complete",outcome="BAD_USER_INPUT"\} (\d+)/)).toBe(1)
  expect(text).toMatch(/process_resident_memory_bytes \d+/)
  expect(text).not.toContain(token)
})
