/**
 * What the gateway builds once at start-up and shares across requests: settings, the database, the
 * signer (private key parsed once), the dance and the stores. Per-request state lives in Context.
 */
import type { KeyObject } from 'node:crypto'
import type { Logger } from 'pino'
import { Authorizer, type AuthorizationSteps } from './auth/authorizer.ts'
import { OAuthDance } from './auth/dance.ts'
import { SessionStore } from './auth/sessions.ts'
import { OAuthSigner } from './auth/signer.ts'
import { TokenStore } from './auth/token-store.ts'
import { TokenLifecycle, type JiraGrant } from './auth/token-lifecycle.ts'
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

  const lifecycle = new TokenLifecycle({ tokens, sessions, dance, logger })

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
      onDeadToken: grant ? (problem) => lifecycle.markRevoked(grant.id, problem) : undefined,
      recover: grant ? (problem, used) => lifecycle.recover(grant, problem, used) : undefined,
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
