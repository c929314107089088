/**
 * `npm run bench`: the gateway against a direct, well-written REST client, side by side in one run.
 *
 * Processes: the sandbox JIRA in its own process (two sandboxes: lean, and one with a JIRA-like
 * 20 ms delay), one gateway process per sandbox (`node --import tsx src/main.ts`), pinned to core 0;
 * the sandbox and this process (the load generator and the direct client) on core 1.
 * Measures (bench/README.md): one issue, fifty issues, field push-down, the signing ceiling and
 * memory; prints a table and writes bench/results.json. Exits 0 when a target is missed (it is a
 * benchmark), but says so loudly; with a speed target missed it also profiles a gateway under the
 * same loads (bench/out/gateway.cpuprofile and bench/out/profile-summary.txt).
 *
 *   node --import tsx bench/run.ts [--quick] [--profile | --no-profile]
 *   BENCH_LOG_LEVEL=warn …          the gateway's LOG_LEVEL (default info, as deployed)
 */
import { generateKeyPairSync } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { DirectJira } from './direct-client.ts'
import { GatewayClient, SINGLE_ISSUE_QUERY, SUMMARY_ONLY_QUERY, batchQuery } from './gateway-client.ts'
import { autocannonRun, interleave, measure, measurePaired, median, medianRatio, pairedRounds, pool, sleep, time, type Call, type LatencySummary } from './measure.ts'
import {
  GATEWAY_CORE,
  LOAD_CORE,
  ROOT,
  cpuSeconds,
  meterCores,
  pinSelf,
  rssKiB,
  startBareProxyProcess,
  startGatewayProcess,
  startSandboxProcess,
  type CoreUse,
  type SandboxName,
} from './processes.ts'
import { summarizeProfile, type CpuProfile } from './profile-summary.ts'
import { evaluateTargets, formatTable, sideBySide, type BatchTimes, type BenchResults } from './report.ts'
import { measureSignRate } from './sign-ceiling.ts'

const argv = new Set(process.argv.slice(2))
const QUICK = argv.has('--quick')
const PROFILE: 'always' | 'never' | 'on-miss' = argv.has('--profile') ? 'always' : argv.has('--no-profile') ? 'never' : 'on-miss'
const LOG_LEVEL = process.env['BENCH_LOG_LEVEL'] ?? 'info'
const CONSUMER_KEY = 'OAuthKey'
const USER = 'alana'
const SLOW_LATENCY_MS = 20
const BULK_ISSUES = 60
const BATCH_KEYS = Array.from({ length: 50 }, (_, i) => `BULK-${i + 1}`)
/** The JIRA fields the gateway asks for `{ key summary status { name } }`; the direct client asks for the same. */
const SINGLE_ISSUE_FIELDS = ['summary', 'status']

/** How long each part runs; --quick is a smoke test of the whole pipeline, not a measurement. */
const PLAN = QUICK
  ? { warmSec: 1, floorRounds: 1, seqRounds: 2, seqMs: 500, c16Rounds: 2, c16Ms: 300, slowSeqRounds: 2, slowSeqMs: 500, slowC16Rounds: 1, slowC16Ms: 300, batchRounds: 2, slowBatchRounds: 1, signRounds: 1, signMs: 500, loadSec: 1, profileSec: 2 }
  : { warmSec: 5, floorRounds: 3, seqRounds: 5, seqMs: 3000, c16Rounds: 8, c16Ms: 1000, slowSeqRounds: 5, slowSeqMs: 2500, slowC16Rounds: 3, slowC16Ms: 1500, batchRounds: 10, slowBatchRounds: 3, signRounds: 3, signMs: 2000, loadSec: 4, profileSec: 6 }

