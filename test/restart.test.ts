// The store is a real SQLite file: a pending request token and a session both survive a restart.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Sandbox } from '../sandbox/index.ts'
import { bearer, gql, makeKeyPair, startTestGateway, startTestSandbox, tempDir } from './helpers/harness.ts'

const keys = makeKeyPair()
let sandbox: Sandbox
const tmp = tempDir()

beforeAll(async () => {
  sandbox = await startTestSandbox(keys)
})
afterAll(async () => {
  await sandbox?.close()
  tmp.remove()
})

it('completes after a restart between start and complete, and the session works after another restart', async () => {
  let gateway = await startTestGateway({ jiraBaseUrl: sandbox.url, keys, dbDir: tmp.dir })
  const started = await gql(gateway.url, 'mutation { startAuthorization(callbackUrl: "oob") { requestToken } }')
  const requestToken = started.data!.startAuthorization.requestToken as string
  await gateway.close()

  const { verifier } = sandbox.approve(requestToken, 'alana')
  gateway = await startTestGateway({ jiraBaseUrl: sandbox.url, keys, dbDir: tmp.dir })
  const completed = await gql(gateway.url, `mutation { completeAuthorization(requestToken: "${requestToken}", verifier: "${verifier}") { sessionToken } }`)
  expect(completed.errors).toBeUndefined()
  const sessionToken = completed.data!.completeAuthorization.sessionToken as string
  await gateway.close()

  gateway = await startTestGateway({ jiraBaseUrl: sandbox.url, keys, dbDir: tmp.dir })
  try {
    const result = await gql(gateway.url, '{ viewer { name } issue(key: "JJ-2") { summary } }', {}, bearer(sessionToken))
    expect(result).toEqual({ data: { viewer: { name: 'alana' }, issue: { summary: 'JIRA Junior logo is not pink enough' } } })
    // Only the hash of the session token is stored.
    const sessions = await gateway.prisma.session.findMany()
    expect(sessions).toHaveLength(1)
    expect(JSON.stringify(sessions)).not.toContain(sessionToken)
    expect(sessions[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/)
  } finally {
    await gateway.close()
  }
})
