/**
 * Sandbox mode (no JIRA_BASE_URL): unlike `npm start`, the CLI does not start a sandbox of its own
 * (its tokens would vanish with it when the command ends). It talks to the one already running at
 * SANDBOX_HOST:SANDBOX_PORT and signs with that sandbox's consumer key pair, which the server keeps
 * in `<db dir>/sandbox/`.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ensureSandboxKeyPair } from '../../sandbox/keys.ts'
import type { Config } from '../config.ts'
import { CliError } from './errors.ts'

const PROBE_TIMEOUT_MS = 3000
const HOW_TO_START = 'start it in another terminal with `npm start` (the gateway and the sandbox) or `npm run sandbox`, with the same DATABASE_URL, or set JIRA_BASE_URL to use a real JIRA'

/** Where the running sandbox answers, as the sandbox itself builds its URL. */
export function sandboxUrl(config: Pick<Config, 'sandboxHost' | 'sandboxPort'>): string {
  const host = config.sandboxHost
  // A wildcard address is where the sandbox listens, not where anyone can reach it.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${config.sandboxPort}`
}

/** Fails with how to start the sandbox when nothing, or something else, answers at `url`. */
export async function checkSandboxRunning(url: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(`${url}/rest/api/2/serverInfo`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
  } catch {
    throw new CliError(`nothing answers at ${url}, where the sandbox JIRA should be (JIRA_BASE_URL is not set; SANDBOX_HOST/SANDBOX_PORT say where): ${HOW_TO_START}.`)
  }
  const info = (await response.json().catch(() => null)) as { serverTitle?: unknown } | null
  if (!response.ok || !info || typeof info.serverTitle !== 'string') {
    throw new CliError(`something answers at ${url}, but not the sandbox JIRA (GET /rest/api/2/serverInfo gave HTTP ${response.status}): check SANDBOX_PORT, or ${HOW_TO_START}.`)
  }
}

/**
 * The sandbox consumer's private key from `<dataDir>/sandbox/`. Never creates one: a new pair would
 * not be the one the running sandbox verifies with, and every signature would fail.
 */
export async function sandboxPrivateKey(dataDir: string, url: string): Promise<KeyObject> {
  const dir = join(dataDir, 'sandbox')
  if (!existsSync(join(dir, 'consumer-private.pem'))) {
    throw new CliError(
      `no sandbox key pair in ${dir}: the sandbox at ${url} keeps its keys beside another database; run the CLI with the DATABASE_URL the sandbox was started with, or restart it with this one (\`npm start\`).`,
    )
  }
  const keys = await ensureSandboxKeyPair(dir)
  return createPrivateKey(keys.privateKeyPem)
}
