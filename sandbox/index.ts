// The sandbox JIRA: a JIRA Server stand-in (OAuth 1.0a provider + a slice of REST API v2) for the
// gateway's tests and for `npm start`. See server.ts for routing, oauth/ for the provider.
import { createPublicKey } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SandboxContext } from './context.ts'
import { FaultList, type SandboxFaultRule } from './faults.ts'
import { callbackRedirect } from './oauth/endpoints.ts'
import { TIMESTAMP_WINDOW_SEC, type RegisteredConsumer } from './oauth/message.ts'
import { NonceStore, TokenStore } from './oauth/store.ts'
import { createRequestListener, type SandboxCall } from './server.ts'
import { SandboxState } from './state.ts'

export type { SandboxCall } from './server.ts'
export type { SandboxFault, SandboxFaultRule } from './faults.ts'

export interface SandboxConsumer {
  key: string
  name: string
  publicKeyPem: string
}

export interface SandboxOptions {
  /** default '127.0.0.1' */
  host?: string
  /** default 0 (ephemeral) */
  port?: number
  /** e.g. '/jira'; default ''. Every endpoint lives under it; requests outside it → 404. */
  contextPath?: string
  consumers: SandboxConsumer[]
  /** clock in ms, for tests (default Date.now) */
  now?: () => number
  /** default 10 min */
  requestTokenTtlMs?: number
  /** default 157680000 (5 years) */
  accessTokenTtlSec?: number
  /** search cap, default 50 */
  maxResultsCap?: number
  /** artificial delay per REST response, default 0 */
  latencyMs?: number
  /** generated issues BULK-1 … BULK-n in the BULK project (visible to everyone), default 0 */
  bulkIssues?: number
}

export interface Sandbox {
  /** base URL incl. context path, no trailing slash, e.g. http://127.0.0.1:41234/jira */
  url: string
  users: { name: string; displayName: string }[]
  /** every request served (OAuth endpoints and REST), in order */
  calls: SandboxCall[]
  resetCalls(): void
  /** what the Allow button does, for tests that don't drive the HTML: returns the verifier (or, for a callback, the redirect URL) */
  approve(requestToken: string, username: string): { verifier: string; redirectUrl?: string }
  deny(requestToken: string): { redirectUrl?: string }
  /** as a JIRA admin revoking: token_rejected from then on */
  revokeAccessToken(accessToken: string): void
  /** token_expired from then on (renewable via session handle) */
  expireAccessToken(accessToken: string): void
  /**
   * From now on, answer matching requests with a fault (before authentication, as a proxy would).
   * Rules are tried in the order added; the first match wins and counts its `times` down. Without
   * `match.path` a rule applies to REST calls only. The request is still recorded in `calls`.
   */
  injectFault(rule: SandboxFaultRule): void
  /** removes every injected fault */
  clearFaults(): void
  close(): Promise<void>
}

function normalizeContextPath(contextPath: string | undefined): string {
  const trimmed = (contextPath ?? '').replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const bulkIssues = options.bulkIssues ?? 0
  if (!Number.isInteger(bulkIssues) || bulkIssues < 0) throw new Error(`bulkIssues must be a whole number ≥ 0, not ${bulkIssues}`)
  const host = options.host ?? '127.0.0.1'
  const contextPath = normalizeContextPath(options.contextPath)
  const now = options.now ?? Date.now
  const accessTokenTtlSec = options.accessTokenTtlSec ?? 157_680_000
  const consumers = new Map<string, RegisteredConsumer>()
  for (const consumer of options.consumers) {
    // parse the key now: a bad PEM should fail startSandbox, not the first request
    consumers.set(consumer.key, { key: consumer.key, name: consumer.name, publicKey: createPublicKey(consumer.publicKeyPem) })
  }

  const calls: SandboxCall[] = []
  const server: Server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  // A wildcard address is where the sandbox listens, not where anyone can reach it.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host
  const hostForUrl = reachable.includes(':') ? `[${reachable}]` : reachable
  const url = `http://${hostForUrl}:${port}${contextPath}`

  const ctx: SandboxContext = {
    baseUrl: url,
    contextPath,
    // created after listen: the data's self URLs need the port
    state: new SandboxState(url, { bulkIssues }),
    tokens: new TokenStore({ now, requestTokenTtlMs: options.requestTokenTtlMs ?? 10 * 60 * 1000, accessTokenTtlSec }),
    nonces: new NonceStore(now, TIMESTAMP_WINDOW_SEC),
    consumers,
    now,
    maxResultsCap: options.maxResultsCap ?? 50,
    accessTokenTtlSec,
  }
  const faults = new FaultList()
  server.on(
    'request',
    createRequestListener({ ctx, calls, latencyMs: options.latencyMs ?? 0, fallbackHost: () => `${hostForUrl}:${port}`, faults }),
  )

  let closing: Promise<void> | undefined
  return {
    url,
    users: ctx.state.data.users.map((u) => ({ name: u.name, displayName: u.displayName })),
    calls,
    resetCalls() {
      // in place: callers may hold the array
      calls.length = 0
    },
    approve(requestToken, username) {
      const user = ctx.state.user(username)
      if (!user) throw new Error(`unknown sandbox user ${username}`)
      const record = ctx.tokens.approve(requestToken, user.name)
      const verifier = record.verifier!
      return record.callback === 'oob' ? { verifier } : { verifier, redirectUrl: callbackRedirect(record.callback, record.token, verifier) }
    },
    deny(requestToken) {
      const record = ctx.tokens.deny(requestToken)
      return record.callback === 'oob' ? {} : { redirectUrl: callbackRedirect(record.callback, record.token, 'denied') }
    },
    revokeAccessToken(accessToken) {
      ctx.tokens.revoke(accessToken)
    },
    expireAccessToken(accessToken) {
      ctx.tokens.expire(accessToken)
    },
    injectFault(rule) {
      faults.add(rule)
    },
    clearFaults() {
      faults.clear()
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // keep-alive connections (fetch pools them) would otherwise hold close() open
        server.closeAllConnections()
      })
      return closing
    },
  }
}
