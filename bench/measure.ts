/**
 * Timing: per-request hrtime samples, sequentially or with N requests in flight, summarized as p50,
 * p99 and requests per second; autocannon for the highest load on the gateway; interleaved rounds
 * (AB, BA, …) so that drift on a shared machine hits both sides alike; medians of rounds.
 */
import autocannon from 'autocannon'

export interface LatencySummary {
  requests: number
  errors: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  rps: number
}

/** One request; resolves true when the answer was right. A throw counts as an error. */
export type Call = () => Promise<boolean>

const nowMs = () => Number(process.hrtime.bigint()) / 1e6

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function median(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value))
  if (finite.length === 0) return Number.NaN
  const sorted = [...finite].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function summarize(samples: number[], errors: number, elapsedMs: number): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    requests: samples.length,
    errors,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: samples.reduce((sum, value) => sum + value, 0) / (samples.length || 1),
    rps: (samples.length / elapsedMs) * 1000,
  }
}

/** `concurrency` workers each sending one request after another until `durationMs` is over (or `maxRequests` were sent). */
export async function measure(call: Call, options: { concurrency: number; durationMs: number; maxRequests?: number }): Promise<LatencySummary> {
  const samples: number[] = []
  let errors = 0
  let sent = 0
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY
  const started = nowMs()
  const deadline = started + options.durationMs
  const worker = async () => {
    while (nowMs() < deadline && sent < maxRequests) {
      sent++
      const t0 = nowMs()
      let ok = false
      try {
        ok = await call()
      } catch {
        ok = false
      }
      const t1 = nowMs()
      if (ok) samples.push(t1 - t0)
      else errors++
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  return summarize(samples, errors, nowMs() - started)
}

/**
 * Sequential requests of two kinds, alternated one by one (a b, b a, a b…) for `durationMs`: each
 * pair runs within a few milliseconds, so whatever else the machine is doing hits both alike.
 */
export async function measurePaired(a: Call, b: Call, options: { durationMs: number }): Promise<[LatencySummary, LatencySummary]> {
  const samples: [number[], number[]] = [[], []]
  const errors = [0, 0]
  const calls = [a, b]
  const started = nowMs()
  const deadline = started + options.durationMs
  for (let pair = 0; nowMs() < deadline; pair++) {
    for (const side of pair % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = nowMs()
      let ok = false
      try {
        ok = await calls[side]!()
      } catch {
        ok = false
      }
      const t1 = nowMs()
      if (ok) samples[side]!.push(t1 - t0)
      else errors[side]!++
    }
  }
  const elapsed = nowMs() - started
  // Each side had about half the time: its rate is what it would do alone in its share.
  const summary = (side: 0 | 1) => {
    const s = summarize(samples[side], errors[side]!, elapsed)
    const busy = samples[side].reduce((sum, v) => sum + v, 0)
    return { ...s, rps: busy > 0 ? (s.requests / busy) * 1000 : 0 }
  }
  return [summary(0), summary(1)]
}

/**
 * `rounds` rounds of measurePaired, each round's two summaries kept for per-round ratios. `wrap`
 * runs around each round and may add to `a`'s summary (the gateway's CPU time, say).
 */
export async function pairedRounds<A extends LatencySummary = LatencySummary>(
  a: Call,
  b: Call,
  options: { rounds: number; durationMs: number; wrap?: (round: () => Promise<LatencySummary>) => Promise<A> },
): Promise<[A[], LatencySummary[]]> {
  const wrap = options.wrap ?? ((round) => round() as Promise<A>)
  const as: A[] = []
  const bs: LatencySummary[] = []
  for (let i = 0; i < options.rounds; i++) {
    let bSummary: LatencySummary | undefined
    as.push(
      await wrap(async () => {
        const [aSummary, other] = await measurePaired(a, b, { durationMs: options.durationMs })
        bSummary = other
        return aSummary
      }),
    )
    bs.push(bSummary!)
  }
  return [as, bs]
}

/** Wall time of one task (e.g. 50 calls), in ms. */
export async function time(task: () => Promise<unknown>): Promise<number> {
  const t0 = nowMs()
  await task()
  return nowMs() - t0
}

/** Runs `tasks` one after another, `limit` at a time, like a person's Promise pool. */
export async function pool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

/**
 * `rounds` rounds of every task, in forward then reverse order (ABC, CBA, ABC…), so drift and warm
 * caches favour none of them. Returns each task's per-round results.
 */
export async function interleave<T extends Record<string, () => Promise<unknown>>>(
  rounds: number,
  tasks: T,
): Promise<{ [K in keyof T]: Array<Awaited<ReturnType<T[K]>>> }> {
  const names = Object.keys(tasks) as Array<keyof T>
  const results = Object.fromEntries(names.map((name) => [name, []])) as unknown as { [K in keyof T]: Array<Awaited<ReturnType<T[K]>>> }
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      results[name].push((await tasks[name]!()) as Awaited<ReturnType<T[typeof name]>>)
    }
  }
  return results
}

/** Median of per-round ratios a/b (drift within a round cancels). */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / b[i]!))
}

export interface LoadResult {
  requests: number
  rps: number
  errors: number
  non2xx: number
  p50Ms: number
  p99Ms: number
}

/** autocannon against one URL with a fixed POST body: the lightest load generator for the highest gateway load. */
export async function autocannonRun(options: {
  url: string
  headers: Record<string, string>
  body: string
  connections: number
  durationSec: number
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: options.headers,
    body: options.body,
    connections: options.connections,
    duration: options.durationSec,
  })
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000
  return {
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
