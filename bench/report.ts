/**
 * The benchmark's results (the shape of bench/results.json), its targets, and the table it prints.
 */
import type { LatencySummary } from './measure.ts'
import type { CoreUse } from './processes.ts'

export interface SideBySide {
  gatewayP50Ms: number
  directP50Ms: number
  gatewayP99Ms: number
  directP99Ms: number
  gatewayRps: number
  directRps: number
  /** median over rounds of gateway p50 / direct p50 */
  p50Ratio: number
  /** lowest and highest per-round p50 ratio: how steady the machine was */
  p50RatioRange: [number, number]
  /** median over rounds of gateway p99 / direct p99 */
  p99Ratio: number
  /** median over rounds of gateway req/s / direct req/s */
  rpsRatio: number
  rounds: number
  /** CPU time the gateway process used per request (all its threads), median over rounds */
  gatewayCpuMsPerRequest?: number
  requests: { gateway: number; direct: number }
  errors: { gateway: number; direct: number }
}

export interface BatchTimes {
  gatewayMs: number
  /** the one JIRA call the gateway made for the 50 issues, made directly: JIRA's own share of gatewayMs */
  sameCallMs?: number
  directSequentialMs: number
  directConcurrent16Ms: number
  speedupVsSequential: number
  speedupVsConcurrent16: number
  rounds: number
}

export interface ProfileDigest {
  idleShare: number
  areas: Array<{ name: string; selfShare: number }>
  top: Array<{ name: string; selfShare: number; totalShare?: number }>
}

export interface BenchResults {
  singleIssue: {
    gatewayP50Ms: number
    directP50Ms: number
    ratio: number
    ratioAt20ms: number
    gatewayP99Ms: number
    directP99Ms: number
    gatewayRps: number
    directRps: number
    sequential: SideBySide
    concurrent16: SideBySide
    at20ms: { sequential: SideBySide; concurrent16: SideBySide; latencyMs: number }
    /**
     * The floor (bench/bare-proxy.ts): a bare Node sign-and-forward proxy, no GraphQL, against
     * direct, measured the same way; its `gateway*` fields are the proxy's. What any Node gateway
     * that keeps the extra HTTP hop pays.
     */
    floor: { sequential: SideBySide; at20ms: SideBySide }
    /** JIRA calls the sandbox served per gateway query (1 = nothing cached). */
    upstreamCallsPerQuery: number
    targets: { ratio: number; ratioAt20ms: number }
  }
  batch50: BatchTimes & {
    upstreamCalls: number
    directUpstreamCalls: number
    upstreamCall: string
    upstreamBytes: number
    at20ms: BatchTimes & { upstreamCalls: number }
    targets: { upstreamCalls: number; speedupVsSequential: number }
  }
  fieldPushdown: {
    bytesRatio: number
    summaryOnlyBytes: number
    fullIssueBytes: number
    /** the `fields` the gateway asked JIRA for, for `{ summary }` */
    fieldsAsked: string
    /** bytes for the single-issue query `{ key summary status { name } }` */
    singleIssueQueryBytes: number
    target: number
  }
  /**
   * Rates per CPU second (signs per CPU second of the signing process; gateway requests per CPU
   * second of the gateway process): what one core does when it is all ours, which other processes
   * on a shared machine cannot skew. `wallClock` has the same figures per elapsed second.
   */
  signCeiling: {
    signsPerSec: number
    gatewayRps: number
    share: number
    wallClock: { signsPerSec: number; gatewayRps: number; share: number }
    rawSignsPerSec: number
    pemParseAndSignPerSec: number
    gatewayP50Ms: number
    gatewayP99Ms: number
    /** CPU the gateway used during the load, in cores (1 = its core was saturated) */
    gatewayCpuCores: number
    /** CPU time per request at saturation: 1000 / gatewayRps */
    gatewayCpuMsPerRequest: number
    /** CPU the sandbox and the load generator used on the other core, in cores */
    sandboxCpuCores: number
    loadGeneratorCpuCores: number
    upstreamCallsPerQuery: number
    errors: number
    rounds: number
    target: number
  }
  memory: {
    rssGrowth: number
    rssAfterWarmupKiB: number
    rssEndKiB: number
    rssMaxKiB: number
    /** [seconds since start, MiB] once a second, and when each part began */
    timeline: Array<[number, number]>
    phases: Array<{ phase: string; atSec: number }>
    target: number
  }
  profile?: {
    file: string
    summaryFile: string
    singleIssue: ProfileDigest
    batch50: ProfileDigest
  }
  targets: Array<{ name: string; value: number; target: string; pass: boolean }>
  missed: string[]
  machine: {
    cpuModel: string
    cores: number
    memoryGiB: number
    node: string
    platform: string
    date: string
    pinning: string
    loadAverage: number[]
    loadAverageEnd: number[]
    /** CPU other processes took from our two cores (the machine is shared): during part 1, and during each load round of part 4 */
    noise: { singleIssue: CoreUse; signCeiling: CoreUse[] }
    /** the sandbox's nonce store (indexed since the bench showed the old linear scan dominating) */
    sandboxNonceStore: string
    gatewayLogLevel: string
    durationSec: number
    mode: 'full' | 'quick'
  }
}

