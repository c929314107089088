// The example consumer (examples/typed-client), typed by codegen, runs the dance and reads an issue.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { GatewayClient, GatewayError } from '../examples/typed-client/client.ts'
import { authorize, describeIssue } from '../examples/typed-client/main.ts'
import type { Sandbox } from '../sandbox/index.ts'
import type { RunningGateway } from '../src/server.ts'
import { makeKeyPair, startTestGateway, startTestSandbox, tempDir } from './helpers/harness.ts'

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

it('authorizes and describes JJ-2', async () => {
  const client = new GatewayClient(`${gateway.url}/graphql`)
  await expect(describeIssue(client, 'JJ-2')).rejects.toThrow(GatewayError)
  const who = await authorize(client, async (authorizeUrl) => sandbox.approve(new URL(authorizeUrl).searchParams.get('oauth_token')!, 'alana').verifier)
  expect(who).toBe('Alana Example')
  expect(await describeIssue(client, 'JJ-2')).toBe('JJ-2 [Open] JIRA Junior logo is not pink enough — Alana Example')
  expect(await describeIssue(client, 'SEC-1')).toBe('SEC-1: not found (or not visible to you)')
})
