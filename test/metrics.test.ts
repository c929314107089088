// Prometheus metrics at /metrics: GraphQL operations, JIRA calls by status, authorization outcomes.
import { expect, it } from 'vitest'
import { authorize, bearer, gql, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway()

const value = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 'NaN')

it('counts operations by name, JIRA calls by status, and authorization outcomes', async () => {
  const token = await authorize(jira.gateway, jira.sandbox, 'alana')
  await gql(jira.gateway.url, 'mutation { completeAuthorization(requestToken: "unknown", verifier: "abcdef") { sessionToken } }')
  for (let i = 0; i < 3; i++) await gql(jira.gateway.url, 'query ReadIssue { issue(key: "JJ-2") { key } }', {}, bearer(token))
  await gql(jira.gateway.url, 'query Missing { issue(key: "JJ-999") { key } }', {}, bearer(token))

  const response = await fetch(`${jira.gateway.url}/metrics`)
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