const OUT = join(ROOT, 'bench', 'out')
const started = performance.now()
const log = (message: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`)
const hrUs = () => Number(process.hrtime.bigint() / 1000n)
const myCpuSeconds = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1e6
}

const stoppers: Array<() => Promise<unknown>> = []
async function stopAll(): Promise<void> {
  while (stoppers.length) await stoppers.pop()!().catch(() => undefined)
}
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)))
process.on('uncaughtException', (error) => {
  process.stderr.write(`benchmark failed: ${error.stack ?? String(error)}\n`)
  void stopAll().finally(() => process.exit(1))
})

/** RSS in KiB as the median of a few samples a moment apart (one sample can land just before or after a GC). */
async function steadyRss(pid: number): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    samples.push(rssKiB(pid))
    await sleep(200)
  }
  return median(samples)
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const loadAtStart = loadavg()
  const pinning = pinSelf(LOAD_CORE)
  const pinningText = pinning.enabled ? `gateway on core ${GATEWAY_CORE}; sandbox and load on core ${LOAD_CORE}` : `none (${pinning.note})`
  log(`pinning: ${pinningText}`)

  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const tmp = mkdtempSync(join(tmpdir(), 'jgw-bench-'))
  stoppers.push(async () => rmSync(tmp, { recursive: true, force: true }))

  log('starting the sandbox process and two gateways')
  const sandbox = await startSandboxProcess({
    pinning,
    core: LOAD_CORE,
    consumerKey: CONSUMER_KEY,
    publicKeyPem: keys.publicKey,
    bulkIssues: BULK_ISSUES,
    slowLatencyMs: SLOW_LATENCY_MS,
  })
  stoppers.push(() => sandbox.stop())
  let gatewayCount = 0
  const startGw = (name: SandboxName, nodeArgs: string[] = []) => {
    const id = `${name}-${++gatewayCount}`
    return startGatewayProcess({
      name,
      pinning,
      core: GATEWAY_CORE,
      jiraBaseUrl: sandbox.urls[name],
      consumerKey: CONSUMER_KEY,
      privateKeyPem: keys.privateKey,
      databaseFile: join(tmp, `${id}.db`),
      logFile: join(tmp, `${id}.log`),
      logLevel: LOG_LEVEL,
      nodeArgs,
    })
  }
  const [leanGw, slowGw] = await Promise.all([startGw('lean'), startGw('slow')])
  stoppers.push(
    () => leanGw.stop(),
    () => slowGw.stop(),
  )
  // CPU seconds of what we run on each core, to tell our load from other processes' on a shared machine.
  const ourCpu = {
    [GATEWAY_CORE]: () => cpuSeconds(leanGw.pid) + cpuSeconds(slowGw.pid),
    [LOAD_CORE]: () => cpuSeconds(sandbox.pid) + myCpuSeconds(),
  }

  // Authorize: the gateway through its mutations, the direct client through its own signed dance.
  const approve = (name: SandboxName) => (requestToken: string) => sandbox.approve(name, requestToken, USER)
  const gw = { lean: new GatewayClient(leanGw.url), slow: new GatewayClient(slowGw.url) }
  const direct = {
    lean: new DirectJira(sandbox.urls.lean, CONSUMER_KEY, keys.privateKey),
    slow: new DirectJira(sandbox.urls.slow, CONSUMER_KEY, keys.privateKey),
  }
  for (const name of ['lean', 'slow'] as const) {
    await gw[name].authorize(approve(name))
    await direct[name].authorize(approve(name))
  }

  // The calls being compared.
  const singleBody = GatewayClient.body(SINGLE_ISSUE_QUERY)
  const batchBody = GatewayClient.body(batchQuery(BATCH_KEYS))
  const gwSingle = (name: SandboxName): Call => async () => {
    const result = await gw[name].post(singleBody)
    return !result.errors && result.data?.issue?.key === 'JJ-2'
  }
  const directSingle = (name: SandboxName): Call => {
    const url = direct[name].issueUrl('JJ-2', SINGLE_ISSUE_FIELDS)
    return async () => (await direct[name].get(url)).key === 'JJ-2'
  }
  const gwBatch = async (name: SandboxName) => {
    const result = await gw[name].post(batchBody)
    const missing = BATCH_KEYS.filter((key, i) => result.data?.[`i${i + 1}`]?.key !== key)
    if (result.errors || missing.length) throw new Error(`batch query failed: ${JSON.stringify(result.errors ?? missing)}`)
  }
  const directBatch = (name: SandboxName, concurrency: number) => {
    const urls = BATCH_KEYS.map((key) => direct[name].issueUrl(key, SINGLE_ISSUE_FIELDS))
    return pool(
      urls.map((url) => () => direct[name].get(url)),
      concurrency,
    )
  }
  const load = (url: string, headers: Record<string, string>, body: string, durationSec: number) =>
    autocannonRun({ url: `${url}/graphql`, headers, body, connections: 16, durationSec })

  // Both sides answer correctly before anything is timed.
  for (const name of ['lean', 'slow'] as const) {
    if (!(await gwSingle(name)()) || !(await directSingle(name)())) throw new Error(`single issue failed against ${name}`)
    await gwBatch(name)
  }

  // ---------------------------------------------------------------------------------------
  // Warm-up: every query shape and load pattern of the run, so JIT, pools, caches and the heap's
  // working size are reached before anything is measured. It ends as the run ends (part 4), with
  // 16 connections of single-issue load on the lean gateway, so the two RSS readings compare like
  // with like (the heap right after a full load, e.g. with its per-call time-out timers pending).
  log(`warming up (every query shape on both gateways, then ${PLAN.warmSec} s of load on the lean one)`)
  const rssTimeline: Array<[seconds: number, mib: number]> = []
  const phases: Array<{ phase: string; atSec: number }> = []
  const sinceStart = () => Math.round((performance.now() - started) / 100) / 10
  const phase = (name: string) => phases.push({ phase: name, atSec: sinceStart() })
  phase('warm-up')
  const rssSampler = setInterval(() => rssTimeline.push([sinceStart(), Math.round(rssKiB(leanGw.pid) / 102.4) / 10]), 1000)
  stoppers.push(async () => clearInterval(rssSampler))
  await load(slowGw.url, gw.slow.headers, singleBody, Math.min(2, PLAN.warmSec))
  await measurePaired(gwSingle('slow'), directSingle('slow'), { durationMs: 500 })
  await measure(directSingle('slow'), { concurrency: 16, durationMs: 1000 })
  await Promise.all([gwBatch('slow'), directBatch('slow', 16)])
  await load(leanGw.url, gw.lean.headers, batchBody, Math.min(2, PLAN.warmSec))
  await measurePaired(gwSingle('lean'), directSingle('lean'), { durationMs: 1000 })
  await measure(gwSingle('lean'), { concurrency: 16, durationMs: 1000 })
  await measure(directSingle('lean'), { concurrency: 16, durationMs: 1000 })
  for (let i = 0; i < 5; i++) await Promise.all([gwBatch('lean'), directBatch('lean', 1), directBatch('lean', 16)])
  await gw.lean.query(SUMMARY_ONLY_QUERY)
  await load(leanGw.url, gw.lean.headers, singleBody, PLAN.warmSec)

  const rssAfterWarmupKiB = await steadyRss(leanGw.pid)
  log(`gateway RSS after warm-up: ${(rssAfterWarmupKiB / 1024).toFixed(1)} MiB`)

  // ---------------------------------------------------------------------------------------
  // 1. One issue
  const gwPid = { lean: leanGw.pid, slow: slowGw.pid }
  /** The gateway's CPU time per request over a measurement: the work it does per query (median over rounds). */
  const withGatewayCpu = async (name: SandboxName, task: () => Promise<LatencySummary>): Promise<LatencySummary & { cpuMs: number }> => {
    const before = cpuSeconds(gwPid[name])
    const summary = await task()
    return { ...summary, cpuMs: ((cpuSeconds(gwPid[name]) - before) * 1000) / (summary.requests + summary.errors) }
  }
  const sequential = async (name: SandboxName, rounds: number, durationMs: number) => {
    await sandbox.resetCalls(name)
    const [gateway, directs] = await pairedRounds(gwSingle(name), directSingle(name), { rounds, durationMs, wrap: (round) => withGatewayCpu(name, round) })
    return { ...sideBySide(gateway, directs, median), gatewayCpuMsPerRequest: median(gateway.map((g) => g.cpuMs)) }
  }
  const concurrent = async (name: SandboxName, rounds: number, durationMs: number) => {
    await sandbox.resetCalls(name)
    const result = await interleave(rounds, {
      gateway: () => withGatewayCpu(name, () => measure(gwSingle(name), { concurrency: 16, durationMs })),
      direct: () => measure(directSingle(name), { concurrency: 16, durationMs }),
    })
    const gateway = result.gateway as Array<LatencySummary & { cpuMs: number }>
    return { ...sideBySide(gateway, result.direct as LatencySummary[], median), gatewayCpuMsPerRequest: median(gateway.map((g) => g.cpuMs)) }
  }
  phase('1. one issue')
  const singleMeter = meterCores(ourCpu)
  log(`1. one issue, lean: sequential, gateway and direct alternated request by request, ${PLAN.seqRounds} rounds × ${PLAN.seqMs} ms`)
  const leanSeq = await sequential('lean', PLAN.seqRounds, PLAN.seqMs)
  log(`   gateway p50 ${leanSeq.gatewayP50Ms.toFixed(3)} ms, direct ${leanSeq.directP50Ms.toFixed(3)} ms, ratio ${leanSeq.p50Ratio.toFixed(2)}`)
  log(`1. one issue, lean: 16 in flight, ${PLAN.c16Rounds} rounds × ${PLAN.c16Ms} ms a side`)
  const leanC16 = await concurrent('lean', PLAN.c16Rounds, PLAN.c16Ms)
  const singleNoise = singleMeter()
  log(`1. one issue, ${SLOW_LATENCY_MS} ms: sequential, ${PLAN.slowSeqRounds} rounds × ${PLAN.slowSeqMs} ms`)
  const slowSeq = await sequential('slow', PLAN.slowSeqRounds, PLAN.slowSeqMs)
  log(`   gateway p50 ${slowSeq.gatewayP50Ms.toFixed(3)} ms, direct ${slowSeq.directP50Ms.toFixed(3)} ms, ratio ${slowSeq.p50Ratio.toFixed(3)}`)
  const slowC16 = await concurrent('slow', PLAN.slowC16Rounds, PLAN.slowC16Ms)

  // Every gateway query made its own JIRA call: counted over a sequential stretch.
  await sandbox.resetCalls('lean')
  const counted = await measure(gwSingle('lean'), { concurrency: 1, durationMs: 400 })
  const countedCalls = (await sandbox.calls('lean')).byPath['/rest/api/2/issue/JJ-2']?.calls ?? 0
  const upstreamCallsPerQuery = countedCalls / (counted.requests + counted.errors)

  // ---------------------------------------------------------------------------------------
  // 2. Fifty issues
  phase('2. fifty issues')
  await sandbox.resetCalls('lean')
  await gwBatch('lean')
  const batchCalls = await sandbox.calls('lean', true)
  await sandbox.resetCalls('lean')
  await directBatch('lean', 1)
  const directBatchCalls = await sandbox.calls('lean')
  // The one call the gateway made for the 50 issues, made directly: what JIRA itself takes for it.
  const upstream = batchCalls.list?.length === 1 && batchCalls.list[0]!.method === 'GET' ? batchCalls.list[0]! : undefined
  const sameCall = (name: SandboxName) => {
    if (!upstream) return undefined
    const url = direct[name].restUrl(upstream.path, upstream.query)
    return () => direct[name].getJson(url)
  }
  const batchTimes = async (name: SandboxName, rounds: number, gatewayRepeats: number): Promise<BatchTimes & { sameCallMs: number }> => {
    const repeat = async (times: number, task: () => Promise<unknown>) => {
      const samples: number[] = []
      for (let i = 0; i < times; i++) samples.push(await time(task))
      return median(samples)
    }
    const same = sameCall(name)
    const result = await interleave(rounds, {
      gateway: () => repeat(gatewayRepeats, () => gwBatch(name)),
      sequential: () => time(() => directBatch(name, 1)),
      concurrent16: () => time(() => directBatch(name, 16)),
      sameCall: () => (same ? repeat(gatewayRepeats, same) : Promise.resolve(Number.NaN)),
    })
    const g = result.gateway as number[]
    const s = result.sequential as number[]
    const c = result.concurrent16 as number[]
    return {
      gatewayMs: median(g),
      directSequentialMs: median(s),
      directConcurrent16Ms: median(c),
      speedupVsSequential: medianRatio(s, g),
      speedupVsConcurrent16: medianRatio(c, g),
      sameCallMs: median(result.sameCall as number[]),
      rounds,
    }
  }
  log(`2. fifty issues, lean: ${PLAN.batchRounds} rounds`)
  const leanBatch = await batchTimes('lean', PLAN.batchRounds, 3)
  log(`   gateway ${leanBatch.gatewayMs.toFixed(2)} ms (its JIRA call alone ${leanBatch.sameCallMs.toFixed(2)} ms), 50 sequential ${leanBatch.directSequentialMs.toFixed(2)} ms: ${leanBatch.speedupVsSequential.toFixed(1)}×`)
  log(`2. fifty issues, ${SLOW_LATENCY_MS} ms: ${PLAN.slowBatchRounds} rounds`)
  await sandbox.resetCalls('slow')
  await gwBatch('slow')
  const slowBatchCalls = (await sandbox.calls('slow')).restCalls
  const slowBatch = await batchTimes('slow', PLAN.slowBatchRounds, 3)

  // ---------------------------------------------------------------------------------------
  // 3. Field push-down
  log('3. field push-down')
  phase('3. field push-down')
  const onlyCall = async (task: () => Promise<unknown>) => {
    await sandbox.resetCalls('lean')
    await task()
    const calls = (await sandbox.calls('lean', true)).list!
    if (calls.length !== 1) throw new Error(`expected one JIRA call, saw ${calls.length}: ${JSON.stringify(calls.map((c) => c.path))}`)
    return calls[0]!
  }
  const summaryCall = await onlyCall(async () => {
    const result = await gw.lean.query(SUMMARY_ONLY_QUERY)
    if (result.errors || !result.data?.issue?.summary) throw new Error(`summary query failed: ${JSON.stringify(result.errors)}`)
  })
  const threeFieldCall = await onlyCall(() => gw.lean.post(singleBody))
  const fullCall = await onlyCall(() => direct.lean.get(direct.lean.issueUrl('JJ-2')))

  // ---------------------------------------------------------------------------------------
  // 4. The signing ceiling: signs/s on the gateway's core (the gateway idle), against the
  // gateway's req/s with that core to itself (the load and the sandbox on the other core).
  phase('4. signing ceiling')
  log(`4. signing ceiling: ${PLAN.signRounds} rounds of ${PLAN.signMs} ms signing / ${PLAN.loadSec} s of gateway load`)
  const signUrl = `${sandbox.urls.lean}/rest/api/2/issue/JJ-2?fields=status%2Csummary`
  const loadRuns: Array<{ rps: number; capacity: number; cpuMs: number; p50Ms: number; p99Ms: number; errors: number; gatewayCpu: number; sandboxCpu: number; loadCpu: number; callsPerQuery: number; noise: CoreUse }> = []
  const signRuns: Array<{ perSec: number; perCpuSec: number }> = []
  await interleave(PLAN.signRounds, {
    sign: async () => {
      const rate = await measureSignRate(pinning, GATEWAY_CORE, 'signer', PLAN.signMs, keys.privateKey, signUrl)
      signRuns.push({ perSec: rate.signsPerSec, perCpuSec: rate.signsPerCpuSec })
    },
    load: async () => {
      await sandbox.resetCalls('lean')
      const meter = meterCores(ourCpu)
      const cpu0 = { gw: cpuSeconds(leanGw.pid), sb: cpuSeconds(sandbox.pid), me: myCpuSeconds(), at: performance.now() }
      const run = await load(leanGw.url, gw.lean.headers, singleBody, PLAN.loadSec)
      const wall = (performance.now() - cpu0.at) / 1000
      const noise = meter()
      const gatewayCpu = (cpuSeconds(leanGw.pid) - cpu0.gw) / wall
      const calls = await sandbox.calls('lean')
      loadRuns.push({
        rps: run.rps,
        // what the gateway would serve with its core all to itself: requests per CPU second it used
        capacity: run.rps / gatewayCpu,
        cpuMs: (gatewayCpu * 1000) / run.rps,
        p50Ms: run.p50Ms,
        p99Ms: run.p99Ms,
        errors: run.errors + run.non2xx + (calls.restCalls - (calls.statuses['200'] ?? 0)),
        gatewayCpu,
        sandboxCpu: (cpuSeconds(sandbox.pid) - cpu0.sb) / wall,
        loadCpu: (myCpuSeconds() - cpu0.me) / wall,
        callsPerQuery: (calls.byPath['/rest/api/2/issue/JJ-2']?.calls ?? 0) / run.requests,
        noise,
      })
    },
  })

  // ---------------------------------------------------------------------------------------
  // 5. Memory, at the end of the run: right after its last load round, as after the warm-up.
  // (interleave's ABBA order ends every odd number of rounds with `load`.)
  const rssEndKiB = await steadyRss(leanGw.pid)
  clearInterval(rssSampler)
  const rssMaxKiB = Math.max(rssAfterWarmupKiB, rssEndKiB, ...rssTimeline.filter(([at]) => at >= phases[1]!.atSec).map(([, mib]) => mib * 1024))

  const raw = await measureSignRate(pinning, GATEWAY_CORE, 'raw', Math.min(1000, PLAN.signMs), keys.privateKey, signUrl)
  const pem = await measureSignRate(pinning, GATEWAY_CORE, 'pem', Math.min(1000, PLAN.signMs), keys.privateKey, signUrl)

  // ---------------------------------------------------------------------------------------
  // The floor (bench/bare-proxy.ts), a reference: started and measured after everything above, on
  // the gateway's core, so it cannot disturb the gateway's figures (run in part 1, it left the
  // gateway's later parts measurably slower). It acts with a token from a dance of its own.
  phase('the floor')
  const floorTargets = {} as Record<SandboxName, { url: string; token: string }>
  for (const name of ['lean', 'slow'] as const) {
    const own = new DirectJira(sandbox.urls[name], CONSUMER_KEY, keys.privateKey)
    await own.authorize(approve(name))
    floorTargets[name] = { url: own.issueUrl('JJ-2', SINGLE_ISSUE_FIELDS), token: own.accessToken! }
  }
  const bare = await startBareProxyProcess({ pinning, core: GATEWAY_CORE, consumerKey: CONSUMER_KEY, privateKeyPem: keys.privateKey, targets: floorTargets })
  stoppers.push(() => bare.stop())
  const floorClient = { lean: new GatewayClient(bare.urls.lean), slow: new GatewayClient(bare.urls.slow) }
  const floorSingle = (name: SandboxName): Call => async () => (await floorClient[name].post(singleBody)).data?.issue?.key === 'JJ-2'
  for (const name of ['lean', 'slow'] as const) if (!(await floorSingle(name)())) throw new Error(`the floor failed against ${name}`)
  /** Against direct, measured the same way: what is left for any Node gateway to win. */
  const floorSequential = async (name: SandboxName, rounds: number, durationMs: number) =>
    sideBySide(...(await pairedRounds(floorSingle(name), directSingle(name), { rounds, durationMs })), median)
  await measurePaired(floorSingle('lean'), directSingle('lean'), { durationMs: 1000 })
  await measurePaired(floorSingle('slow'), directSingle('slow'), { durationMs: 500 })
  log(`the floor, lean: a bare sign-and-forward proxy against direct, ${PLAN.floorRounds} rounds × ${PLAN.seqMs} ms`)
  const leanFloor = await floorSequential('lean', PLAN.floorRounds, PLAN.seqMs)
  log(`   floor p50 ${leanFloor.gatewayP50Ms.toFixed(3)} ms, direct ${leanFloor.directP50Ms.toFixed(3)} ms, ratio ${leanFloor.p50Ratio.toFixed(2)}`)
  log(`the floor, ${SLOW_LATENCY_MS} ms: ${PLAN.floorRounds} rounds × ${PLAN.slowSeqMs} ms`)
  const slowFloor = await floorSequential('slow', PLAN.floorRounds, PLAN.slowSeqMs)
  log(`   floor p50 ${slowFloor.gatewayP50Ms.toFixed(3)} ms, direct ${slowFloor.directP50Ms.toFixed(3)} ms, ratio ${slowFloor.p50Ratio.toFixed(3)}`)
  await bare.stop()

  const medianOf = (pick: (r: (typeof loadRuns)[number]) => number) => median(loadRuns.map(pick))
  const results: Omit<BenchResults, 'targets' | 'missed'> = {
    singleIssue: {
      gatewayP50Ms: leanSeq.gatewayP50Ms,
      directP50Ms: leanSeq.directP50Ms,
      ratio: leanSeq.p50Ratio,
      ratioAt20ms: slowSeq.p50Ratio,
      gatewayP99Ms: leanSeq.gatewayP99Ms,
      directP99Ms: leanSeq.directP99Ms,
      gatewayRps: leanSeq.gatewayRps,
      directRps: leanSeq.directRps,
      sequential: leanSeq,
      concurrent16: leanC16,
      at20ms: { sequential: slowSeq, concurrent16: slowC16, latencyMs: SLOW_LATENCY_MS },
      upstreamCallsPerQuery,
      floor: { sequential: leanFloor, at20ms: slowFloor },
      targets: { ratio: 1.6, ratioAt20ms: 1.05 },
    },
    batch50: {
      ...leanBatch,
      upstreamCalls: batchCalls.restCalls,
      directUpstreamCalls: directBatchCalls.restCalls,
      upstreamCall: (batchCalls.list ?? []).map((c) => `${c.method} ${c.path}?${new URLSearchParams(c.query)}`).join('; '),
      upstreamBytes: batchCalls.restBytes,
      at20ms: { ...slowBatch, upstreamCalls: slowBatchCalls },
      targets: { upstreamCalls: 1, speedupVsSequential: 10 },
    },
    fieldPushdown: {
      bytesRatio: summaryCall.bytes / fullCall.bytes,
      summaryOnlyBytes: summaryCall.bytes,
      fullIssueBytes: fullCall.bytes,
      fieldsAsked: summaryCall.query['fields'] ?? '(all)',
      singleIssueQueryBytes: threeFieldCall.bytes,
      target: 0.1,
    },
    signCeiling: {
      signsPerSec: median(signRuns.map((r) => r.perCpuSec)),
      gatewayRps: medianOf((r) => r.capacity),
      share: medianRatio(
        loadRuns.map((r) => r.capacity),
        signRuns.map((r) => r.perCpuSec),
      ),
      wallClock: {
        signsPerSec: median(signRuns.map((r) => r.perSec)),
        gatewayRps: medianOf((r) => r.rps),
        share: medianRatio(
          loadRuns.map((r) => r.rps),
          signRuns.map((r) => r.perSec),
        ),
      },
      rawSignsPerSec: raw.signsPerCpuSec,
      pemParseAndSignPerSec: pem.signsPerCpuSec,
      gatewayP50Ms: medianOf((r) => r.p50Ms),
      gatewayP99Ms: medianOf((r) => r.p99Ms),
      gatewayCpuCores: medianOf((r) => r.gatewayCpu),
      gatewayCpuMsPerRequest: medianOf((r) => r.cpuMs),
      sandboxCpuCores: medianOf((r) => r.sandboxCpu),
      loadGeneratorCpuCores: medianOf((r) => r.loadCpu),
      upstreamCallsPerQuery: medianOf((r) => r.callsPerQuery),
      errors: loadRuns.reduce((sum, r) => sum + r.errors, 0),
      rounds: PLAN.signRounds,
      target: 0.4,
    },
    memory: {
      rssGrowth: rssEndKiB / rssAfterWarmupKiB - 1,
      rssAfterWarmupKiB,
      rssEndKiB,
      rssMaxKiB,
      timeline: rssTimeline,
      phases,
      target: 0.1,
    },
    machine: {
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      date: new Date().toISOString(),
      pinning: pinningText,
      loadAverage: loadAtStart,
      loadAverageEnd: loadavg(),
      noise: { singleIssue: singleNoise, signCeiling: loadRuns.map((r) => r.noise) },
      sandboxNonceStore: sandbox.nonceStore,
      gatewayLogLevel: LOG_LEVEL,
      durationSec: 0,
      mode: QUICK ? 'quick' : 'full',
    },
  }
  const targets = evaluateTargets(results)
  const missed = targets.filter((t) => !t.pass).map((t) => t.name)

  // ---------------------------------------------------------------------------------------
  // Where the time goes: a CPU profile of a fresh gateway under the single-issue load, then
  // under sequential fifty-issue queries (two windows of one profile).
  const speedMissed = missed.some((name) => name.startsWith('singleIssue.ratio') || name === 'signCeiling.share' || name === 'batch50.speedupVsSequential')
  let profile: BenchResults['profile']
  let profileText = ''
  if (PROFILE === 'always' || (PROFILE === 'on-miss' && speedMissed)) {
    log(`profiling a fresh gateway (node --cpu-prof): ${PLAN.profileSec} s of single-issue load, then ${PLAN.profileSec / 2} s of fifty-issue queries`)
    await slowGw.stop()
    await leanGw.stop()
    // No --cpu-prof-name: tsx's module loader runs in a worker thread that writes a profile of its
    // own, and with one name the two overwrite each other. Node's names carry the thread id (0 = main).
    const profileDir = join(tmp, 'profile')
    const profiled = await startGw('lean', ['--cpu-prof', `--cpu-prof-dir=${profileDir}`])
    stoppers.push(() => profiled.stop())
    const client = new GatewayClient(profiled.url)
    await client.authorize(approve('lean'))
    await load(profiled.url, client.headers, singleBody, Math.min(3, PLAN.warmSec))
    for (let i = 0; i < 20; i++) await client.post(batchBody)
    const singleFrom = hrUs()
    await load(profiled.url, client.headers, singleBody, PLAN.profileSec)
    const singleTo = hrUs()
    const batchFrom = hrUs()
    await measure(async () => !(await client.post(batchBody)).errors, { concurrency: 1, durationMs: (PLAN.profileSec / 2) * 1000 })
    const batchTo = hrUs()
    await profiled.stop()
    const written = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))
    const mainThread =
      written.find((name) => name.includes(`.${profiled.pid}.0.`)) ?? written.sort((a, b) => statSync(join(profileDir, b)).size - statSync(join(profileDir, a)).size)[0]
    if (!mainThread) throw new Error(`node --cpu-prof wrote no profile in ${profileDir}`)
    for (const file of readdirSync(OUT)) if (file.endsWith('.cpuprofile')) rmSync(join(OUT, file))
    const file = join(OUT, 'gateway.cpuprofile')
    copyFileSync(join(profileDir, mainThread), file)
    const cpuProfile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
    const single = summarizeProfile(cpuProfile, {
      fromUs: singleFrom,
      toUs: singleTo,
      title: `CPU profile of the gateway (pinned to core ${GATEWAY_CORE}) under ${PLAN.profileSec} s of single-issue load, 16 connections`,
    })
    const batch = summarizeProfile(cpuProfile, {
      fromUs: batchFrom,
      toUs: batchTo,
      top: 20,
      title: `CPU profile of the same gateway answering the fifty-issue query, one at a time, for ${PLAN.profileSec / 2} s (idle = waiting for the sandbox or the client)`,
    })
    profileText = `${single.text}\n\n${batch.text}`
    writeFileSync(join(OUT, 'profile-summary.txt'), `${profileText}\n`)
    const top = (summary: typeof single) => summary.functions.slice(0, 15).map((f) => ({ name: f.name, selfShare: f.selfShare, totalShare: f.totalShare }))
    profile = {
      file: 'bench/out/gateway.cpuprofile',
      summaryFile: 'bench/out/profile-summary.txt',
      singleIssue: { idleShare: single.idleShare, areas: single.areas.slice(0, 15), top: top(single) },
      batch50: { idleShare: batch.idleShare, areas: batch.areas.slice(0, 15), top: top(batch) },
    }
  }

  await stopAll()
  results.machine.durationSec = (performance.now() - started) / 1000
  const final: BenchResults = { ...results, ...(profile ? { profile } : {}), targets, missed }
  // A --quick run's figures mean little: they do not replace the full run's committed results.
  const resultsFile = QUICK ? join('bench', 'out', 'results-quick.json') : join('bench', 'results.json')
  writeFileSync(join(ROOT, resultsFile), `${JSON.stringify(final, null, 2)}\n`)
  process.stdout.write(`\n${formatTable(final)}\n`)
  if (profileText) process.stdout.write(`\n${profileText}\n`)
  process.stdout.write(`\nwrote ${resultsFile}${profile ? ', bench/out/gateway.cpuprofile and bench/out/profile-summary.txt' : ''}\n`)
}

main().catch(async (error: unknown) => {
  process.stderr.write(`benchmark failed: ${(error as Error).stack ?? String(error)}\n`)
  await stopAll()
  process.exit(1)
})
