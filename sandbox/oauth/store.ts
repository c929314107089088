// The provider's memory: request tokens, access tokens (with their renewal sessions) and nonces.
// One store per sandbox instance; every time comes from the injected clock so tests can move it.
import { randomInt } from 'node:crypto'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** JIRA's tokens, secrets and session handles are 32 alphanumerics; verifiers 6. */
export function randomAlnum(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)]
  return out
}

export interface RequestTokenRecord {
  kind: 'request'
  token: string
  secret: string
  consumerKey: string
  /** `oob` or the absolute URL to send the browser back to */
  callback: string
  expiresAt: number
  state: 'pending' | 'approved' | 'denied'
  user?: string
  verifier?: string
}

export interface AccessTokenRecord {
  kind: 'access'
  token: string
  secret: string
  consumerKey: string
  user: string
  expiresAt: number
  /** set by Sandbox.expireAccessToken: expired whatever the clock says */
  forcedExpired: boolean
  revoked: boolean
  sessionHandle: string
  /** the session outlives the token by 30 days, so an expired token can still be renewed */
  sessionExpiresAt: number
}

export type TokenRecord = RequestTokenRecord | AccessTokenRecord

/** How much longer than the access token a renewal session lasts (JIRA: 30 days). */
export const SESSION_EXTRA_SEC = 30 * 24 * 60 * 60

export interface TokenStoreOptions {
  now: () => number
  requestTokenTtlMs: number
  accessTokenTtlSec: number
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>()

  constructor(private readonly options: TokenStoreOptions) {}

  get(token: string): TokenRecord | undefined {
    return this.tokens.get(token)
  }

  createRequestToken(consumerKey: string, callback: string): RequestTokenRecord {
    const record: RequestTokenRecord = {
      kind: 'request',
      token: this.freshToken(),
      secret: randomAlnum(32),
      consumerKey,
      callback,
      expiresAt: this.options.now() + this.options.requestTokenTtlMs,
      state: 'pending',
    }
    this.tokens.set(record.token, record)
    return record
  }

  isExpired(record: TokenRecord): boolean {
    if (record.kind === 'access' && record.forcedExpired) return true
    return this.options.now() >= record.expiresAt
  }

  /** what pressing Allow does; throws when the token cannot be approved any more */
  approve(token: string, user: string): RequestTokenRecord {
    const record = this.pendingRequestToken(token)
    record.state = 'approved'
    record.user = user
    record.verifier = randomAlnum(6)
    return record
  }

  deny(token: string): RequestTokenRecord {
    const record = this.pendingRequestToken(token)
    record.state = 'denied'
    record.verifier = 'denied'
    return record
  }

  /** trades an approved request token for an access token; the request token is gone afterwards */
  exchange(request: RequestTokenRecord): AccessTokenRecord {
    if (request.state !== 'approved' || request.user === undefined) throw new Error('request token not approved')
    this.tokens.delete(request.token)
    const now = this.options.now()
    return this.storeAccessToken({
      consumerKey: request.consumerKey,
      user: request.user,
      sessionHandle: randomAlnum(32),
      sessionExpiresAt: now + (this.options.accessTokenTtlSec + SESSION_EXTRA_SEC) * 1000,
    })
  }

  /** renewal: a new token in the same session; the old token is gone */
  renew(old: AccessTokenRecord): AccessTokenRecord {
    this.tokens.delete(old.token)
    return this.storeAccessToken({
      consumerKey: old.consumerKey,
      user: old.user,
      sessionHandle: old.sessionHandle,
      sessionExpiresAt: old.sessionExpiresAt,
    })
  }

  revoke(token: string): void {
    this.accessToken(token).revoked = true
  }

  expire(token: string): void {
    this.accessToken(token).forcedExpired = true
  }

  private storeAccessToken(
    fields: Pick<AccessTokenRecord, 'consumerKey' | 'user' | 'sessionHandle' | 'sessionExpiresAt'>,
  ): AccessTokenRecord {
    const record: AccessTokenRecord = {
      kind: 'access',
      token: this.freshToken(),
      secret: randomAlnum(32),
      expiresAt: this.options.now() + this.options.accessTokenTtlSec * 1000,
      forcedExpired: false,
      revoked: false,
      ...fields,
    }
    this.tokens.set(record.token, record)
    return record
  }

  private pendingRequestToken(token: string): RequestTokenRecord {
    const record = this.tokens.get(token)
    if (!record || record.kind !== 'request') throw new Error(`unknown request token ${token}`)
    if (this.isExpired(record)) throw new Error(`request token ${token} has expired`)
    if (record.state !== 'pending') throw new Error(`request token ${token} was already ${record.state}`)
    return record
  }

  private accessToken(token: string): AccessTokenRecord {
    const record = this.tokens.get(token)
    if (!record || record.kind !== 'access') throw new Error(`unknown access token ${token}`)
    return record
  }

  private freshToken(): string {
    let token: string
    do token = randomAlnum(32)
    while (this.tokens.has(token))
    return token
  }
}

interface SeenNonce {
  consumerKey: string
  nonce: string
  timestamp: number
  token: string
  seenAtMs: number
}

/** How long the same consumer key + nonce is refused whatever the timestamp (JIRA: one minute). */
export const NONCE_WINDOW_MS = 60_000

/**
 * Replay protection as JIRA's provider does it: the same consumer key + nonce is refused for one
 * minute, and the same timestamp + nonce + consumer + token for as long as that timestamp is valid.
 */
const NONCE_SWEEP_MS = 5_000

export class NonceStore {
  /** consumer key + nonce → where it was seen; looked up per request, swept every few seconds. */
  private readonly byNonce = new Map<string, SeenNonce[]>()
  private nextSweepMs = 0

  constructor(
    private readonly now: () => number,
    private readonly timestampWindowSec: number,
  ) {}

  /** records the nonce; false when it is a replay */
  use(consumerKey: string, nonce: string, timestamp: number, token: string): boolean {
    const nowMs = this.now()
    const nowSec = Math.floor(nowMs / 1000)
    // remembered while either rule can still refuse it
    const kept = (s: SeenNonce) => nowMs - s.seenAtMs < NONCE_WINDOW_MS || Math.abs(s.timestamp - nowSec) <= this.timestampWindowSec
    if (nowMs >= this.nextSweepMs) {
      // A full scan per request made a long benchmark measure the sandbox: forget in sweeps instead.
      for (const [key, list] of this.byNonce) {
        const alive = list.filter(kept)
        if (alive.length) this.byNonce.set(key, alive)
        else this.byNonce.delete(key)
      }
      this.nextSweepMs = nowMs + NONCE_SWEEP_MS
    }
    const key = `${consumerKey}\u0000${nonce}`
    const list = this.byNonce.get(key)
    const replay = list?.some((s) => kept(s) && (nowMs - s.seenAtMs < NONCE_WINDOW_MS || (s.timestamp === timestamp && s.token === token)))
    if (replay) return false
    const entry: SeenNonce = { consumerKey, nonce, timestamp, token, seenAtMs: nowMs }
    if (list) list.push(entry)
    else this.byNonce.set(key, [entry])
    return true
  }
}
