/**
 * The one HTTP client for JIRA's REST API, made per authorized person (one access token) and per
 * GraphQL request. Every call is signed, has a time-out, speaks JSON, and turns JIRA's failures into
 * coded gateway errors. A non-JSON answer is never taken for data.
 */
import { GatewayError, ForbiddenError, NotFoundError, BadUserInputError, UnauthenticatedError } from '../errors.ts'
import { DEAD_TOKEN_PROBLEMS, adviceFor, readOAuthProblem } from '../auth/oauth-problem.ts'
import type { OAuthSigner } from '../auth/signer.ts'
import { defaultTransport, TransportError, type HttpResponse, type HttpTransport } from './http.ts'
import type { JiraErrorBody, JiraIssue, JiraSearchResult, JiraUser } from './types.ts'

type QueryValue = string | number | boolean
export type Query = Record<string, QueryValue | readonly QueryValue[] | undefined>

/** Asked for when no field is needed: JIRA ignores unknown names, so the answer carries no fields at all (an empty list would mean "all"). */
const NO_FIELDS = ['id']
/** Past this length a search goes by POST, as JIRA recommends for long JQL (proxies cap URL length). */
const MAX_GET_URL = 2000

export interface SearchParams {
  jql: string
  startAt: number
  maxResults: number
  fields: readonly string[]
  expand?: readonly string[]
}

export interface JiraClientOptions {
  baseUrl: string
  signer: OAuthSigner
  accessToken: string
  timeoutMs: number
  /** Called once JIRA says the token can never work again (rejected, revoked, denied). */
  onDeadToken?: (problem: string) => Promise<void> | void
  /**
   * Asked once per call when JIRA refuses the token: returns a token to try again with (renewed, or
   * renewed meanwhile by another request), or undefined when the refusal stands.
   */
  recover?: (problem: string, usedToken: string) => Promise<string | undefined>
  /** Told of every HTTP exchange with JIRA (for logs and metrics); never sees headers or bodies. */
  onCall?: (call: JiraCall) => void
  /** Epoch ms after which no call is started or retried (the GraphQL request's deadline). */
  deadline?: number
  /** How requests reach JIRA (default: undici's keep-alive global dispatcher). */
  transport?: HttpTransport
}

export interface JiraCall {
  method: string
  /** The path without its query string. */
  path: string
  /** 0 when no answer came (time-out, refused or reset connection). */
  status: number
  durationMs: number
  bytes: number
}

type Attempt = { response: HttpResponse; text: string } | { error: GatewayError; retryable: boolean }

const MAX_RETRIES = 2
const BACKOFF_MS = [100, 400]
/** A Retry-After longer than this is not waited for: the client is told when to come back instead. */
const MAX_RETRY_AFTER_MS = 5_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Retry-After in seconds or as an HTTP date, else Data Center's X-RateLimit-* headers. */
export function retryAfterMs(headers: { get(name: string): string | null }): number | undefined {
  const value = headers.get('retry-after')?.trim()
  if (value) {
    if (/^\d+$/.test(value)) return Number(value) * 1000
    const date = Date.parse(value)
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now())
  }
  // Data Center 8.6+: when no token is left, the next one arrives after interval / fillRate seconds.
  if (headers.get('x-ratelimit-remaining') === '0') {
    const interval = Number(headers.get('x-ratelimit-interval-seconds'))
    const fillRate = Number(headers.get('x-ratelimit-fillrate'))
    if (interval > 0 && fillRate > 0) return Math.ceil(interval / fillRate) * 1000
  }
  return undefined
}

function deadlineError(method: string, path: string): GatewayError {
  return new GatewayError('JIRA_UNAVAILABLE', 'The request ran out of time before JIRA answered.', { method, path })
}

/** token_expired: the caller may renew the token and try again. */
class TokenExpiredError extends UnauthenticatedError {
  constructor() {
    super('JIRA says this authorization has expired (oauth_problem=token_expired) and it could not be renewed.', { oauthProblem: 'token_expired' })
  }
}

export class JiraClient {
  private readonly transport: HttpTransport
  private dead: string | undefined
  private accessToken: string

  constructor(private readonly options: JiraClientOptions) {
    this.transport = options.transport ?? defaultTransport
    this.accessToken = options.accessToken
  }

  get baseUrl(): string {
    return this.options.baseUrl
  }

