/**
 * Gateway sessions. The token a client holds is random (256 bits) and shown once; the database keeps
 * only its SHA-256, so a copy of the database opens no session.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Authorization, PrismaClient } from '../generated/prisma/client.ts'

/** A recognizable prefix lets secret scanners find leaked tokens. */
export const SESSION_TOKEN_PREFIX = 'jgw_'
const TOKEN_SHAPE = /^jgw_[A-Za-z0-9_-]{43}$/
/** lastUsedAt is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface ResolvedSession {
  sessionId: string
  authorization: Authorization
}

export class SessionStore {
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
    const session = await this.prisma.session.findUnique({ where: { tokenHash: hashSessionToken(token) }, include: { authorization: true } })
    if (!session) return null
    const now = this.now()
    if (session.expiresAt && session.expiresAt <= now) {
      await this.prisma.session.deleteMany({ where: { id: session.id } })
      return null
    }
    if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.prisma.session.updateMany({ where: { id: session.id }, data: { lastUsedAt: now } })
    }
    return { sessionId: session.id, authorization: this.openAuthorization(session.authorization) }
  }

  async end(sessionId: string): Promise<boolean> {
    const { count } = await this.prisma.session.deleteMany({ where: { id: sessionId } })
    return count === 1
  }

  async deleteExpired(): Promise<number> {
    const { count } = await this.prisma.session.deleteMany({ where: { expiresAt: { lte: this.now() } } })
    return count
  }
}
