// Secrets never reach logs or responses: a full run at trace level, then every secret is grepped for.
import { Writable } from 'node:stream'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Sandbox } from '../sandbox/index.ts'
import { createLogger } from '../src/logger.ts'
import { startGateway, type RunningGateway } from '../src/server.ts'
import { CONSUMER_KEY, authorize, bearer, gql, makeKeyPair, startTestSandbox, tempDir } from './helpers/harness.ts'

const keys = makeKeyPair()
const tmp = tempDir()
let sandbox: Sandbox
let gateway: RunningGateway
const lines: string[] = []
const responses: string[] = []

beforeAll(async () => {
  sandbox = await startTestSandbox(keys)
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  gateway = await startGateway({
    env: { JIRA_BASE_URL: sandbox.url, JIRA_PRIVATE_KEY: keys.privateKeyPem, JIRA_CONSUMER_KEY: CONSUMER_KEY, DATABASE_URL: `file:${join(tmp.dir, 'g.db')}`, PORT: '0', LOG_LEVEL: 'trace' },
    logger: createLogger('trace', sink),
  })
})
afterAll(async () => {
  await gateway?.close()
  await sandbox?.close()
  tmp.remove()
})

const record = async (promise: Promise<unknown>) => {
  const result = await promise
  responses.push(JSON.stringify(result))
  return result as any
}

it('writes no private key, JIRA token, token secret, session handle or session token into logs or responses', async () => {
  const alana = await authorize(gateway, sandbox, 'alana')
  const admin = await authorize(gateway, sandbox, 'admin')
  await record(gql(gateway.url, '{ viewer { name } issue(key: "JJ-2") { key summary comments { body } } }', {}, bearer(alana)))
  await record(gql(gateway.url, '{ issue(key: "not-a-key") { key } }', {}, bearer(alana)))
  await record(gql(gateway.url, '{ issue(key: "JJ-2") { key } }', {}, bearer(`${alana}x`)))
  await record(gql(gateway.url, '{ rest(path: "/rest/api/2/myself") }', {}, bearer(admin)))
  await record(gql(gateway.url, '{ rest(path: "/rest/../secure") }', {}, bearer(admin)))
  await record(gql(gateway.url, 'mutation { completeAuthorization(requestToken: "nope", verifier: "abcdef") { sessionToken } }'))
  // Renewal and revocation, which log about authorizations.
  const renewed = await gateway.prisma.authorization.findFirstOrThrow({ where: { jiraUsername: 'alana' } })
  sandbox.expireAccessToken(renewed.accessToken)
  await record(gql(gateway.url, '{ viewer { name } }', {}, bearer(alana)))
  const revoked = await gateway.prisma.authorization.findFirstOrThrow({ where: { jiraUsername: 'admin' } })
  sandbox.revokeAccessToken(revoked.accessToken)
  await record(gql(gateway.url, '{ viewer { name } issue(key: "JJ-2") { key } }', {}, bearer(admin)))

  const secrets: string[] = [alana, admin]
  for (const row of await gateway.prisma.authorization.findMany()) secrets.push(row.accessToken, row.tokenSecret, row.sessionHandle!)
  secrets.push(renewed.accessToken, renewed.tokenSecret, revoked.accessToken)
  for (const row of await gateway.prisma.requestToken.findMany()) secrets.push(row.tokenSecret)
  // Every line of the private key's base64 body.
  secrets.push(...keys.privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----')))

  const log = lines.join('')
  const answers = responses.join('\n')
  // Tokens and secrets are 32 characters; PEM lines 64 (the last may be shorter, but not this short).
  expect(secrets.every((secret) => secret.length >= 16)).toBe(true)
  expect(secrets.length).toBeGreaterThan(20)
  for (const secret of secrets) {
    expect(log.includes(secret), `a secret is in the logs: ${secret.slice(0, 4)}…`).toBe(false)
    expect(answers.includes(secret), `a secret is in a response: ${secret.slice(0, 4)}…`).toBe(false)
  }
  // The logs are there to be read: every operation and JIRA call, with the request id.
  const entries = log.trim().split('\n').map((line) => JSON.parse(line))
  expect(entries.filter((entry) => entry.msg === 'graphql operation').length).toBeGreaterThanOrEqual(8)
  const call = entries.find((entry) => entry.msg === 'jira call' && entry.jira.path === '/rest/api/2/issue/JJ-2')
  expect(call).toMatchObject({ requestId: expect.any(String), jira: { method: 'GET', status: 200 } })
  expect(entries.some((entry) => entry.msg?.includes('renewed'))).toBe(true)
  expect(entries.some((entry) => entry.msg?.includes('marked revoked'))).toBe(true)
})

it('echoes a request id', async () => {
  const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' }, body: '{"query":"{ viewer { name } }"}' })
  expect(response.headers.get('x-request-id')).toBe('abc-123')
  const entry = lines.map((line) => JSON.parse(line)).findLast((e) => e.msg === 'graphql operation')
  expect(entry.requestId).toBe('abc-123')
})
