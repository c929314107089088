/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): where the time went, by area (package,
 * Node internal module, the project's own folders, GC), the top functions by self time, and the
 * project's own functions by total (inclusive) time. A time window (microseconds on the profile's
 * clock, which is the monotonic clock process.hrtime reads) keeps start-up out of the picture.
 *
 *   node --import tsx bench/profile-summary.ts bench/out/gateway.cpuprofile [--top 30]
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { ROOT } from './processes.ts'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}

interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileRow {
  name: string
  selfMs: number
  selfShare: number
  totalMs?: number
  totalShare?: number
}

export interface ProfileSummary {
  sampledMs: number
  samples: number
  /** Share of the window the process was idle: high means the gateway was not the bottleneck. */
  idleShare: number
  areas: ProfileRow[]
  functions: ProfileRow[]
  projectFunctions: ProfileRow[]
  text: string
}

const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)'])

function shortUrl(url: string): string {
  let path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url
  if (path.startsWith(ROOT)) path = path.slice(ROOT.length)
  return path.replace(/^.*node_modules\//, '')
}

/** The area a frame belongs to: a package, a Node module, a folder of the project, or GC / V8. */
export function areaOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName)) return frame.functionName
  const url = frame.url
  if (url === '') return '(V8 builtins / native)'
  if (url.startsWith('node:internal/deps/undici')) return 'undici (Node fetch)'
  if (url.startsWith('wasm://')) return "wasm (undici's llhttp parser)"
  if (url.startsWith('node:internal/deps/')) return `node deps: ${url.slice('node:internal/deps/'.length).split('/')[0]}`
  if (url.startsWith('node:')) {
    const module = url.replace(/^node:(internal\/)?/, '').split('/')[0]!.replace(/^_/, '')
    return `node:${module}`
  }
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url
  const nm = path.lastIndexOf('node_modules/')
  if (nm !== -1) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  if (path.startsWith(ROOT)) {
    const relative = path.slice(ROOT.length).split('/')
    return relative.length > 2 ? `${relative[0]}/${relative[1]}` : relative[0]!
  }
  return path
}

function functionKey(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName)) return frame.functionName
  // tsx-compiled project files put everything on line 1: the file names the place well enough.
  const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : ''
  const location = frame.url ? ` ${shortUrl(frame.url)}${line}` : ' (native)'
  return `${frame.functionName || '(anonymous)'}${location}`
}

const isProject = (frame: CallFrame) => {
  const path = frame.url.startsWith('file://') ? decodeURIComponent(frame.url.slice('file://'.length)) : frame.url
  return path.startsWith(ROOT) && !path.includes('/node_modules/')
}

export function summarizeProfile(profile: CpuProfile, options: { fromUs?: number; toUs?: number; top?: number; title?: string } = {}): ProfileSummary {
  const top = options.top ?? 30
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

  // Sample i lasts until sample i+1 (as DevTools counts it).
  const stamps: number[] = []
  let t = profile.startTime
  for (const delta of profile.timeDeltas) stamps.push((t += delta))

  const selfByFunction = new Map<string, number>()
  const totalByFunction = new Map<string, number>()
  const selfByArea = new Map<string, number>()
  const projectKeys = new Set<string>()
  let windowUs = 0
  let idleUs = 0
  let counted = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const at = stamps[i]!
    if (options.fromUs !== undefined && at < options.fromUs) continue
    if (options.toUs !== undefined && at > options.toUs) continue
    const duration = i + 1 < stamps.length ? stamps[i + 1]! - at : 0
    if (duration <= 0) continue
    const leaf = nodes.get(profile.samples[i]!)!
    windowUs += duration
    counted++
    if (leaf.callFrame.functionName === '(idle)') idleUs += duration
    const key = functionKey(leaf.callFrame)
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + duration)
    const area = areaOf(leaf.callFrame)
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + duration)
    // Inclusive time: every distinct function on the stack, once.
    const seen = new Set<string>()
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const frame = nodes.get(id)!.callFrame
      if (frame.functionName === '(root)') continue
      const k = functionKey(frame)
      if (seen.has(k)) continue
      seen.add(k)
      if (isProject(frame)) projectKeys.add(k)
      totalByFunction.set(k, (totalByFunction.get(k) ?? 0) + duration)
    }
  }

  const share = (us: number) => (windowUs ? us / windowUs : 0)
  const row = (name: string, selfUs: number): ProfileRow => ({
    name,
    selfMs: selfUs / 1000,
    selfShare: share(selfUs),
    totalMs: (totalByFunction.get(name) ?? selfUs) / 1000,
    totalShare: share(totalByFunction.get(name) ?? selfUs),
  })
  const areas = [...selfByArea].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, selfMs: us / 1000, selfShare: share(us) }))
  const functions = [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => row(name, us))
  const projectFunctions = [...projectKeys]
    .map((name) => row(name, selfByFunction.get(name) ?? 0))
    .sort((a, b) => b.totalMs! - a.totalMs!)
    .slice(0, 20)

  const pct = (value: number) => `${(value * 100).toFixed(1).padStart(5)}%`
  const lines = [
    options.title ?? 'CPU profile',
    `${(windowUs / 1e6).toFixed(2)} s sampled (${counted} samples), idle ${pct(share(idleUs)).trim()}`,
    '',
    'Self time by area:',
    ...areas.filter((a) => a.selfShare >= 0.005).map((a) => `  ${pct(a.selfShare)}  ${a.name}`),
    ...(() => {
      const rest = areas.filter((a) => a.selfShare < 0.005)
      return rest.length ? [`  ${pct(rest.reduce((sum, a) => sum + a.selfShare, 0))}  ${rest.length} more areas under 0.5% each`] : []
    })(),
    '',
    `Top ${functions.length} functions by self time (self, total):`,
    ...functions.map((f) => `  ${pct(f.selfShare)} ${pct(f.totalShare!)}  ${f.name}`),
    '',
    'Project functions (src/, sandbox/) by total time (self, total):',
    ...projectFunctions.map((f) => `  ${pct(f.selfShare)} ${pct(f.totalShare!)}  ${f.name}`),
  ]
  return { sampledMs: windowUs / 1000, samples: counted, idleShare: share(idleUs), areas, functions, projectFunctions, text: lines.join('\n') }
}

function main(): void {
  const file = process.argv[2]
  if (!file) {
    console.error('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--from µs] [--to µs]')
    process.exit(2)
  }
  const flag = (name: string) => {
    const at = process.argv.indexOf(name)
    return at === -1 ? undefined : Number(process.argv[at + 1])
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  console.log(summarizeProfile(profile, { top: flag('--top'), fromUs: flag('--from'), toUs: flag('--to'), title: `CPU profile: ${file}` }).text)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
