// The store is a real SQLite file: a pending request token and a session both survive a restart.
import { expect, it } from 'vitest'
import { bearer, gql, startTestGateway, useSandbox } from './helpers/harness.ts'

const jira = useSandbox()

it('completes after a restart between start and complete, and the session works after another restart', async () => {
  let gateway = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: jira.dir })
  const started = await gql(gateway.url, 'mutation { startAuthorization(callbackUrl: "oob") { requestToken } }')
  const requestToken = started.data!.startAuthorization.requestToken as string
  await gateway.close()

  const { verifier } = jira.sandbox.approve(requestToken, 'alana')
  gateway = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: jira.dir })
  const completed = await gql(gateway.url, `mutation { completeAuthorization(requestToken: "${requestToken}", verifier: "${verifier}") { sessionToken } }`)
  expect(completed.errors).toBeUndefined()
  const sessionToken = completed.data!.completeAuthorization.sessionToken as string
  await gateway.close()

  gateway = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: jira.dir })
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
