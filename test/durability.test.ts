// Races and durability: kill -9 under load loses nothing acknowledged; SIGTERM finishes in-flight requests.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { startChildGateway } from './helpers/child-gateway.ts'
import { CONSUMER_KEY, bearer, gql, useSandbox } from './helpers/harness.ts'

const jira = useSandbox()

const env = (db: string) => ({ JIRA_BASE_URL: jira.sandbox.url, JIRA_PRIVATE_KEY: jira.keys.privateKeyPem, JIRA_CONSUMER_KEY: CONSUMER_KEY, DATABASE_URL: `file:${join(jira.dir, db)}` })

async function dance(url: string, user: string): Promise<string | undefined> {
  try {
    const started = await gql(url, 'mutation { startAuthorization(callbackUrl: "oob") { requestToken } }')
    const requestToken = started.data?.startAuthorization?.requestToken as string | undefined
    if (!requestToken) return undefined
    const { verifier } = jira.sandbox.approve(requestToken, user)
    const done = await gql(url, `mutation { completeAuthorization(requestToken: "${requestToken}", verifier: "${verifier}") { sessionToken } }`)
    return done.data?.completeAuthorization?.sessionToken as string | undefined
  } catch {
    return undefined // the process died mid-request: not acknowledged
  }
}

it('keeps every acknowledged authorization and session through a kill -9 under load, with nothing half-written', async () => {
  const first = await startChildGateway(env('kill.db'))
  const acknowledged: string[] = []
  let stop = false
  const users = ['admin', 'alana', 'william']
  const workers = Array.from({ length: 8 }, async (_, worker) => {
    for (let i = 0; !stop; i++) {
      const token = await dance(first.url, users[(worker + i) % users.length]!)
      if (token) acknowledged.push(token)
      else if (stop) break
    }
  })
  // Kill while dances are in flight, once a good number have been acknowledged.
  while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20))
  first.process.kill('SIGKILL')
  stop = true
  await Promise.all(workers)
  expect(await first.exited).toBeNull()

  const db = new Database(join(jira.dir, 'kill.db'))
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  const orphans = db.prepare('SELECT COUNT(*) AS n FROM "Session" s LEFT JOIN "Authorization" a ON a.id = s.authorizationId WHERE a.id IS NULL').get() as { n: number }
  expect(orphans.n).toBe(0)
  db.close()

  const second = await startChildGateway(env('kill.db'))
  try {
    const answers = await Promise.all(acknowledged.map((token) => gql(second.url, '{ viewer { name } }', {}, bearer(token))))
    for (const answer of answers) expect(answer.data?.viewer?.name).toMatch(/^(admin|alana|william)$/)
  } finally {
    second.process.kill('SIGTERM')
    await second.exited
  }
}, 60_000)

it('finishes in-flight requests on SIGTERM, then exits cleanly', async () => {
  const gateway = await startChildGateway(env('term.db'))
  const token = await dance(gateway.url, 'alana')
  expect(token).toBeDefined()
  // A slow JIRA: the request is still in flight when the signal arrives.
  jira.sandbox.injectFault({ match: { path: '/rest/api/2/myself' }, times: 1, fault: { kind: 'delay', ms: 800 } })
  const inFlight = gql(gateway.url, '{ viewer { name } }', {}, bearer(token!))
  await new Promise((resolve) => setTimeout(resolve, 200))
  gateway.process.kill('SIGTERM')
  expect(await inFlight).toEqual({ data: { viewer: { name: 'alana' } } })
  expect(await gateway.exited).toBe(0)
  await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow()
}, 30_000)
