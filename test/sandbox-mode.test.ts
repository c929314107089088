// With no JIRA configured, the gateway starts the bundled sandbox JIRA itself: what `npm start` does.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startGateway, type RunningGateway } from '../src/server.ts'
import { bearer, gql, tempDir } from './helpers/harness.ts'

const tmp = tempDir()
let gateway: RunningGateway

beforeAll(async () => {
  gateway = await startGateway({ env: { DATABASE_URL: `file:${join(tmp.dir, 'gateway.db')}`, PORT: '0', SANDBOX_PORT: '0', LOG_LEVEL: 'silent' } })
})
afterAll(async () => {
  await gateway?.close()
  tmp.remove()
})

it('runs the dance against its own sandbox and reads JJ-2', async () => {
  expect(gateway.sandbox).toBeDefined()
  expect(gateway.config.jiraBaseUrl).toBe(gateway.sandbox!.url)
  // The sandbox consumer's private key is kept beside the database, readable by its owner only.
  expect(statSync(join(tmp.dir, 'sandbox', 'consumer-private.pem')).mode & 0o777).toBe(0o600)

  const started = await gql(gateway.url, 'mutation { startAuthorization { requestToken callbackUrl } }')
  expect(started.data!.startAuthorization.callbackUrl).toBe(`${gateway.url}/oauth/callback`)
  const requestToken = started.data!.startAuthorization.requestToken as string
  const { verifier } = gateway.sandbox!.approve(requestToken, 'admin')
  const completed = await gql(gateway.url, `mutation { completeAuthorization(requestToken: "${requestToken}", verifier: "${verifier}") { sessionToken } }`)
  const token = completed.data!.completeAuthorization.sessionToken as string
  const result = await gql(gateway.url, '{ issue(key: "JJ-2") { key status { name } assignee { displayName } } }', {}, bearer(token))
  expect(result).toEqual({ data: { issue: { key: 'JJ-2', status: { name: 'Open' }, assignee: { displayName: 'Alana Example' } } } })
})

it('answers health checks', async () => {
  expect(await (await fetch(`${gateway.url}/healthz`)).json()).toEqual({ status: 'ok' })
  expect(await (await fetch(`${gateway.url}/readyz`)).json()).toEqual({ status: 'ready' })
})
