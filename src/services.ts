/**
 * What the gateway builds once at start-up and shares across requests: settings, the database, the
 * signer (private key parsed once), the dance and the stores. Per-request state lives in Context.
 */
import type { KeyObject } from 'node:crypto'
import type { Logger } from 'pino'
import { Authorizer, type AuthorizationSteps } from './auth/authorizer.ts'
import { OAuthDance } from './auth/dance.ts'
import { OAuthProblemError } from './auth/oauth-problem.ts'
import { UnauthenticatedError } from './errors.ts'
import { SessionStore } from './auth/sessions.ts'
import { OAuthSigner } from './auth/signer.ts'
import { TokenStore } from './auth/token-store.ts'
import { TokenCipher } from './auth/token-cipher.ts'
import type { Config } from './config.ts'
import type { PrismaClient } from './db/client.ts'
import { JiraClient } from './jira/client.ts'
import { createAgent, createTransport } from './jira/http.ts'
import { createFieldCache, type FieldCache } from './jira/field-catalog.ts'
import { countOutcome, createMetrics, type Metrics } from './metrics.ts'

export interface Services {
  config: Config & { jiraBaseUrl: string }
  prisma: PrismaClient
  signer: OAuthSigner
  authorizer: AuthorizationSteps
  sessions: SessionStore
  tokens: TokenStore
  logger: Logger
  metrics: Metrics
  /** Closes the keep-alive connections to JIRA (at shutdown). */
  closeConnections(): Promise<void>
  /** JIRA field lists per authorization, shared across requests. */
  fieldCache: FieldCache
  /**
   * A JIRA client acting as one person. With the stored authorization, an expired token is renewed
   * (once, shared by concurrent requests) and a dead one marks the authorization revoked.
   */
  jiraFor(authorization: JiraGrant | { accessToken: string }, options?: { deadline?: number; log?: Logger }): JiraClient
}

/** What a JIRA client needs of a stored authorization. */
export interface JiraGrant {
  id: string
  accessToken: string
  sessionHandle: string | null
}

export function createServices(input: { config: Config & { jiraBaseUrl: string }; prisma: PrismaClient; privateKey: KeyObject; logger: Logger }): Services {
  const { config, prisma, privateKey, logger } = input
  const cipher = TokenCipher.fromSetting(config.tokenEncryptionKey)
  const metrics = createMetrics()
  const signer = new OAuthSigner({ consumerKey: config.consumerKey, privateKey })
  const tokens = new TokenStore(prisma, undefined, cipher)
  const sessions = new SessionStore(prisma, config.sessionTtlMs, undefined, (authorization) => tokens.open(authorization))
  // One keep-alive connection pool to JIRA for everyone: connections are reused across people and requests.
  const agent = createAgent()
  const transport = createTransport(agent)
  const dance = new OAuthDance({ jiraBaseUrl: config.jiraBaseUrl, signer, timeoutMs: config.jiraTimeoutMs, transport })

  const markRevoked = async (authorizationId: string, problem: string) => {
    logger.warn({ authorizationId, oauthProblem: problem }, 'JIRA no longer accepts an authorization; marked revoked')
    await tokens.markRevoked(authorizationId)
    sessions.forgetAuthorization(authorizationId)
  }

  // One renewal per authorization at a time in this process: JIRA invalidates the old token when it
  // issues the new one, so a second, concurrent renewal with the old token would be refused.
  const renewals = new Map<string, Promise<string>>()
  const renew = (grant: JiraGrant, expiredToken: string): Promise<string> => {
    const running = renewals.get(grant.id)
    if (running) return running
    const renewal = (async () => {
      const current = await tokens.currentToken(grant.id)
      if (!current || current.revokedAt) throw new UnauthenticatedError('This authorization was revoked; authorize again.')
      if (current.accessToken !== expiredToken) return current.accessToken // renewed meanwhile (maybe by another process)
      if (!grant.sessionHandle) {
        await markRevoked(grant.id, 'token_expired')
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
          await markRevoked(grant.id, error.problem)
          throw new UnauthenticatedError(`JIRA refused to renew this authorization (oauth_problem=${error.problem}); authorize again.`, { oauthProblem: error.problem })
        }
        throw error
      }
    })().finally(() => renewals.delete(grant.id))
    renewals.set(grant.id, renewal)
    return renewal
  }

  /** A token to retry with after JIRA refused `used`, or undefined when the refusal stands. */
  const recover = async (grant: JiraGrant, problem: string, used: string): Promise<string | undefined> => {
    if (problem === 'token_expired') return renew(grant, used)
    // Refused because another request renewed the token meanwhile (JIRA drops the old one)?
    const running = renewals.get(grant.id)
    if (running) return running.catch(() => undefined)
    const current = await tokens.currentToken(grant.id)
    return current && !current.revokedAt && current.accessToken !== used ? current.accessToken : undefined
  }

  const jiraFor = (authorization: JiraGrant | { accessToken: string }, options: { deadline?: number; log?: Logger } = {}) => {
    const grant = 'id' in authorization ? authorization : undefined
    const log = options.log ?? logger
    return new JiraClient({
      baseUrl: config.jiraBaseUrl,
      signer,
      accessToken: authorization.accessToken,
      timeoutMs: config.jiraTimeoutMs,
      deadline: options.deadline,
      transport,
      onCall: (call) => {
        metrics.jiraCalls.observe({ method: call.method, status: String(call.status) }, call.durationMs / 1000)
        log.debug({ jira: { ...call, durationMs: Math.round(call.durationMs) } }, 'jira call')
      },
      onDeadToken: grant ? (problem) => markRevoked(grant.id, problem) : undefined,
      recover: grant ? (problem, used) => recover(grant, problem, used) : undefined,
    })
  }

  const dancer = new Authorizer({
    jiraBaseUrl: config.jiraBaseUrl,
    consumerKey: config.consumerKey,
    dance,
    tokens,
    sessions,
    // Read at each call: with an ephemeral port, PUBLIC_URL is only known once the server listens.
    callbackPolicy: {
      get publicUrl() {
        return config.publicUrl
      },
      allowlist: config.callbackAllowlist,
    },
    whoAmI: async (accessToken) => {
      const me = await jiraFor({ accessToken }).myself()
      if (!me.name) throw new Error('JIRA /myself answered without a user name')
      return { key: me.key ?? me.name, name: me.name, displayName: me.displayName ?? me.name }
    },
  })

  // The same Authorizer, with each step's outcome counted for /metrics.
  const authorizer: AuthorizationSteps = {
    start: (callbackUrl) => countOutcome(metrics, 'start', () => dancer.start(callbackUrl)),
    complete: (requestToken, verifier) => countOutcome(metrics, 'complete', () => dancer.complete(requestToken, verifier)),
  }

  return { config, prisma, signer, authorizer, sessions, tokens, logger, metrics, fieldCache: createFieldCache(), jiraFor, closeConnections: () => agent.close() }
}
