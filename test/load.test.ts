// A bounded load run against the gateway as its own process: zero errors and flat memory.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Sandbox } from '../sandbox/index.ts'
import { liveHeap, startChildGateway, type ChildGateway } from './helpers/child-gateway.ts'
import { CONSUMER_KEY, authorize, makeKeyPair, startTestSandbox, tempDir } from './helpers/harness.ts'

const keys = makeKeyPair()
const tmp = tempDir()
let sandbox: Sandbox
let gateway: ChildGateway

beforeAll(async () => {
  sandbox = await startTestSandbox(keys)
  gateway = await startChildGateway(
    { JIRA_BASE_URL: sandbox.url, JIRA_PRIVATE_KEY: keys.privateKeyPem, JIRA_CONSUMER_KEY: CONSUMER_KEY, DATABASE_URL: `file:${join(tmp.dir, 'load.db')}` },
    ['--expose-gc', '--import', './test/helpers/gc-probe.mjs'],
  )
})
afterAll(async () => {
  gateway?.process.kill('SIGTERM')
  await gateway?.exited
  await sandbox?.close()
  tmp.remove()
})

const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1])

function run(token: string, seconds: number) {
  return autocannon({
    url: `${gateway.url}/graphql`,
    connections: 16,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ issue(key: "JJ-2") { key summary status { name } } }' }),
  })
}

it('serves 16 connections for 20 s with zero errors and flat memory', async () => {
  const token = await authorize(gateway, sandbox, 'alana')
  await run(token, 8) // warm-up: JIT, caches, connection pools, the heap's working size
  sandbox.resetCalls()
  // The live heap after full collections, before and after the run: what requests leave behind,
  // free of GC timing. RSS, mostly native memory, gets a coarse bound.
  const heapBefore = await liveHeap(gateway)
  const before = rssKiB(gateway.process.pid!)
  const result = await run(token, 20)
  const heapAfter = await liveHeap(gateway)
  const after = rssKiB(gateway.process.pid!)
  console.log(
    `load: ${result.requests.total} requests, ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
      `live heap ${(heapBefore / 1e6).toFixed(1)} → ${(heapAfter / 1e6).toFixed(1)} MB; RSS ${before} → ${after} KiB`,
  )
  expect(result.errors).toBe(0)
  expect(result.timeouts).toBe(0)
  expect(result.non2xx).toBe(0)
  expect(result.requests.total).toBeGreaterThan(1000)
  // Every request made its JIRA call: nothing is served from a cache.
  expect(sandbox.calls.filter((call) => call.path === '/rest/api/2/issue/JJ-2').length).toBeGreaterThanOrEqual(result.requests.total)
  expect(heapAfter / heapBefore).toBeLessThan(1.1)
  expect(after / before).toBeLessThan(1.5)
}, 60_000)
