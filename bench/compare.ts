/**
 * `npm run bench:compare -- <revision>`: this checkout's gateway against another revision's, in one
 * paired run. Single `npm run bench` runs on a shared machine move by more than most changes do
 * (direct's own p50 by ±7% between runs), so a change is judged here instead: both gateways pinned
 * to the same core, and single-issue queries alternated one by one between the two gateways and the
 * direct client, the order rotating, against the lean sandbox and the 20 ms one. An A/A run (a
 * revision against itself) agrees within a few µs.
 *
 * The other revision is checked out with `git worktree` into a temporary folder and installed with
 * `npm ci` (about a minute), then removed (`--keep` leaves it for the next run: `--worktree DIR`).
 *
 *   node --import tsx bench/compare.ts <revision> [--requests N] [--slow-requests N] [--keep | --worktree DIR]
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DirectJira } from './direct-client.ts'
import { GatewayClient, SINGLE_ISSUE_QUERY } from './gateway-client.ts'
import { percentile } from './measure.ts'
import { GATEWAY_CORE, LOAD_CORE, ROOT, pinSelf, startGatewayProcess, startSandboxProcess, type SandboxName } from './processes.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    requests: { type: 'string', default: '3000' },
    'slow-requests': { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    worktree: { type: 'string' },
  },
})
const revision = positionals[0]
if (!revision) {
  console.error('usage: npm run bench:compare -- <git revision> [--requests N] [--slow-requests N] [--keep | --worktree DIR]')
  process.exit(2)
}
const CONSUMER_KEY = 'OAuthKey'
const USER = 'alana'
const log = (message: string) => process.stderr.write(`[compare] ${message}\n`)
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()

const commit = git('rev-parse', '--verify', `${revision}^{commit}`)
const label = `${revision} (${commit.slice(0, 7)})`
const dirty = git('status', '--porcelain', '--untracked-files=no') !== ''
const here = `this checkout (${git('rev-parse', '--short', 'HEAD')}${dirty ? ', with changes' : ''})`

function npmCi(dir: string): void {
  log(`running npm ci in ${dir} (about a minute)`)
  const installLog = join(dir, 'npm-ci.log')
  const fd = openSync(installLog, 'w')
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', fd, fd] })
  if (install.status !== 0) throw new Error(`npm ci in ${dir} failed: see ${installLog}`)
}

/** The other revision, installed: an existing --worktree moved to it (reinstalled if its lockfile or Prisma schema differs), else a fresh git worktree. */
function checkout(): { dir: string; remove: () => void } {
  if (values.worktree && existsSync(join(values.worktree, 'node_modules'))) {
    const dir = values.worktree
    const was = git('-C', dir, 'rev-parse', 'HEAD')
    if (was !== commit) {
      log(`moving ${dir} from ${was.slice(0, 7)} to ${label}`)
      git('-C', dir, 'checkout', '--quiet', '--detach', commit)
      if (git('diff', '--name-only', was, commit, '--', 'package-lock.json', 'prisma/schema.prisma') !== '') npmCi(dir)
    }
    return { dir, remove: () => {} }
  }
  const parent = values.worktree ? undefined : mkdtempSync(join(tmpdir(), 'jgw-compare-'))
  const dir = values.worktree ?? join(parent!, 'checkout')
  log(`checking out ${label} into ${dir}`)
  git('worktree', 'add', '--detach', dir, commit)
  npmCi(dir)
  return {
    dir,
    remove: () => {
      git('worktree', 'remove', '--force', dir)
      if (parent) rmSync(parent, { recursive: true, force: true })
    },
  }
}

const other = checkout()
const pinning = pinSelf(LOAD_CORE)
const keys = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
const sandbox = await startSandboxProcess({ pinning, core: LOAD_CORE, consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKey, bulkIssues: 60, slowLatencyMs: 20 })
const work = mkdtempSync(join(tmpdir(), 'jgw-compare-run-'))

type Side = 'direct' | 'A' | 'B'
interface Row {
  side: Side
  name: string
  p50Ms: number
  p90Ms: number
  ratio: number
}

