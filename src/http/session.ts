/**
 * Which session a request presents. Apps send `Authorization: Bearer <token>`. Browsers send the
 * HttpOnly cookie, which is honoured only on requests a cross-site page cannot forge: a POST with a
 * JSON body (a cross-origin one needs a CORS preflight, granted only to CORS_ORIGINS and never with
 * credentials) from the same origin. A cookie on anything else is ignored, so a forged request runs
 * unauthenticated.
 */
import type { SessionSource } from '../context.ts'
import type { ResolvedSession } from '../auth/sessions.ts'
import type { Services } from '../services.ts'
import { readCookie, SESSION_COOKIE } from './cookies.ts'

export interface RequestSession {
  session: (ResolvedSession & { source: SessionSource }) | null
  problem: 'none' | 'unknown' | 'revoked' | null
}

export async function sessionFromRequest(request: Request, services: Services): Promise<RequestSession> {
  const header = request.headers.get('authorization')
  let token: string | undefined
  let source: SessionSource
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match) return { session: null, problem: 'unknown' }
    token = match[1]!
    source = 'bearer'
  } else {
    token = await readCookie(request, SESSION_COOKIE)
    if (!token || !cookieRequestAllowed(request, services.config.publicUrl)) return { session: null, problem: 'none' }
    source = 'cookie'
  }
  const resolved = await services.sessions.resolve(token)
  if (!resolved) return { session: null, problem: 'unknown' }
  return { session: { ...resolved, source }, problem: resolved.authorization.revokedAt ? 'revoked' : null }
}

export function cookieRequestAllowed(request: Request, publicUrl: string | undefined): boolean {
  if (request.method !== 'POST') return false
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json' && type !== 'application/graphql-response+json') return false
  const site = request.headers.get('sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none') return false
  const origin = request.headers.get('origin')
  if (origin) {
    const allowed = new Set([new URL(request.url).origin, ...(publicUrl ? [new URL(publicUrl).origin] : [])])
    if (!allowed.has(origin)) return false
  }
  return true
}
