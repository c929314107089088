/**
 * JIRA's three-legged OAuth 1.0a dance: request token, the person's approval in the browser,
 * access token. Token requests are signed POSTs with the protocol parameters in the header;
 * JIRA answers form-encoded text.
 */
import { GatewayError } from '../errors.ts'
import { OAuthProblemError, readOAuthProblem } from './oauth-problem.ts'
import { defaultTransport, TransportError, type HttpTransport } from '../jira/http.ts'
import type { OAuthSigner } from './signer.ts'

export interface RequestTokenGrant {
  token: string
  tokenSecret: string
}

export interface AccessTokenGrant {
  token: string
  tokenSecret: string
  /** Absent when JIRA does not say. */
  expiresInSeconds?: number
  sessionHandle?: string
  authorizationExpiresInSeconds?: number
}

export interface OAuthDanceOptions {
  jiraBaseUrl: string
  signer: OAuthSigner
  timeoutMs: number
  /** How requests reach JIRA (default: undici's keep-alive global dispatcher). */
  transport?: HttpTransport
}

const SERVLET = '/plugins/servlet/oauth'

export class OAuthDance {
  private readonly transport: HttpTransport

  constructor(private readonly options: OAuthDanceOptions) {
    this.transport = options.transport ?? defaultTransport
  }

  /** Step 1: an unauthorized request token; `callback` is "oob" or an absolute URL. */
  async requestToken(callback: string): Promise<RequestTokenGrant> {
    const answer = await this.post('request-token', 'Getting a request token', undefined, { oauth_callback: callback })
    return { token: required(answer, 'oauth_token'), tokenSecret: answer.get('oauth_token_secret') ?? '' }
  }

  /** Step 2: where the person approves the request token. */
  authorizeUrl(requestToken: string): string {
    return `${this.options.jiraBaseUrl}${SERVLET}/authorize?oauth_token=${encodeURIComponent(requestToken)}`
  }

  /** Step 3: the approved request token and its verifier for an access token. */
  async accessToken(requestToken: string, verifier: string): Promise<AccessTokenGrant> {
    const answer = await this.post('access-token', 'Exchanging the request token', requestToken, { oauth_verifier: verifier })
    return accessGrant(answer)
  }

  /** Renews an expired access token through its session handle. */
  async renew(accessToken: string, sessionHandle: string): Promise<AccessTokenGrant> {
    const answer = await this.post('access-token', 'Renewing the access token', accessToken, { oauth_session_handle: sessionHandle })
    return accessGrant(answer)
  }

  private async post(endpoint: string, what: string, token: string | undefined, extra: Record<string, string>): Promise<URLSearchParams> {
    const url = `${this.options.jiraBaseUrl}${SERVLET}/${endpoint}`
    const authorization = this.options.signer.authorizationHeader({ method: 'POST', url }, token, extra)
    let response
    try {
      response = await this.transport({
        method: 'POST',
        url,
        headers: { authorization, accept: 'text/plain, application/x-www-form-urlencoded' },
        timeoutMs: this.options.timeoutMs,
      })
    } catch (error) {
      const timedOut = error instanceof TransportError && error.timedOut
      throw new GatewayError(
        'JIRA_UNAVAILABLE',
        `${what}: JIRA at ${this.options.jiraBaseUrl} ${timedOut ? `did not answer within ${this.options.timeoutMs} ms` : 'could not be reached'}.`,
      )
    }
    const body = response.text
    const problem = readOAuthProblem(response.header('www-authenticate'), body)
    if (problem) throw new OAuthProblemError(problem, response.status, what)
    if (response.status < 200 || response.status >= 300) {
      throw new GatewayError('JIRA_ERROR', `${what}: JIRA answered HTTP ${response.status}; check JIRA_BASE_URL (${this.options.jiraBaseUrl}).`, {
        status: response.status,
      })
    }
    const answer = new URLSearchParams(body.trim())
    if (!answer.get('oauth_token')) {
      throw new GatewayError('JIRA_ERROR', `${what}: JIRA's answer was not an OAuth token response; check JIRA_BASE_URL (${this.options.jiraBaseUrl}).`)
    }
    return answer
  }
}

function required(answer: URLSearchParams, name: string): string {
  const value = answer.get(name)
  if (!value) throw new GatewayError('JIRA_ERROR', `JIRA's OAuth answer lacks ${name}.`)
  return value
}

function optionalSeconds(answer: URLSearchParams, name: string): number | undefined {
  const value = Number(answer.get(name))
  return Number.isFinite(value) && value > 0 ? value : undefined
}

function accessGrant(answer: URLSearchParams): AccessTokenGrant {
  return {
    token: required(answer, 'oauth_token'),
    tokenSecret: answer.get('oauth_token_secret') ?? '',
    expiresInSeconds: optionalSeconds(answer, 'oauth_expires_in'),
    sessionHandle: answer.get('oauth_session_handle') ?? undefined,
    authorizationExpiresInSeconds: optionalSeconds(answer, 'oauth_authorization_expires_in'),
  }
}
