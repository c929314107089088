/**
 * The gateway's two cookies, both HttpOnly and SameSite=Lax:
 *  - the session cookie, which authorizes GraphiQL in the browser that did the dance;
 *  - the pending-authorization cookie, which binds a request token to the browser that started it,
 *    so /oauth/callback only signs in the browser that asked (no login CSRF).
 * Set through the cookie store of @whatwg-node/server-plugin-cookies.
 */
import { createHash } from 'node:crypto'
import type { Config } from '../config.ts'
// Brings the plugin's typing of request.cookieStore.
import type {} from '@whatwg-node/server-plugin-cookies'

export const SESSION_COOKIE = 'jgw_session'
export const PENDING_COOKIE = 'jgw_pending'

function secure(config: Config): boolean {
  return config.publicUrl?.startsWith('https:') ?? false
}

export async function setSessionCookie(request: Request, config: Config, token: string): Promise<void> {
  await request.cookieStore?.set({
    domain: null,
    name: SESSION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(config),
    path: '/',
    expires: Date.now() + config.sessionTtlMs,
  })
}

export async function clearCookie(request: Request, name: string): Promise<void> {
  await request.cookieStore?.delete({ name, path: '/' })
}

/** The cookie holds a digest of the request token, not the token. */
export function pendingDigest(requestToken: string): string {
  return createHash('sha256').update(`pending:${requestToken}`).digest('base64url')
}

export async function setPendingCookie(request: Request, config: Config, requestToken: string, expiresAt: Date): Promise<void> {
  await request.cookieStore?.set({
    domain: null,
    name: PENDING_COOKIE,
    value: pendingDigest(requestToken),
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(config),
    path: '/',
    expires: expiresAt.getTime(),
  })
}

export async function readCookie(request: Request, name: string): Promise<string | undefined> {
  return (await request.cookieStore?.get(name))?.value ?? undefined
}

/** A same-origin fetch from a browser page (GraphiQL), where a cookie is useful; apps and other sites are not. */
export function isSameOriginBrowserRequest(request: Request): boolean {
  return request.headers.get('sec-fetch-site') === 'same-origin'
}
