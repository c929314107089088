/**
 * Gateway sessions. The token a client holds is random (256 bits) and shown once; the database keeps
 * only its SHA-256, so a copy of the database opens no session.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import type { Authorization, PrismaClient } from '../generated/prisma/client.ts'

/** A recognizable prefix lets secret scanners find leaked tokens. */
export const SESSION_TOKEN_PREFIX = 'jgw_'
const TOKEN_SHAPE = /^jgw_[A-Za-z0-9_-]{43}$/
/** lastUsedAt is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000
/**
 * Resolved sessions are kept this long in memory, so a busy client costs one database read per
 * interval instead of one per request. Sign-out, renewal and revocation in this process drop the
 * entry at once; another process sees them within this interval.
 */
const CACHE_TTL_MS = 15_000

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface ResolvedSession {
  sessionId: string
  authorization: Authorization
}

export class SessionStore {
  private readonly cache = new LRUCache<string, ResolvedSession & { expiresAt: Date | null }>({ max: 10_000, ttl: CACHE_TTL_MS })

  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs: number,
    private readonly now: () => Date = () => new Date(),
    /** Turns the stored authorization into the one callers use (decrypting its tokens when they are encrypted at rest). */
    private readonly openAuthorization: (authorization: Authorization) => Authorization = (authorization) => authorization,
  ) {}

  /** Creates a session on an authorization (inside the caller's transaction when given one); returns the token, once. */
  async create(authorizationId: string, tx: Pick<PrismaClient, 'session'> = this.prisma): Promise<string> {
    const token = SESSION_TOKEN_PREFIX + randomBytes(32).toString('base64url')
    const now = this.now()
    await tx.session.create({
      data: {
        id: randomUUID(),
        tokenHash: hashSessionToken(token),
        authorizationId,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.ttlMs),
      },
    })
    return token
  }

  /** The session and its authorization, or null when the token is malformed, unknown or expired. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    if (!TOKEN_SHAPE.test(token)) return null
    const tokenHash = hashSessionToken(token)
    const cached = this.cache.get(tokenHash)
    if (cached && (!cached.expiresAt || cached.expiresAt > this.now())) return { sessionId: cached.sessionId, authorization: cached.authorization }
    const session = await this.prisma.session.findUnique({ where: { tokenHash }, include: { authorization: true } })
    if (!session) return null
    const now = this.now()
    if (session.expiresAt && session.expiresAt <= now) {
      await this.prisma.session.deleteMany({ where: { id: session.id } })
      return null
    }
    if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.prisma.session.updateMany({ where: { id: session.id }, data: { lastUsedAt: now } })
    }
    const resolved = { sessionId: session.id, authorization: this.openAuthorization(session.authorization) }
    this.cache.set(tokenHash, { ...resolved, expiresAt: session.expiresAt })
    return resolved
  }

  async end(sessionId: string): Promise<boolean> {
    this.forget((entry) => entry.sessionId === sessionId)
    const { count } = await this.prisma.session.deleteMany({ where: { id: sessionId } })
    return count === 1
  }

  /** Drops cached sessions of an authorization whose token changed or died, so the next request reads it afresh. */
  forgetAuthorization(authorizationId: string): void {
    this.forget((entry) => entry.authorization.id === authorizationId)
  }

  private forget(match: (entry: ResolvedSession) => boolean): void {
    for (const [hash, entry] of this.cache.entries()) if (match(entry)) this.cache.delete(hash)
  }

  async deleteExpired(): Promise<number> {
    const { count } = await this.prisma.session.deleteMany({ where: { expiresAt: { lte: this.now() } } })
    return count
  }
}
