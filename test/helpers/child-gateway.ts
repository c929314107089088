/** The gateway as its own process (`src/main.ts`, what `npm start` runs), for kill and signal tests. */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ChildGateway {
  url: string
  process: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

export async function startChildGateway(env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildGateway> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 30_000)
    const check = () => {
      const match = /GraphiQL:\s+(http:\/\/[^\s]+)\/graphql/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`gateway exited with ${code}:\n${output}`))
    })
  })
  return { url, process: child, output: () => output, exited }
}

/** With test/helpers/gc-probe.mjs preloaded: the live heap after a full collection, in bytes. */
export async function liveHeap(gateway: ChildGateway): Promise<number> {
  const seen = (gateway.output().match(/gc-probe heapUsed=\d+/g) ?? []).length
  gateway.process.kill('SIGUSR2')
  for (let waited = 0; waited < 10_000; waited += 20) {
    const readings = gateway.output().match(/gc-probe heapUsed=(\d+)/g) ?? []
    if (readings.length > seen) return Number(readings.at(-1)!.split('=')[1])
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('the gateway did not report its heap')
}
