/**
 * The signing ceiling: how many RSA-SHA1 signatures per second one core of this machine makes.
 * Every upstream JIRA call needs one, so no gateway on one core can serve more single-issue queries
 * per second than this. Run as its own process pinned to the gateway's core (while the gateway
 * idles), in three modes:
 *   signer  the gateway's own OAuthSigner.authorizationHeader for the URL the gateway signs (the ceiling)
 *   raw     crypto.sign alone over a base string of the same size (what RSA costs)
 *   pem     crypto.sign with the PEM parsed on every call (the mistake a quick prototype makes)
 * It prints one JSON line: { mode, signs, seconds, signsPerSec }.
 */
import { createPrivateKey, randomBytes, sign } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { OAuthSigner } from '../src/auth/signer.ts'
import { runPinnedScript, type Pinning } from './processes.ts'

export type SignMode = 'signer' | 'raw' | 'pem'

export interface SignRate {
  mode: SignMode
  signs: number
  seconds: number
  /** CPU seconds this process used meanwhile (less than `seconds` when other processes shared the core) */
  cpuSeconds: number
  /** per wall-clock second */
  signsPerSec: number
  /** per CPU second: what the core does when it is all ours */
  signsPerCpuSec: number
}

/** Spawns this file pinned to `core` and returns its rate. */
export function measureSignRate(pinning: Pinning, core: number, mode: SignMode, durationMs: number, privateKeyPem: string, url: string): Promise<SignRate> {
  return runPinnedScript<SignRate>(pinning, core, 'bench/sign-ceiling.ts', [mode, String(durationMs)], { BENCH_PRIVATE_KEY: privateKeyPem, BENCH_SIGN_URL: url })
}

function loop(work: () => void, durationMs: number): { signs: number; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage()
  const started = process.hrtime.bigint()
  const end = started + BigInt(Math.round(durationMs * 1e6))
  let signs = 0
  let now = started
  while (now < end) {
    for (let i = 0; i < 16; i++) work()
    signs += 16
    now = process.hrtime.bigint()
  }
  const used = process.cpuUsage(cpu)
  return { signs, seconds: Number(now - started) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 }
}

function main(): void {
  const mode = (process.argv[2] ?? 'signer') as SignMode
  const durationMs = Number(process.argv[3] ?? 3000)
  const pem = process.env['BENCH_PRIVATE_KEY']
  const url = process.env['BENCH_SIGN_URL'] ?? 'http://127.0.0.1:8090/rest/api/2/issue/JJ-2?fields=status%2Csummary'
  if (!pem) throw new Error('BENCH_PRIVATE_KEY is not set')
  const key = createPrivateKey(pem)
  const token = randomBytes(24).toString('base64url').slice(0, 32)
  const signer = new OAuthSigner({ consumerKey: 'OAuthKey', privateKey: key })
  // A base string of the size the gateway signs, for the raw and PEM modes.
  const baseString = Buffer.from(`GET&${encodeURIComponent(url)}&${encodeURIComponent(`oauth_consumer_key=OAuthKey&oauth_nonce=${token}&oauth_signature_method=RSA-SHA1&oauth_timestamp=1700000000&oauth_token=${token}&oauth_version=1.0`)}`)

  const work: Record<SignMode, () => void> = {
    signer: () => void signer.authorizationHeader({ method: 'GET', url }, token),
    raw: () => void sign('sha1', baseString, key),
    pem: () => void sign('sha1', baseString, pem),
  }
  if (!work[mode]) throw new Error(`unknown mode ${mode}`)
  loop(work[mode], Math.min(300, durationMs / 5)) // warm-up: JIT and OpenSSL's first use
  const { signs, seconds, cpuSeconds } = loop(work[mode], durationMs)
  process.stdout.write(`${JSON.stringify({ mode, signs, seconds, cpuSeconds, signsPerSec: signs / seconds, signsPerCpuSec: signs / cpuSeconds } satisfies SignRate)}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
