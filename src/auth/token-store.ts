/**
 * Pending request tokens and JIRA authorizations in the gateway's database. A request token lives
 * 10 minutes and is exchanged at most once: claiming it is one conditional UPDATE, so of many
 * concurrent completions exactly one proceeds.
 */
import { randomUUID } from 'node:crypto'
import { BadUserInputError } from '../errors.ts'
import type { PrismaClient } from '../generated/prisma/client.ts'
import type { Authorization, RequestToken } from '../generated/prisma/client.ts'
import type { AccessTokenGrant } from './dance.ts'
import { TokenCipher } from './token-cipher.ts'

export const REQUEST_TOKEN_TTL_MS = 10 * 60_000

export interface JiraIdentity {
  key: string
  name: string
  displayName: string
}

export class TokenStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date = () => new Date(),
    /** Encrypts JIRA's tokens and secrets at rest when a key is configured. */
    private readonly cipher: TokenCipher = new TokenCipher(undefined),
  ) {}

  async savePending(token: string, tokenSecret: string, callbackUrl: string): Promise<RequestToken> {
    const createdAt = this.now()
    return this.prisma.requestToken.create({
      data: { token, tokenSecret: this.cipher.seal(tokenSecret), callbackUrl, createdAt, expiresAt: new Date(createdAt.getTime() + REQUEST_TOKEN_TTL_MS) },
    })
  }

  /** Takes the pending token for one exchange; throws a clear error when it is unknown, expired or used. */
  async claimPending(token: string): Promise<RequestToken> {
    const pending = await this.prisma.requestToken.findUnique({ where: { token } })
    const now = this.now()
    if (!pending) throw new BadUserInputError('Unknown request token: run startAuthorization to get one.', { argument: 'requestToken' })
    if (pending.usedAt) throw new BadUserInputError('This request token was already used: run startAuthorization again.', { argument: 'requestToken' })
    if (pending.expiresAt <= now) {
      throw new BadUserInputError('This request token has expired (they live 10 minutes): run startAuthorization again.', { argument: 'requestToken' })
    }
    const { count } = await this.prisma.requestToken.updateMany({ where: { token, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
    if (count !== 1) throw new BadUserInputError('This request token was already used: run startAuthorization again.', { argument: 'requestToken' })
    return pending
  }

  /** Gives a claimed token back, after a failure that leaves it usable in JIRA (a wrong verifier, JIRA unreachable). */
  async releasePending(token: string): Promise<void> {
    await this.prisma.requestToken.updateMany({ where: { token }, data: { usedAt: null } })
  }

  /**
   * Stores (or replaces) one person's grant and opens a session on it, in one transaction: either
   * both are there or neither is.
   */
  async saveGrant(
    input: { jiraBaseUrl: string; consumerKey: string; user: JiraIdentity; grant: AccessTokenGrant },
    openSession: (tx: Pick<PrismaClient, 'session'>, authorization: Authorization) => Promise<unknown>,
  ): Promise<Authorization> {
    const { jiraBaseUrl, consumerKey, user, grant } = input
    const now = this.now()
    const inSeconds = (seconds: number | undefined) => (seconds ? new Date(now.getTime() + seconds * 1000) : null)
    const fields = {
      jiraUsername: user.name,
      jiraDisplayName: user.displayName,
      accessToken: this.cipher.seal(grant.token),
      tokenSecret: this.cipher.seal(grant.tokenSecret),
      sessionHandle: grant.sessionHandle ? this.cipher.seal(grant.sessionHandle) : null,
      expiresAt: inSeconds(grant.expiresInSeconds),
      authorizationExpiresAt: inSeconds(grant.authorizationExpiresInSeconds),
      revokedAt: null,
    }
    return this.prisma.$transaction(async (tx) => {
      const authorization = await tx.authorization.upsert({
        where: { jiraBaseUrl_consumerKey_jiraUserKey: { jiraBaseUrl, consumerKey, jiraUserKey: user.key } },
        create: { id: randomUUID(), jiraBaseUrl, consumerKey, jiraUserKey: user.key, ...fields },
        update: fields,
      })
      await openSession(tx, authorization)
      return authorization
    })
  }

  /**
   * Swaps a renewed access token in, only if the old one is still current (another request may
   * have renewed first). Returns whether this call made the swap.
   */
  async replaceToken(authorizationId: string, oldToken: string, grant: AccessTokenGrant): Promise<boolean> {
    const now = this.now()
    const stored = await this.prisma.authorization.findUnique({ where: { id: authorizationId }, select: { accessToken: true } })
    if (!stored || this.cipher.open(stored.accessToken) !== oldToken) return false
    // Compare-and-swap on the stored value: a concurrent renewal elsewhere makes this update nothing.
    const { count } = await this.prisma.authorization.updateMany({
      where: { id: authorizationId, accessToken: stored.accessToken, revokedAt: null },
      data: {
        accessToken: this.cipher.seal(grant.token),
        tokenSecret: this.cipher.seal(grant.tokenSecret),
        ...(grant.sessionHandle ? { sessionHandle: this.cipher.seal(grant.sessionHandle) } : {}),
        expiresAt: grant.expiresInSeconds ? new Date(now.getTime() + grant.expiresInSeconds * 1000) : null,
        ...(grant.authorizationExpiresInSeconds ? { authorizationExpiresAt: new Date(now.getTime() + grant.authorizationExpiresInSeconds * 1000) } : {}),
      },
    })
    return count === 1
  }

  async currentToken(authorizationId: string): Promise<{ accessToken: string; revokedAt: Date | null } | null> {
    const row = await this.prisma.authorization.findUnique({ where: { id: authorizationId }, select: { accessToken: true, revokedAt: true } })
    return row && { accessToken: this.cipher.open(row.accessToken), revokedAt: row.revokedAt }
  }

  /** An authorization as the rest of the gateway uses it: tokens in the clear, in memory only. */
  open(authorization: Authorization): Authorization {
    return {
      ...authorization,
      accessToken: this.cipher.open(authorization.accessToken),
      tokenSecret: this.cipher.open(authorization.tokenSecret),
      sessionHandle: authorization.sessionHandle && this.cipher.open(authorization.sessionHandle),
    }
  }

  /** JIRA rejected or revoked the token: no further call is made with it. */
  async markRevoked(authorizationId: string): Promise<void> {
    await this.prisma.authorization.updateMany({ where: { id: authorizationId, revokedAt: null }, data: { revokedAt: this.now() } })
  }

  /** Drops request tokens past their life (used or not). */
  async deleteExpiredPending(): Promise<number> {
    const { count } = await this.prisma.requestToken.deleteMany({ where: { expiresAt: { lte: this.now() } } })
    return count
  }
}
