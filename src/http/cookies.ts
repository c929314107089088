/**
 * The gateway's two cookies, both HttpOnly and SameSite=Lax:
 *  - the session cookie, which authorizes GraphiQL in the browser that did the dance;
 *  - the pending-authorization cookie, which binds a request token to the browser that started it,
 *    so /oauth/callback only signs in the browser that asked (no login CSRF).
 * Read and set through @whatwg-node/cookie-store, one store per request that touches cookies.
 */
import { createHash } from 'node:crypto'
import { CookieStore, getCookieString } from '@whatwg-node/cookie-store'
import type { Plugin } from 'graphql-yoga'
import type { Config } from '../config.ts'

interface Jar {
  store: CookieStore
  /** Set-Cookie lines for the changes made to the store. */
  setCookies: string[]
}

const jars = new WeakMap<Request, Jar>()

/** The request's cookie store, made on first use. */
function cookieStore(request: Request): CookieStore {
  let jar = jars.get(request)
  if (!jar) {
    const setCookies: string[] = []
    const store = new CookieStore(request.headers.get('cookie') ?? '')
    store.onchange = ({ changed, deleted }) => {
      for (const cookie of changed) setCookies.push(getCookieString(cookie))
      for (const cookie of deleted) setCookies.push(getCookieString({ ...cookie, value: undefined }))
    }
    jar = { store, setCookies }
    jars.set(request, jar)
  }
  return jar.store
}

/**
 * Sends the Set-Cookie lines of a request's cookie changes. What @whatwg-node/server-plugin-cookies
 * does, except that the store is made only when a request uses it: the plugin built one (an
 * EventTarget) for every request (18 µs each, measured); most requests carry a Bearer token.
 */
export function cookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const line of jars.get(request)?.setCookies ?? []) response.headers.append('Set-Cookie', line)
    },
  }
}

export const SESSION_COOKIE = 'jgw_session'
export const PENDING_COOKIE = 'jgw_pending'

function secure(config: Config): boolean {
  return config.publicUrl?.startsWith('https:') ?? false
}

export async function setSessionCookie(request: Request, config: Config, token: string): Promise<void> {
  await cookieStore(request).set({
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
  await cookieStore(request).delete({ name, path: '/' })
}

/** The cookie holds a digest of the request token, not the token. */
export function pendingDigest(requestToken: string): string {
  return createHash('sha256').update(`pending:${requestToken}`).digest('base64url')
}

export async function setPendingCookie(request: Request, config: Config, requestToken: string, expiresAt: Date): Promise<void> {
  await cookieStore(request).set({
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
  if (!jars.has(request) && !request.headers.get('cookie')) return undefined
  return (await cookieStore(request).get(name))?.value ?? undefined
}

/** A same-origin fetch from a browser page (GraphiQL), where a cookie is useful; apps and other sites are not. */
export function isSameOriginBrowserRequest(request: Request): boolean {
  return request.headers.get('sec-fetch-site') === 'same-origin'
}
