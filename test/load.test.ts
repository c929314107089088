// A bounded load run against the gateway as its own process: zero errors and flat memory.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Sandbox } from '../sandbox/index.ts'
import { startChildGateway, type ChildGateway } from './helpers/child-gateway.ts'
import { CONSUMER_KEY, authorize, makeKeyPair, startTestSandbox, tempDir } from './helpers/harness.ts'

const keys = makeKeyPair()
const tmp = tempDir()
let sandbox: Sandbox
let gateway: ChildGateway

beforeAll(async () => {
  sandbox = await startTestSandbox(keys)
  gateway = await startChildGateway({ JIRA_BASE_URL: sandbox.url, JIRA_PRIVATE_KEY: keys.privateKeyPem, JIRA_CONSUMER_KEY: CONSUMER_KEY, DATABASE_URL: `file:${join(tmp.dir, 'load.db')}` })
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
  // Once a second, the V8 heap in use (from the gateway's own /metrics) and RSS: a leak shows as a
  // rise from the first part of the run to the last; a plateau's sawtooth does not (medians, so one
  // GC pause or spike does not decide). Most of RSS is not the JS heap (native allocators, WASM),
  // so RSS only gets a coarse bound.
  const heap: number[] = []
  const rss: number[] = []
  const sampler = setInterval(() => {
    rss.push(rssKiB(gateway.process.pid!))
    void fetch(`${gateway.url}/metrics`)
      .then((response) => response.text())
      .then((text) => heap.push(Number(/^nodejs_heap_size_used_bytes (\d+)/m.exec(text)?.[1])))
  }, 1000)
  const result = await run(token, 20)
  clearInterval(sampler)
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  const heapBefore = median(heap.slice(2, 8))
  const heapAfter = median(heap.slice(-6))
  const before = median(rss.slice(2, 8))
  const after = median(rss.slice(-6))
  console.log(
    `load: ${result.requests.total} requests, ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
      `heap median ${(heapBefore / 1e6).toFixed(1)} → ${(heapAfter / 1e6).toFixed(1)} MB; RSS median ${before} → ${after} KiB`,
  )
  expect(result.errors).toBe(0)
  expect(result.timeouts).toBe(0)
  expect(result.non2xx).toBe(0)
  expect(result.requests.total).toBeGreaterThan(1000)
  // Every request made its JIRA call: nothing is served from a cache.
  expect(sandbox.calls.filter((call) => call.path === '/rest/api/2/issue/JJ-2').length).toBeGreaterThanOrEqual(result.requests.total)
  expect(heap.length).toBeGreaterThanOrEqual(15)
  expect(heapAfter / heapBefore).toBeLessThan(1.2)
  expect(after / before).toBeLessThan(1.5)
}, 60_000)
