// Sessions over their life: they expire (a setting), signOut ends one, expired rows are cleaned up,
// and one person's revocation never touches another's session.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Sandbox } from '../sandbox/index.ts'
import type { RunningGateway } from '../src/server.ts'
import { hashSessionToken } from '../src/auth/sessions.ts'
import { authorize, bearer, gql, makeKeyPair, startTestGateway, startTestSandbox, tempDir } from './helpers/harness.ts'

const keys = makeKeyPair()
const tmp = tempDir()
let sandbox: Sandbox
let gateway: RunningGateway

beforeAll(async () => {
  sandbox = await startTestSandbox(keys)
  gateway = await startTestGateway({ jiraBaseUrl: sandbox.url, keys, dbDir: tmp.dir, env: { SESSION_TTL_DAYS: '7' } })
})
afterAll(async () => {
  await gateway?.close()
  await sandbox?.close()
  tmp.remove()
})

it('gives sessions the configured lifetime, and an expired one is UNAUTHENTICATED and removed', async () => {
  const token = await authorize(gateway, sandbox, 'alana')
  const session = await gateway.prisma.session.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } })
  const days = (session.expiresAt!.getTime() - session.createdAt.getTime()) / 86_400_000
  expect(days).toBeCloseTo(7, 5)

  // A fresh gateway process (no in-memory cache) meets the session after its expiry.
  await gateway.prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
  await gateway.close()
  gateway = await startTestGateway({ jiraBaseUrl: sandbox.url, keys, dbDir: tmp.dir, env: { SESSION_TTL_DAYS: '7' } })
  const result = await gql(gateway.url, '{ issue(key: "JJ-2") { key } }', {}, bearer(token))
  expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
  expect(await gateway.prisma.session.count({ where: { id: session.id } })).toBe(0)
})

it('cleans up expired request tokens and sessions', async () => {
  const token = await authorize(gateway, sandbox, 'william')
  await gql(gateway.url, 'mutation { startAuthorization(callbackUrl: "oob") { requestToken } }')
  const past = new Date(Date.now() - 1000)
  await gateway.prisma.requestToken.updateMany({ data: { expiresAt: past } })
  await gateway.prisma.session.updateMany({ where: { tokenHash: hashSessionToken(token) }, data: { expiresAt: past } })
  expect(await gateway.services.tokens.deleteExpiredPending()).toBeGreaterThanOrEqual(1)
  expect(await gateway.services.sessions.deleteExpired()).toBe(1)
  expect(await gateway.prisma.requestToken.count()).toBe(0)
})

it("one person's revocation never touches another's session", async () => {
  const alana = await authorize(gateway, sandbox, 'alana')
  const admin = await authorize(gateway, sandbox, 'admin')
  const alanaGrant = await gateway.prisma.authorization.findFirstOrThrow({ where: { jiraUsername: 'alana' } })
  sandbox.revokeAccessToken(alanaGrant.accessToken)
  expect((await gql(gateway.url, '{ issue(key: "JJ-2") { key } }', {}, bearer(alana))).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
  expect(await gql(gateway.url, '{ issue(key: "JJ-2") { key } }', {}, bearer(admin))).toEqual({ data: { issue: { key: 'JJ-2' } } })
  expect((await gateway.prisma.authorization.findFirstOrThrow({ where: { jiraUsername: 'admin' } })).revokedAt).toBeNull()
})

it('authorizing again after a revocation gives a working session', async () => {
  const again = await authorize(gateway, sandbox, 'alana')
  expect(await gql(gateway.url, '{ viewer { name } }', {}, bearer(again))).toEqual({ data: { viewer: { name: 'alana' } } })
  expect((await gateway.prisma.authorization.findFirstOrThrow({ where: { jiraUsername: 'alana' } })).revokedAt).toBeNull()
})