/** Per-round summaries of both sides → medians and per-round ratios. */
export function sideBySide(gateway: LatencySummary[], direct: LatencySummary[], median: (v: number[]) => number): SideBySide {
  const ratio = (pick: (s: LatencySummary) => number) => median(gateway.map((g, i) => pick(g) / pick(direct[i]!)))
  const sum = (list: LatencySummary[], pick: (s: LatencySummary) => number) => list.reduce((total, s) => total + pick(s), 0)
  return {
    gatewayP50Ms: median(gateway.map((s) => s.p50Ms)),
    directP50Ms: median(direct.map((s) => s.p50Ms)),
    gatewayP99Ms: median(gateway.map((s) => s.p99Ms)),
    directP99Ms: median(direct.map((s) => s.p99Ms)),
    gatewayRps: median(gateway.map((s) => s.rps)),
    directRps: median(direct.map((s) => s.rps)),
    p50Ratio: ratio((s) => s.p50Ms),
    p50RatioRange: [Math.min(...gateway.map((g, i) => g.p50Ms / direct[i]!.p50Ms)), Math.max(...gateway.map((g, i) => g.p50Ms / direct[i]!.p50Ms))],
    p99Ratio: ratio((s) => s.p99Ms),
    rpsRatio: ratio((s) => s.rps),
    rounds: gateway.length,
    requests: { gateway: sum(gateway, (s) => s.requests), direct: sum(direct, (s) => s.requests) },
    errors: { gateway: sum(gateway, (s) => s.errors), direct: sum(direct, (s) => s.errors) },
  }
}

export function evaluateTargets(r: Omit<BenchResults, 'targets' | 'missed'>): BenchResults['targets'] {
  return [
    { name: 'singleIssue.ratio', value: r.singleIssue.ratio, target: `≤ ${r.singleIssue.targets.ratio}`, pass: r.singleIssue.ratio <= r.singleIssue.targets.ratio },
    { name: 'singleIssue.ratioAt20ms', value: r.singleIssue.ratioAt20ms, target: `≤ ${r.singleIssue.targets.ratioAt20ms}`, pass: r.singleIssue.ratioAt20ms <= r.singleIssue.targets.ratioAt20ms },
    { name: 'singleIssue.upstreamCallsPerQuery', value: r.singleIssue.upstreamCallsPerQuery, target: '≥ 1 (no JIRA data cached)', pass: r.singleIssue.upstreamCallsPerQuery >= 0.999 },
    { name: 'batch50.upstreamCalls', value: r.batch50.upstreamCalls, target: `= ${r.batch50.targets.upstreamCalls}`, pass: r.batch50.upstreamCalls === r.batch50.targets.upstreamCalls },
    { name: 'batch50.speedupVsSequential', value: r.batch50.speedupVsSequential, target: `≥ ${r.batch50.targets.speedupVsSequential}`, pass: r.batch50.speedupVsSequential >= r.batch50.targets.speedupVsSequential },
    { name: 'fieldPushdown.bytesRatio', value: r.fieldPushdown.bytesRatio, target: `≤ ${r.fieldPushdown.target}`, pass: r.fieldPushdown.bytesRatio <= r.fieldPushdown.target },
    { name: 'signCeiling.share', value: r.signCeiling.share, target: `≥ ${r.signCeiling.target}`, pass: r.signCeiling.share >= r.signCeiling.target },
    { name: 'memory.rssGrowth', value: r.memory.rssGrowth, target: `< ${r.memory.target}`, pass: r.memory.rssGrowth < r.memory.target },
  ]
}

// ---------------------------------------------------------------------------------------------
// The table

const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '–')
const rps = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')}/s` : '–')
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–')
const range = ([low, high]: [number, number]) => `${low.toFixed(2)}–${high.toFixed(2)}×`
const pct = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '–')
const bytes = (value: number) => `${value.toLocaleString('en-US')} B`
const kib = (value: number) => `${(value / 1024).toFixed(1)} MiB`

type Row = [metric: string, gateway: string, direct: string, value: string, target: string, verdict: string] | string

function verdict(pass: boolean | undefined): string {
  return pass === undefined ? '' : pass ? 'PASS' : 'MISS  <<<'
}

