// Tokens over their life: an expired access token is renewed once through its session handle.
import { expect, it } from 'vitest'
import { authorize, bearer, gql, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway()

const stored = (name: string) => jira.gateway.prisma.authorization.findFirstOrThrow({ where: { jiraUsername: name } })

it('renews an expired token once, stores the new one, and answers the query; concurrent requests share the renewal', async () => {
  const session = await authorize(jira.gateway, jira.sandbox, 'alana')
  const before = await stored('alana')
  jira.sandbox.expireAccessToken(before.accessToken)
  jira.sandbox.resetCalls()

  const results = await Promise.all(Array.from({ length: 5 }, () => gql(jira.gateway.url, '{ viewer { name } }', {}, bearer(session))))
  for (const result of results) expect(result).toEqual({ data: { viewer: { name: 'alana' } } })

  const after = await stored('alana')
  expect(after.accessToken).not.toBe(before.accessToken)
  expect(after.revokedAt).toBeNull()
  const renewals = jira.sandbox.calls.filter((call) => call.path === '/plugins/servlet/oauth/access-token')
  expect(renewals).toHaveLength(1)
  expect(renewals[0]!.status).toBe(200)

  // The next request uses the stored new token directly: no renewal.
  jira.sandbox.resetCalls()
  expect(await gql(jira.gateway.url, '{ viewer { name } }', {}, bearer(session))).toEqual({ data: { viewer: { name: 'alana' } } })
  expect(jira.sandbox.calls.filter((call) => call.path.startsWith('/plugins/'))).toEqual([])
})

it('marks the authorization revoked when JIRA refuses the renewal, and says to authorize again', async () => {
  const session = await authorize(jira.gateway, jira.sandbox, 'william')
  const before = await stored('william')
  jira.sandbox.expireAccessToken(before.accessToken)
  // JIRA refuses the renewal itself (as after an administrator removed the grant).
  jira.sandbox.injectFault({
    match: { path: '/plugins/servlet/oauth/access-token' },
    times: 1,
    fault: { kind: 'status', status: 401, contentType: 'text/plain', body: 'oauth_problem=token_rejected', headers: { 'www-authenticate': 'OAuth realm="x", oauth_problem="token_rejected"' } },
  })
  const result = await gql(jira.gateway.url, '{ issue(key: "JJ-2") { key } }', {}, bearer(session))
  expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
  expect(result.errors![0]!.message).toMatch(/refused to renew this authorization \(oauth_problem=token_rejected\); authorize again/)
  expect((await stored('william')).revokedAt).toBeInstanceOf(Date)
})
