/**
 * The benchmark's processes: CPU pinning with `taskset`, the sandbox JIRA process (two sandboxes,
 * driven over IPC) and gateway processes (`node --import tsx src/main.ts`, what `npm start` runs),
 * plus readers for a process's RSS and CPU time from /proc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Where each party runs: the gateway alone on one core, the sandbox and the load on the other. */
export const GATEWAY_CORE = 0
export const LOAD_CORE = 1

export interface Pinning {
  enabled: boolean
  /** Why pinning is off, when it is. */
  note?: string
}

/** Pins this process (all its threads) to `core`; later threads and children inherit it. */
export function pinSelf(core: number): Pinning {
  if (cpus().length < 2) return { enabled: false, note: `only ${cpus().length} core: nothing pinned` }
  const check = spawnSync('taskset', ['-V'], { encoding: 'utf8' })
  if (check.error || check.status !== 0) return { enabled: false, note: 'taskset not found: nothing pinned (figures are less stable)' }
  const pinned = spawnSync('taskset', ['-a', '-cp', String(core), String(process.pid)], { encoding: 'utf8' })
  if (pinned.status !== 0) return { enabled: false, note: `taskset failed (${pinned.stderr.trim()}): nothing pinned` }
  return { enabled: true }
}

/** `node <args>`, behind `taskset -c core` when pinning is on. */
function nodeCommand(pinning: Pinning, core: number, args: string[]): [string, string[]] {
  return pinning.enabled ? ['taskset', ['-c', String(core), process.execPath, ...args]] : [process.execPath, args]
}

const TICKS_PER_SECOND = 100

/** VmRSS of a process in KiB. */
export function rssKiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1])
}

/** User + system CPU seconds a process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at the closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** Busy and total jiffies of each core, from /proc/stat. */
function coreJiffies(): Array<{ busy: number; total: number }> {
  const cores: Array<{ busy: number; total: number }> = []
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^cpu(\d+)\s+(.*)$/.exec(line)
    if (!match) continue
    const values = match[2]!.trim().split(/\s+/).map(Number)
    // user nice system idle iowait irq softirq steal (guest time is already in user). Busy counts
    // what processes ran (user, nice, system) and what the hypervisor took (steal); interrupt time,
    // part of which is our own loopback traffic, is left out, so `others` errs low.
    const [user, nice, system, , , , , steal] = values
    const total = values.slice(0, 8).reduce((sum, v) => sum + v, 0)
    cores[Number(match[1])] = { busy: user! + nice! + system! + steal!, total }
  }
  return cores
}

export interface CoreUse {
  /** share of each core's time that was busy */
  busy: number[]
  /** share of each core's time used by the processes we started there */
  ours: number[]
  /** busy minus ours: what other processes on this shared machine took from our cores */
  others: number[]
}

/**
 * Starts measuring how busy the cores are and how much of that is ours. `ours` maps a core to a
 * function returning the CPU seconds our processes on that core have used so far.
 */
export function meterCores(ours: Record<number, () => number>): () => CoreUse {
  const start = { cores: coreJiffies(), ours: Object.fromEntries(Object.entries(ours).map(([core, read]) => [core, read()])) }
  return () => {
    const end = coreJiffies()
    const busy: number[] = []
    const mine: number[] = []
    const others: number[] = []
    for (const key of Object.keys(ours)) {
      const core = Number(key)
      const a = start.cores[core]
      const b = end[core]
      if (!a || !b || b.total === a.total) continue
      const seconds = (b.total - a.total) / TICKS_PER_SECOND
      busy[core] = (b.busy - a.busy) / (b.total - a.total)
      mine[core] = Math.min(busy[core]!, (ours[core]!() - start.ours[key]!) / seconds)
      others[core] = Math.max(0, busy[core]! - mine[core]!)
    }
    return { busy, ours: mine, others }
  }
}

/** Every child started here and still running: killed if this process exits without stopping them. */
const live = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})
function track(child: ChildProcess): ChildProcess {
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
  const exited = waitForExit(child)
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  const code = await exited
  clearTimeout(timer)
  return code
}

/**
 * `node --import tsx <script>` (pinned) with an IPC channel, resolved with the child and its first
 * `{ type: 'ready' }` message; rejected if it exits or stays silent for 30 s.
 */
async function startIpcChild<Ready>(what: string, pinning: Pinning, core: number, script: string, env: Record<string, string>): Promise<{ child: ChildProcess; ready: Ready }> {
  const [command, args] = nodeCommand(pinning, core, ['--import', 'tsx', script])
  const child = track(spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 30 s`)), 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited with ${code}`))
    })
    const onMessage = (message: any) => {
      if (message?.type !== 'ready') return
      clearTimeout(timer)
      child.off('message', onMessage)
      resolve(message as Ready)
    }
    child.on('message', onMessage)
  })
  return { child, ready }
}

// ---------------------------------------------------------------------------------------------
// The sandbox process

export type SandboxName = 'lean' | 'slow'

/** What the sandbox process tells about the REST calls it served since the last reset. */
export interface CallSummary {
  restCalls: number
  restBytes: number
  /** status → count */
  statuses: Record<string, number>
  /** path → calls and bytes */
  byPath: Record<string, { calls: number; bytes: number }>
  /** The calls themselves, when asked for (small phases only). */
  list?: Array<{ method: string; path: string; query: Record<string, string>; status: number; bytes: number }>
}

export interface SandboxProcess {
  pid: number
  urls: Record<SandboxName, string>
  latencyMs: Record<SandboxName, number>
  /** which nonce store the sandboxes use */
  nonceStore: string
  approve(sandbox: SandboxName, requestToken: string, user: string): Promise<string>
  resetCalls(sandbox: SandboxName): Promise<void>
  calls(sandbox: SandboxName, list?: boolean): Promise<CallSummary>
  stop(): Promise<number | null>
}