export function formatTable(r: BenchResults): string {
  const pass = (name: string) => r.targets.find((t) => t.name === name)?.pass
  const s = r.singleIssue
  const b = r.batch50
  const rows: Row[] = [
    ['', 'gateway', 'direct', 'gw/direct', 'target', ''],
    `1. One issue { issue(key) { key summary status { name } } }, lean sandbox (${s.sequential.rounds} rounds, medians)`,
    ['   sequential p50', ms(s.sequential.gatewayP50Ms), ms(s.sequential.directP50Ms), times(s.ratio), `≤ ${s.targets.ratio}×`, verdict(pass('singleIssue.ratio'))],
    ['     (per-round ratio range)', '', '', range(s.sequential.p50RatioRange), '', ''],
    ['   floor: bare Node proxy, no GraphQL, p50', ms(s.floor.sequential.gatewayP50Ms), ms(s.floor.sequential.directP50Ms), times(s.floor.sequential.p50Ratio), 'reference', ''],
    ['   sequential p99', ms(s.sequential.gatewayP99Ms), ms(s.sequential.directP99Ms), times(s.sequential.p99Ratio), '', ''],
    ['   sequential throughput', rps(s.sequential.gatewayRps), rps(s.sequential.directRps), times(s.sequential.rpsRatio), '', ''],
    ['   16 in flight p50', ms(s.concurrent16.gatewayP50Ms), ms(s.concurrent16.directP50Ms), times(s.concurrent16.p50Ratio), '', ''],
    ['   16 in flight p99', ms(s.concurrent16.gatewayP99Ms), ms(s.concurrent16.directP99Ms), times(s.concurrent16.p99Ratio), '', ''],
    ['   16 in flight throughput', rps(s.concurrent16.gatewayRps), rps(s.concurrent16.directRps), times(s.concurrent16.rpsRatio), '', ''],
    ['   gateway CPU per request: sequential / 16', `${ms(s.sequential.gatewayCpuMsPerRequest ?? Number.NaN)} / ${ms(s.concurrent16.gatewayCpuMsPerRequest ?? Number.NaN)}`, '', '', '', ''],
    `   with a JIRA-like ${s.at20ms.latencyMs} ms delay on every REST answer`,
    ['   sequential p50', ms(s.at20ms.sequential.gatewayP50Ms), ms(s.at20ms.sequential.directP50Ms), times(s.ratioAt20ms), `≤ ${s.targets.ratioAt20ms}×`, verdict(pass('singleIssue.ratioAt20ms'))],
    ['     (per-round ratio range)', '', '', range(s.at20ms.sequential.p50RatioRange), '', ''],
    ['   floor: bare Node proxy, no GraphQL, p50', ms(s.floor.at20ms.gatewayP50Ms), ms(s.floor.at20ms.directP50Ms), times(s.floor.at20ms.p50Ratio), 'reference', ''],
    ['   sequential p99', ms(s.at20ms.sequential.gatewayP99Ms), ms(s.at20ms.sequential.directP99Ms), times(s.at20ms.sequential.p99Ratio), '', ''],
    ['   16 in flight p50', ms(s.at20ms.concurrent16.gatewayP50Ms), ms(s.at20ms.concurrent16.directP50Ms), times(s.at20ms.concurrent16.p50Ratio), '', ''],
    ['   16 in flight throughput', rps(s.at20ms.concurrent16.gatewayRps), rps(s.at20ms.concurrent16.directRps), times(s.at20ms.concurrent16.rpsRatio), '', ''],
    ['   gateway CPU per request: sequential / 16', `${ms(s.at20ms.sequential.gatewayCpuMsPerRequest ?? Number.NaN)} / ${ms(s.at20ms.concurrent16.gatewayCpuMsPerRequest ?? Number.NaN)}`, '', '', '', ''],
    ['   JIRA calls per gateway query', s.upstreamCallsPerQuery.toFixed(3), '', '', '≥ 1 (no cache)', verdict(pass('singleIssue.upstreamCallsPerQuery'))],
    `2. Fifty issues: one aliased query vs 50 direct calls (${b.rounds} rounds, medians)`,
    ['   JIRA calls', String(b.upstreamCalls), String(b.directUpstreamCalls), '', '= 1', verdict(pass('batch50.upstreamCalls'))],
    ['   time vs 50 sequential', ms(b.gatewayMs), ms(b.directSequentialMs), `${b.speedupVsSequential.toFixed(1)}× faster`, '≥ 10× faster', verdict(pass('batch50.speedupVsSequential'))],
    ['   time vs 50, 16 at a time', ms(b.gatewayMs), ms(b.directConcurrent16Ms), `${b.speedupVsConcurrent16.toFixed(1)}× faster`, '', ''],
    ["   the gateway's one JIRA call, made directly", '', ms(b.sameCallMs ?? Number.NaN), `gateway adds ${ms(b.gatewayMs - (b.sameCallMs ?? Number.NaN))}`, '', ''],
    [`   at ${s.at20ms.latencyMs} ms: vs 50 sequential`, ms(b.at20ms.gatewayMs), ms(b.at20ms.directSequentialMs), `${b.at20ms.speedupVsSequential.toFixed(1)}× faster`, '', ''],
    [`   at ${s.at20ms.latencyMs} ms: vs 50, 16 at a time`, ms(b.at20ms.gatewayMs), ms(b.at20ms.directConcurrent16Ms), `${b.at20ms.speedupVsConcurrent16.toFixed(1)}× faster`, '', ''],
    '3. Field push-down: bytes JIRA sends',
    ['   { summary } vs the full issue', bytes(r.fieldPushdown.summaryOnlyBytes), bytes(r.fieldPushdown.fullIssueBytes), pct(r.fieldPushdown.bytesRatio), `≤ ${pct(r.fieldPushdown.target)}`, verdict(pass('fieldPushdown.bytesRatio'))],
    ['   { key summary status { name } }', bytes(r.fieldPushdown.singleIssueQueryBytes), bytes(r.fieldPushdown.fullIssueBytes), pct(r.fieldPushdown.singleIssueQueryBytes / r.fieldPushdown.fullIssueBytes), '', ''],
    `4. Signing ceiling on one core, per CPU second (${r.signCeiling.rounds} rounds, medians)`,
    ['   RSA-SHA1 signs/s (gateway OAuthSigner)', '', '', rps(r.signCeiling.signsPerSec), '', ''],
    ['   crypto.sign alone / PEM parsed each time', '', '', `${rps(r.signCeiling.rawSignsPerSec)} / ${rps(r.signCeiling.pemParseAndSignPerSec)}`, '', ''],
    ['   gateway one-issue req/s, 16 connections', rps(r.signCeiling.gatewayRps), '', '', '', ''],
    ['   share of the ceiling', '', '', pct(r.signCeiling.share), `≥ ${pct(r.signCeiling.target)}`, verdict(pass('signCeiling.share'))],
    ['   the same per wall-clock second', rps(r.signCeiling.wallClock.gatewayRps), '', `${pct(r.signCeiling.wallClock.share)} of ${rps(r.signCeiling.wallClock.signsPerSec)}`, '', ''],
    ['   gateway CPU per request at saturation', ms(r.signCeiling.gatewayCpuMsPerRequest), '', `signing: ${ms(1000 / r.signCeiling.signsPerSec)}`, '', ''],
    ['   CPU: gateway / sandbox / load generator', `${r.signCeiling.gatewayCpuCores.toFixed(2)} core`, '', `${r.signCeiling.sandboxCpuCores.toFixed(2)} / ${r.signCeiling.loadGeneratorCpuCores.toFixed(2)} core`, '', ''],
    ['   gateway p50 / p99 at 16 connections', `${ms(r.signCeiling.gatewayP50Ms)} / ${ms(r.signCeiling.gatewayP99Ms)}`, '', '', '', ''],
    '5. Memory: gateway RSS',
    ['   after warm-up → end of run', `${kib(r.memory.rssAfterWarmupKiB)} → ${kib(r.memory.rssEndKiB)}`, '', `${r.memory.rssGrowth >= 0 ? '+' : ''}${pct(r.memory.rssGrowth)}`, `< ${pct(r.memory.target)}`, verdict(pass('memory.rssGrowth'))],
    ['   highest during the measured parts', kib(r.memory.rssMaxKiB), '', '', '', ''],
  ]
  const widths = [44, 20, 12, 22, 16, 10]
  const lines = rows.map((row) => (typeof row === 'string' ? row : row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' ').trimEnd()))
  const m = r.machine
  const header = [
    `JIRA GraphQL Gateway benchmark · ${m.date} · ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB · Node ${m.node} · load avg ${m.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
    `pinning: ${m.pinning} · gateway LOG_LEVEL=${m.gatewayLogLevel} · sandbox nonce store ${m.sandboxNonceStore} · ${m.mode} run, ${m.durationSec.toFixed(0)} s, load avg at end ${m.loadAverageEnd.map((l) => l.toFixed(2)).join(' ')}`,
    `other processes on this shared machine took ${pct(m.noise.singleIssue.others[0] ?? Number.NaN)} of core 0 and ${pct(m.noise.singleIssue.others[1] ?? Number.NaN)} of core 1 during part 1`,
    '',
  ]
  const footer = [
    '',
    r.missed.length === 0 ? 'All targets met.' : `MISSED ${r.missed.length} of ${r.targets.length} targets: ${r.missed.join(', ')}`,
  ]
  return [...header, ...lines, ...footer].join('\n')
}
