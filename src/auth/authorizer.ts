/**
 * The dance as the gateway runs it for a person: start (request token, remembered for 10 minutes)
 * and complete (exchange once, learn who approved, store the grant and open a session).
 */
import { BadUserInputError, GatewayError } from '../errors.ts'
import type { Authorization } from '../generated/prisma/client.ts'
import { resolveCallbackUrl, type CallbackPolicy } from './callback-url.ts'
import type { OAuthDance } from './dance.ts'
import { OAuthProblemError } from './oauth-problem.ts'
import type { SessionStore } from './sessions.ts'
import type { JiraIdentity, TokenStore } from './token-store.ts'

export interface AuthorizerOptions {
  jiraBaseUrl: string
  consumerKey: string
  dance: OAuthDance
  tokens: TokenStore
  sessions: SessionStore
  callbackPolicy: CallbackPolicy
  /** Asks JIRA who a fresh access token belongs to (GET /rest/api/2/myself). */
  whoAmI: (accessToken: string) => Promise<JiraIdentity>
}

export interface StartedAuthorization {
  authorizeUrl: string
  requestToken: string
  callbackUrl: string
  expiresAt: Date
}

export interface CompletedAuthorization {
  sessionToken: string
  authorization: Authorization
}

// Shapes JIRA gives request tokens and verifiers; anything else is refused before JIRA sees it.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,128}$/
const VERIFIER_SHAPE = /^[A-Za-z0-9_-]{1,64}$/

/** The two steps the gateway's callers (GraphQL, the callback page, the CLI) take. */
export interface AuthorizationSteps {
  start(callbackUrl?: string | null): Promise<StartedAuthorization>
  complete(requestToken: string, verifier: string): Promise<CompletedAuthorization>
}

export class Authorizer implements AuthorizationSteps {
  constructor(private readonly options: AuthorizerOptions) {}

  async start(callbackUrl?: string | null): Promise<StartedAuthorization> {
    const callback = resolveCallbackUrl(callbackUrl, this.options.callbackPolicy)
    const grant = await this.options.dance.requestToken(callback).catch(explainConsumerProblem)
    const pending = await this.options.tokens.savePending(grant.token, grant.tokenSecret, callback)
    return {
      authorizeUrl: this.options.dance.authorizeUrl(grant.token),
      requestToken: grant.token,
      callbackUrl: callback,
      expiresAt: pending.expiresAt,
    }
  }

  async complete(requestToken: string, verifier: string): Promise<CompletedAuthorization> {
    if (!TOKEN_SHAPE.test(requestToken)) throw new BadUserInputError('requestToken is malformed: copy it from startAuthorization.', { argument: 'requestToken' })
    const cleanVerifier = verifier.trim()
    if (cleanVerifier === 'denied') throw new BadUserInputError('Access was denied in JIRA: run startAuthorization again to retry.', { argument: 'verifier' })
    if (!VERIFIER_SHAPE.test(cleanVerifier)) throw new BadUserInputError('verifier is malformed: copy the code JIRA showed after Allow.', { argument: 'verifier' })

    const { tokens, dance, sessions } = this.options
    await tokens.claimPending(requestToken)
    let grant
    try {
      grant = await dance.accessToken(requestToken, cleanVerifier)
    } catch (error) {
      // JIRA keeps a request token usable after a wrong verifier, and nothing was spent if JIRA was unreachable.
      if (!(error instanceof OAuthProblemError) || error.problem === 'token_rejected' || error.problem === 'permission_unknown') {
        await tokens.releasePending(requestToken)
      }
      throw explainExchangeProblem(error)
    }
    const user = await this.options.whoAmI(grant.token)
    let sessionToken = ''
    const authorization = await tokens.saveGrant(
      { jiraBaseUrl: this.options.jiraBaseUrl, consumerKey: this.options.consumerKey, user, grant },
      async (tx, saved) => {
        sessionToken = await sessions.create(saved.id, tx)
      },
    )
    return { sessionToken, authorization }
  }
}

function explainConsumerProblem(error: unknown): never {
  if (error instanceof OAuthProblemError) {
    throw new GatewayError('OAUTH_PROBLEM', `JIRA refused the gateway as an OAuth consumer: ${error.message}`, error.details)
  }
  throw error
}

function explainExchangeProblem(error: unknown): unknown {
  if (!(error instanceof OAuthProblemError)) return error
  switch (error.problem) {
    case 'token_rejected':
      return new BadUserInputError('JIRA rejected the verifier for this request token: check the code and try again (the request token stays usable until it expires).', {
        argument: 'verifier',
        oauthProblem: error.problem,
      })
    case 'permission_unknown':
      return new BadUserInputError('This request token has not been approved yet: open authorizeUrl, click Allow, then try again.', { oauthProblem: error.problem })
    case 'permission_denied':
      return new BadUserInputError('Access was denied in JIRA: run startAuthorization again to retry.', { oauthProblem: error.problem })
    case 'token_expired':
      return new BadUserInputError('This request token has expired in JIRA: run startAuthorization again.', { oauthProblem: error.problem })
    default:
      return error
  }
}
