// The example consumer (examples/typed-client), typed by codegen, runs the dance and reads an issue.
import { expect, it } from 'vitest'
import { GatewayClient, GatewayError } from '../examples/typed-client/client.ts'
import { authorize, describeIssue } from '../examples/typed-client/main.ts'
import { useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway()

it('authorizes and describes JJ-2', async () => {
  const client = new GatewayClient(`${jira.gateway.url}/graphql`)
  await expect(describeIssue(client, 'JJ-2')).rejects.toThrow(GatewayError)
  const who = await authorize(client, async (authorizeUrl) => jira.sandbox.approve(new URL(authorizeUrl).searchParams.get('oauth_token')!, 'alana').verifier)
  expect(who).toBe('Alana Example')
  expect(await describeIssue(client, 'JJ-2')).toBe('JJ-2 [Open] JIRA Junior logo is not pink enough — Alana Example')
  expect(await describeIssue(client, 'SEC-1')).toBe('SEC-1: not found (or not visible to you)')
})
