/**
 * What happens to a stored JIRA token when JIRA refuses it: renew an expired one through its
 * session handle (one renewal per authorization at a time in this process, since JIRA invalidates
 * the old token when it issues the new one), retry with a token another request renewed meanwhile,
 * or mark the authorization revoked so that no further call is made with it.
 */
import type { Logger } from 'pino'
import { UnauthenticatedError } from '../errors.ts'
import type { OAuthDance } from './dance.ts'
import { OAuthProblemError } from './oauth-problem.ts'
import type { SessionStore } from './sessions.ts'
import type { TokenStore } from './token-store.ts'

/** What the lifecycle needs of a stored authorization. */
export interface JiraGrant {
  id: string
  accessToken: string
  sessionHandle: string | null
}

export class TokenLifecycle {
  private readonly renewals = new Map<string, Promise<string>>()

  constructor(
    private readonly deps: { tokens: TokenStore; sessions: SessionStore; dance: OAuthDance; logger: Logger },
  ) {}

  async markRevoked(authorizationId: string, problem: string): Promise<void> {
    this.deps.logger.warn({ authorizationId, oauthProblem: problem }, 'JIRA no longer accepts an authorization; marked revoked')
    await this.deps.tokens.markRevoked(authorizationId)
    this.deps.sessions.forgetAuthorization(authorizationId)
  }

  /** A token to retry with after JIRA refused `used` with `problem`, or undefined when the refusal stands. */
  async recover(grant: JiraGrant, problem: string, used: string): Promise<string | undefined> {
    if (problem === 'token_expired') return this.renew(grant, used)
    // Refused because another request renewed the token meanwhile (JIRA drops the old one)?
    const running = this.renewals.get(grant.id)
    if (running) return running.catch(() => undefined)
    const current = await this.deps.tokens.currentToken(grant.id)
    return current && !current.revokedAt && current.accessToken !== used ? current.accessToken : undefined
  }

  private renew(grant: JiraGrant, expiredToken: string): Promise<string> {
    const running = this.renewals.get(grant.id)
    if (running) return running
    const renewal = this.renewOnce(grant, expiredToken).finally(() => this.renewals.delete(grant.id))
    this.renewals.set(grant.id, renewal)
    return renewal
  }

  private async renewOnce(grant: JiraGrant, expiredToken: string): Promise<string> {
    const { tokens, sessions, dance, logger } = this.deps
    const current = await tokens.currentToken(grant.id)
    if (!current || current.revokedAt) throw new UnauthenticatedError('This authorization was revoked; authorize again.')
    if (current.accessToken !== expiredToken) return current.accessToken // renewed meanwhile (maybe by another process)
    if (!grant.sessionHandle) {
      await this.markRevoked(grant.id, 'token_expired')
      throw new UnauthenticatedError('JIRA says this authorization has expired and it has no session handle to renew it; authorize again.')
    }
    try {
      const renewed = await dance.renew(expiredToken, grant.sessionHandle)
      const swapped = await tokens.replaceToken(grant.id, expiredToken, renewed)
      sessions.forgetAuthorization(grant.id)
      if (!swapped) return (await tokens.currentToken(grant.id))?.accessToken ?? renewed.token
      logger.info({ authorizationId: grant.id }, 'renewed an expired JIRA access token')
      return renewed.token
    } catch (error) {
      if (error instanceof OAuthProblemError) {
        await this.markRevoked(grant.id, error.problem)
        throw new UnauthenticatedError(`JIRA refused to renew this authorization (oauth_problem=${error.problem}); authorize again.`, { oauthProblem: error.problem })
      }
      throw error
    }
  }
}