export async function startSandboxProcess(options: {
  pinning: Pinning
  core: number
  consumerKey: string
  publicKeyPem: string
  bulkIssues: number
  slowLatencyMs: number
}): Promise<SandboxProcess> {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1
  const { child, ready } = await startIpcChild<{ urls: Record<SandboxName, string>; latencyMs: Record<SandboxName, number>; nonceStore: string }>(
    'the sandbox process',
    options.pinning,
    options.core,
    'bench/sandbox-process.ts',
    {
      BENCH_CONSUMER_KEY: options.consumerKey,
      BENCH_PUBLIC_KEY: options.publicKeyPem,
      BENCH_BULK_ISSUES: String(options.bulkIssues),
      BENCH_SLOW_LATENCY_MS: String(options.slowLatencyMs),
    },
  )
  child.once('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the sandbox process exited'))
  })
  child.on('message', (message: any) => {
    if (message?.type !== 'reply') return
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.error) waiter?.reject(new Error(message.error))
    else waiter?.resolve(message.result)
  })
  const request = <T>(command: string, args: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      child.send({ type: 'request', id, command, args })
    })

  const { urls, latencyMs, nonceStore } = ready
  return {
    pid: child.pid!,
    urls,
    latencyMs,
    nonceStore,
    approve: (sandbox, requestToken, user) => request<string>('approve', { sandbox, requestToken, user }),
    resetCalls: (sandbox) => request<void>('reset', { sandbox }),
    calls: (sandbox, list = false) => request<CallSummary>('calls', { sandbox, list }),
    stop: () => stopChild(child),
  }
}

// ---------------------------------------------------------------------------------------------
// Gateway processes

export interface GatewayProcess {
  name: string
  url: string
  pid: number
  logFile: string
  /** SIGTERM (the gateway closes cleanly and exits); resolves with the exit code. */
  stop(): Promise<number | null>
}

export async function startGatewayProcess(options: {
  name: string
  pinning: Pinning
  core: number
  jiraBaseUrl: string
  consumerKey: string
  privateKeyPem: string
  databaseFile: string
  /** stdout and stderr go here (pino writes a line per operation at info; a file keeps that off the load core). */
  logFile: string
  logLevel: string
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[]
  /** The checkout to run (default: this one); bench/compare.ts runs another revision's beside it. */
  cwd?: string
}): Promise<GatewayProcess> {
  const [command, args] = nodeCommand(options.pinning, options.core, [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'])
  const fd = openSync(options.logFile, 'w')
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      JIRA_BASE_URL: options.jiraBaseUrl,
      JIRA_CONSUMER_KEY: options.consumerKey,
      JIRA_PRIVATE_KEY: options.privateKeyPem,
      DATABASE_URL: `file:${options.databaseFile}`,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: options.logLevel,
      // As `npm start` and a deployment run it: graphql-js skips its development-only checks.
      NODE_ENV: 'production',
    },
    stdio: ['ignore', fd, fd],
  })
  track(child)
  closeSync(fd)
  const exited = waitForExit(child)
  const output = () => (existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8') : '')
  const url = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + 60_000
    let done = false
    void exited.then((code) => {
      if (done) return
      done = true
      reject(new Error(`gateway ${options.name} exited with ${code}:\n${output()}`))
    })
    const poll = () => {
      if (done) return
      const match = /GraphiQL:\s+(http:\/\/\S+)\/graphql/.exec(output())
      if (match) {
        done = true
        resolve(match[1]!)
      } else if (Date.now() > deadline) {
        done = true
        child.kill('SIGKILL')
        reject(new Error(`gateway ${options.name} did not start within 60 s:\n${output()}`))
      } else setTimeout(poll, 50)
    }
    poll()
  })
  return { name: options.name, url, pid: child.pid!, logFile: options.logFile, stop: () => stopChild(child) }
}

// ---------------------------------------------------------------------------------------------
// The floor: a bare sign-and-forward proxy (bench/bare-proxy.ts)

export interface BareProxyProcess {
  pid: number
  /** where it listens, per sandbox */
  urls: Record<SandboxName, string>
  stop(): Promise<number | null>
}

export async function startBareProxyProcess(options: {
  pinning: Pinning
  core: number
  consumerKey: string
  privateKeyPem: string
  targets: Record<SandboxName, { url: string; token: string }>
}): Promise<BareProxyProcess> {
  const { child, ready } = await startIpcChild<{ urls: Record<SandboxName, string> }>('the bare proxy', options.pinning, options.core, 'bench/bare-proxy.ts', {
    NODE_ENV: 'production',
    BENCH_CONSUMER_KEY: options.consumerKey,
    BENCH_PRIVATE_KEY: options.privateKeyPem,
    BENCH_TARGETS: JSON.stringify(options.targets),
  })
  const { urls } = ready
  return { pid: child.pid!, urls, stop: () => stopChild(child) }
}

// ---------------------------------------------------------------------------------------------
// One-shot pinned node scripts (the signing ceiling)

/** Runs `node --import tsx <script> <args>` pinned to `core` and parses the JSON it prints last. */
export async function runPinnedScript<T>(pinning: Pinning, core: number, script: string, args: string[], env: Record<string, string>): Promise<T> {
  const [command, commandArgs] = nodeCommand(pinning, core, ['--import', 'tsx', script, ...args])
  const child = track(spawn(command, commandArgs, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }))
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk) => (stdout += chunk))
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const code = await waitForExit(child)
  if (code !== 0) throw new Error(`${script} exited with ${code}:\n${stderr}`)
  const lastLine = stdout.trim().split('\n').pop() ?? ''
  return JSON.parse(lastLine) as T
}
