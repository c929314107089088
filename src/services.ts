/**
 * What the gateway builds once at start-up and shares across requests: settings, the database, the
 * signer (private key parsed once), the dance and the stores. Per-request state lives in Context.
 */
import type { KeyObject } from 'node:crypto'
import type { Logger } from 'pino'
import { Authorizer } from './auth/authorizer.ts'
import { OAuthDance } from './auth/dance.ts'
import { SessionStore } from './auth/sessions.ts'
import { OAuthSigner } from './auth/signer.ts'
import { TokenStore } from './auth/token-store.ts'
import type { Config } from './config.ts'
import type { PrismaClient } from './db/client.ts'
import { JiraClient } from './jira/client.ts'
import { createFieldCache, type FieldCache } from './jira/field-catalog.ts'

export interface Services {
  config: Config & { jiraBaseUrl: string }
  prisma: PrismaClient
  signer: OAuthSigner
  authorizer: Authorizer
  sessions: SessionStore
  tokens: TokenStore
  logger: Logger
  /** JIRA field lists per authorization, shared across requests. */
  fieldCache: FieldCache
  /** A JIRA client acting as one person; `onDeadToken` marks their authorization revoked. */
  jiraFor(accessToken: string, authorizationId?: string): JiraClient
}

export function createServices(input: { config: Config & { jiraBaseUrl: string }; prisma: PrismaClient; privateKey: KeyObject; logger: Logger }): Services {
  const { config, prisma, privateKey, logger } = input
  const signer = new OAuthSigner({ consumerKey: config.consumerKey, privateKey })
  const tokens = new TokenStore(prisma)
  const sessions = new SessionStore(prisma, config.sessionTtlMs)
  const dance = new OAuthDance({ jiraBaseUrl: config.jiraBaseUrl, signer, timeoutMs: config.jiraTimeoutMs })

  const jiraFor = (accessToken: string, authorizationId?: string) =>
    new JiraClient({
      baseUrl: config.jiraBaseUrl,
      signer,
      accessToken,
      timeoutMs: config.jiraTimeoutMs,
      onDeadToken: authorizationId
        ? async (problem) => {
            logger.warn({ authorizationId, oauthProblem: problem }, 'JIRA no longer accepts an authorization; marked revoked')
            await tokens.markRevoked(authorizationId)
          }
        : undefined,
    })

  const authorizer = new Authorizer({
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
      const me = await jiraFor(accessToken).myself()
      if (!me.name) throw new Error('JIRA /myself answered without a user name')
      return { key: me.key ?? me.name, name: me.name, displayName: me.displayName ?? me.name }
    },
  })

  return { config, prisma, signer, authorizer, sessions, tokens, logger, fieldCache: createFieldCache(), jiraFor }
}