  async get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, query)
  }

  async put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, undefined, body)
  }

  async post<T>(path: string, body: unknown, query?: Query): Promise<T> {
    return this.request<T>('POST', path, query, body)
  }

  async myself(): Promise<JiraUser> {
    return this.get<JiraUser>('/rest/api/2/myself')
  }

  /** One issue by key or id; null when it does not exist or this person may not see it (JIRA does not tell the two apart). */
  async issue(keyOrId: string, options: { fields?: string[]; expand?: string[] } = {}): Promise<JiraIssue | null> {
    try {
      return await this.get<JiraIssue>(`/rest/api/2/issue/${encodeURIComponent(keyOrId)}`, {
        fields: options.fields ? (options.fields.length ? options.fields : NO_FIELDS).join(',') : undefined,
        expand: options.expand?.length ? options.expand.join(',') : undefined,
      })
    } catch (error) {
      if (error instanceof NotFoundError) return null
      throw error
    }
  }

  /** One page of a JQL search. JIRA may grant fewer than maxResults: callers read `maxResults` back. */
  async search(params: SearchParams): Promise<JiraSearchResult> {
    const fields = params.fields.length ? params.fields : NO_FIELDS
    const expand = params.expand?.length ? params.expand : undefined
    const query = { jql: params.jql, startAt: params.startAt, maxResults: params.maxResults, fields: fields.join(','), expand: expand?.join(',') }
    if (this.url('/rest/api/2/search', query).length <= MAX_GET_URL) return this.get<JiraSearchResult>('/rest/api/2/search', query)
    return this.post<JiraSearchResult>('/rest/api/2/search', { jql: params.jql, startAt: params.startAt, maxResults: params.maxResults, fields, ...(expand ? { expand } : {}) })
  }

  async request<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
    if (this.dead) throw deadTokenError(this.dead)
    const url = this.url(path, query)
    // Reads may be retried; a write is sent once, whatever happens, so it can never apply twice.
    const isRead = method === 'GET' || (method === 'POST' && path === '/rest/api/2/search')
    let recovered = false
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(method, url, path, body)
      if ('response' in outcome && outcome.response.status >= 200 && outcome.response.status < 300) return this.parseJson<T>(outcome.response, outcome.text, path)

      const waitMs = isRead ? this.retryDelay(outcome, attempt) : undefined
      if (waitMs !== undefined) {
        await sleep(waitMs)
        continue
      }
      if ('error' in outcome) throw outcome.error
      // A refusal at authentication means nothing was applied, so even a write may be sent again
      // once: with a renewed token (token_expired), or with the one another request renewed meanwhile.
      const problem = readOAuthProblem(outcome.response.header('www-authenticate'), outcome.text)
      if (problem && (problem === 'token_expired' || DEAD_TOKEN_PROBLEMS.has(problem)) && !recovered && this.options.recover) {
        recovered = true
        const next = await this.options.recover(problem, this.accessToken)
        if (next) {
          this.accessToken = next
          continue
        }
      }
      if (problem && DEAD_TOKEN_PROBLEMS.has(problem)) {
        this.dead = problem
        await this.options.onDeadToken?.(problem)
        throw deadTokenError(problem)
      }
      throw this.failure(outcome.response, outcome.text, path, problem)
    }
  }

  /** One try: the response and its body, or the error a failed connection becomes. */
  private async attempt(method: string, url: string, path: string, body: unknown): Promise<Attempt> {
    const remaining = this.remainingMs()
    if (remaining <= 0) return { error: deadlineError(method, path), retryable: false }
    const timeout = Math.min(this.options.timeoutMs, remaining)
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: this.options.signer.authorizationHeader({ method, url }, this.accessToken),
    }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const started = performance.now()
    try {
      const response = await this.transport({ method, url, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: timeout })
      this.options.onCall?.({ method, path, status: response.status, durationMs: performance.now() - started, bytes: response.text.length })
      return { response, text: response.text }
    } catch (error) {
      this.options.onCall?.({ method, path, status: 0, durationMs: performance.now() - started, bytes: 0 })
      const timedOut = error instanceof TransportError && error.timedOut
      return {
        error: new GatewayError('JIRA_UNAVAILABLE', timedOut ? `JIRA did not answer within ${timeout} ms.` : 'JIRA could not be reached (connection refused or reset).', { method, path }),
        // A time-out has used the time already; a refused or reset connection is worth another try.
        retryable: !timedOut,
      }
    }
  }

  /** How long to wait before trying a read again, or undefined to give up now. */
  private retryDelay(outcome: Attempt, attempt: number): number | undefined {
    if (attempt >= MAX_RETRIES) return undefined
    let wait: number | undefined
    if ('error' in outcome) {
      if (outcome.retryable) wait = BACKOFF_MS[attempt]! * (0.75 + Math.random() / 2)
    } else if (outcome.response.status === 429 || outcome.response.status === 503) {
      wait = retryAfterMs({ get: outcome.response.header }) ?? BACKOFF_MS[attempt]!
      if (wait > MAX_RETRY_AFTER_MS) return undefined
    } else if (outcome.response.status === 502 || outcome.response.status === 504) {
      wait = BACKOFF_MS[attempt]!
    }
    if (wait === undefined || wait >= this.remainingMs()) return undefined
    return wait
  }

  private remainingMs(): number {
    return this.options.deadline ? this.options.deadline - Date.now() : Number.POSITIVE_INFINITY
  }

  private url(path: string, query?: Query): string {
    const url = new URL(this.options.baseUrl + path)
    for (const [name, value] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) url.searchParams.append(name, String(item))
    }
    return url.href
  }

  private parseJson<T>(response: HttpResponse, text: string, path: string): T {
    const loginReason = response.header('x-seraph-loginreason')
    if (loginReason && /FAILED|DENIED/i.test(loginReason)) {
      throw new UnauthenticatedError(`JIRA did not accept this person's authorization (${loginReason}).`)
    }
    if (response.status === 204 || text === '') return undefined as T
    const type = response.header('content-type') ?? ''
    if (!/\bjson\b/i.test(type)) {
      throw new GatewayError('JIRA_ERROR', `JIRA answered ${path} with ${type.split(';')[0] || 'no content type'}, not JSON (a login page or a proxy in the way?).`, {
        status: response.status,
      })
    }
    try {
      return JSON.parse(text) as T
    } catch {
      throw new GatewayError('JIRA_ERROR', `JIRA answered ${path} with malformed JSON.`, { status: response.status })
    }
  }

  private failure(response: HttpResponse, text: string, path: string, problem: string | undefined): GatewayError {
    const status = response.status
    if (problem === 'token_expired') return new TokenExpiredError()
    if (problem) {
      return new UnauthenticatedError(`JIRA refused the request: oauth_problem=${problem}. ${adviceFor(problem)}`, { oauthProblem: problem })
    }
    const messages = jiraMessages(text)
    if (status === 401) return new UnauthenticatedError('JIRA did not accept this authorization.')
    if (status === 403) return new ForbiddenError(messages.text || 'JIRA does not allow this person to do that.', messages.details)
    if (status === 404) return new NotFoundError(messages.text || `JIRA has no resource at ${path}.`, messages.details)
    if (status === 400) return new BadUserInputError(messages.text || 'JIRA refused the request as invalid.', messages.details)
    if (status === 429 || status === 503) {
      const waitMs = retryAfterMs({ get: response.header })
      const when = waitMs === undefined ? 'later' : new Date(Date.now() + waitMs).toISOString()
      return new GatewayError(status === 429 ? 'RATE_LIMITED' : 'JIRA_UNAVAILABLE', `JIRA is ${status === 429 ? 'rate limiting this user' : 'unavailable'}: try again ${waitMs === undefined ? 'later' : `after ${when}`}.`, {
        status,
        ...(waitMs === undefined ? {} : { retryAfterSeconds: Math.ceil(waitMs / 1000), retryAt: when }),
      })
    }
    return new GatewayError('JIRA_ERROR', `JIRA answered HTTP ${status}${messages.text ? `: ${messages.text}` : ''}.`, { status })
  }
}

function deadTokenError(problem: string): GatewayError {
  return new UnauthenticatedError(`JIRA no longer accepts this authorization (oauth_problem=${problem}); it has been marked revoked.`, {
    oauthProblem: problem,
  })
}

/** JIRA's error messages, for the client: they describe the request, never the credentials. */
function jiraMessages(text: string): { text: string; details: Record<string, unknown> } {
  try {
    const body = JSON.parse(text) as JiraErrorBody
    const errors = body.errors && typeof body.errors === 'object' ? body.errors : {}
    const list = [...(Array.isArray(body.errorMessages) ? body.errorMessages : []), ...Object.entries(errors).map(([field, message]) => `${field}: ${message}`)]
    return { text: list.join(' '), details: { jiraErrorMessages: body.errorMessages ?? [], jiraErrors: errors } }
  } catch {
    return { text: '', details: {} }
  }
}
