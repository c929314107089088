/**
 * The one HTTP client for JIRA's REST API, made per authorized person (one access token) and per
 * GraphQL request. Every call is signed, has a time-out, speaks JSON, and turns JIRA's failures into
 * coded gateway errors. A non-JSON answer is never taken for data.
 */
import { GatewayError, ForbiddenError, NotFoundError, BadUserInputError, UnauthenticatedError } from '../errors.ts'
import { DEAD_TOKEN_PROBLEMS, adviceFor, readOAuthProblem } from '../auth/oauth-problem.ts'
import type { OAuthSigner } from '../auth/signer.ts'
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
  fetch?: typeof fetch
}

export class JiraClient {
  private readonly fetch: typeof fetch
  private dead: string | undefined

  constructor(private readonly options: JiraClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch
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
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: this.options.signer.authorizationHeader({ method, url }, this.options.accessToken),
    }
    if (body !== undefined) headers['content-type'] = 'application/json'

    let response: Response
    let text: string
    try {
      response = await this.fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
      text = await response.text()
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError'
      throw new GatewayError(
        'JIRA_UNAVAILABLE',
        timedOut ? `JIRA did not answer within ${this.options.timeoutMs} ms.` : 'JIRA could not be reached.',
        { method, path },
      )
    }
    if (response.ok) return this.parseJson<T>(response, text, path)
    throw await this.failure(response, text, path)
  }

  private url(path: string, query?: Query): string {
    const url = new URL(this.options.baseUrl + path)
    for (const [name, value] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) url.searchParams.append(name, String(item))
    }
    return url.href
  }

  private parseJson<T>(response: Response, text: string, path: string): T {
    const loginReason = response.headers.get('x-seraph-loginreason')
    if (loginReason && /FAILED|DENIED/i.test(loginReason)) {
      throw new UnauthenticatedError(`JIRA did not accept this person's authorization (${loginReason}).`)
    }
    if (response.status === 204 || text === '') return undefined as T
    const type = response.headers.get('content-type') ?? ''
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

  private async failure(response: Response, text: string, path: string): Promise<GatewayError> {
    const status = response.status
    const problem = readOAuthProblem(response.headers.get('www-authenticate'), text)
    if (problem) {
      if (DEAD_TOKEN_PROBLEMS.has(problem)) {
        this.dead = problem
        await this.options.onDeadToken?.(problem)
        return deadTokenError(problem)
      }
      return new UnauthenticatedError(`JIRA refused the request: oauth_problem=${problem}. ${adviceFor(problem)}`, { oauthProblem: problem })
    }
    const messages = jiraMessages(text)
    if (status === 401) return new UnauthenticatedError('JIRA did not accept this authorization.')
    if (status === 403) return new ForbiddenError(messages.text || 'JIRA does not allow this person to do that.', messages.details)
    if (status === 404) return new NotFoundError(messages.text || `JIRA has no resource at ${path}.`, messages.details)
    if (status === 400) return new BadUserInputError(messages.text || 'JIRA refused the request as invalid.', messages.details)
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