async function compare(sandboxName: SandboxName, requests: number): Promise<Row[]> {
  const gateways = await Promise.all(
    (['A', 'B'] as const).map((side) =>
      startGatewayProcess({
        name: `${side}-${sandboxName}`,
        pinning,
        core: GATEWAY_CORE,
        cwd: side === 'A' ? other.dir : ROOT,
        jiraBaseUrl: sandbox.urls[sandboxName],
        consumerKey: CONSUMER_KEY,
        privateKeyPem: keys.privateKey,
        databaseFile: join(work, `${side}-${sandboxName}.db`),
        logFile: join(work, `${side}-${sandboxName}.log`),
        logLevel: 'info',
      }),
    ),
  )
  try {
    const direct = new DirectJira(sandbox.urls[sandboxName], CONSUMER_KEY, keys.privateKey)
    await direct.authorize((token) => sandbox.approve(sandboxName, token, USER))
    const url = direct.issueUrl('JJ-2', ['summary', 'status'])
    const body = GatewayClient.body(SINGLE_ISSUE_QUERY)
    const calls: Record<Side, () => Promise<void>> = {
      direct: async () => {
        await direct.get(url)
      },
      A: async () => {},
      B: async () => {},
    }
    for (const [i, side] of (['A', 'B'] as const).entries()) {
      const client = new GatewayClient(gateways[i]!.url)
      await client.authorize((token) => sandbox.approve(sandboxName, token, USER))
      calls[side] = async () => {
        const result = await client.post(body)
        if (!result.data?.issue || result.errors) throw new Error(`gateway ${side}: ${JSON.stringify(result.errors ?? result.data)}`)
      }
    }
    const order: Side[] = ['direct', 'A', 'B']
    const latencies: Record<Side, number[]> = { direct: [], A: [], B: [] }
    log(`${sandboxName}: warming up, then ${requests} requests a side`)
    for (let i = 0; i < Math.min(requests, 500); i++) for (const side of order) await calls[side]()
    for (let i = 0; i < requests; i++) {
      // Rotate the order so that neither gateway always follows the same party.
      for (let j = 0; j < order.length; j++) {
        const side = order[(i + j) % order.length]!
        const t = performance.now()
        await calls[side]()
        latencies[side].push(performance.now() - t)
      }
    }
    const names: Record<Side, string> = { direct: 'direct', A: label, B: here }
    const sorted = (side: Side) => [...latencies[side]].sort((a, b) => a - b)
    const directP50 = percentile(sorted('direct'), 50)
    return order.map((side) => {
      const s = sorted(side)
      return { side, name: names[side], p50Ms: percentile(s, 50), p90Ms: percentile(s, 90), ratio: percentile(s, 50) / directP50 }
    })
  } finally {
    await Promise.all(gateways.map((gateway) => gateway.stop()))
  }
}

let exitCode = 0
try {
  const lean = await compare('lean', Number(values.requests))
  const slow = await compare('slow', Number(values['slow-requests']))
  const ms = (value: number) => value.toFixed(3).padStart(8)
  const lines = [`paired single-issue queries, sequential, ms; A: ${label}, B: ${here}`, '', `${''.padEnd(44)} ${'lean p50'.padStart(8)} ${'p90'.padStart(8)} ${'/direct'.padStart(8)}    ${'20ms p50'.padStart(8)} ${'p90'.padStart(8)} ${'/direct'.padStart(8)}`]
  for (let i = 0; i < lean.length; i++) {
    const [l, s] = [lean[i]!, slow[i]!]
    lines.push(`${l.name.padEnd(44)} ${ms(l.p50Ms)} ${ms(l.p90Ms)} ${l.ratio.toFixed(3).padStart(7)}×    ${ms(s.p50Ms)} ${ms(s.p90Ms)} ${s.ratio.toFixed(3).padStart(7)}×`)
  }
  const delta = (rows: Row[]) => {
    const [a, b] = [rows.find((row) => row.side === 'A')!, rows.find((row) => row.side === 'B')!]
    return `${((b.p50Ms - a.p50Ms) * 1000).toFixed(0)} µs (${(((b.p50Ms - a.p50Ms) / a.p50Ms) * 100).toFixed(1)}%)`
  }
  lines.push('', `B − A, p50: lean ${delta(lean)}, 20 ms ${delta(slow)}`)
  console.log(lines.join('\n'))
  mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true })
  writeFileSync(join(ROOT, 'bench', 'out', 'compare.json'), `${JSON.stringify({ a: { revision, commit }, b: here, lean, slow }, null, 2)}\n`)
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await sandbox.stop()
  rmSync(work, { recursive: true, force: true })
  if (!values.keep && !values.worktree) other.remove()
  else log(`the checkout stays in ${other.dir}: pass --worktree ${other.dir} to reuse it`)
}
process.exit(exitCode)
