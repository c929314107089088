/**
 * Where JIRA may send the browser after Allow. The gateway is no open redirect: a callback must be
 * "oob" or lie under PUBLIC_URL or an allow-listed prefix (same origin, and the path within the
 * prefix's path, segment by segment).
 */
import { BadUserInputError } from '../errors.ts'

export const OOB = 'oob'
export const CALLBACK_PATH = '/oauth/callback'

export interface CallbackPolicy {
  publicUrl: string | undefined
  allowlist: string[]
}

/** The gateway's own callback when PUBLIC_URL is known, else out of band. */
export function defaultCallback(policy: CallbackPolicy): string {
  return policy.publicUrl ? `${policy.publicUrl}${CALLBACK_PATH}` : OOB
}

export function resolveCallbackUrl(requested: string | null | undefined, policy: CallbackPolicy): string {
  if (requested === null || requested === undefined) return defaultCallback(policy)
  const value = requested.trim()
  if (value.toLowerCase() === OOB) return OOB

  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new BadUserInputError('callbackUrl must be "oob" or an absolute http(s) URL.', { argument: 'callbackUrl' })
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.hash) {
    throw new BadUserInputError('callbackUrl must be an http(s) URL without credentials or a fragment.', { argument: 'callbackUrl' })
  }
  const prefixes = [...(policy.publicUrl ? [policy.publicUrl] : []), ...policy.allowlist]
  if (!prefixes.some((prefix) => isUnder(url, new URL(prefix)))) {
    throw new BadUserInputError(
      prefixes.length
        ? `callbackUrl must lie under ${prefixes.join(' or ')} (PUBLIC_URL and CALLBACK_URL_ALLOWLIST), or be "oob".`
        : 'callbackUrl must be "oob": no PUBLIC_URL or CALLBACK_URL_ALLOWLIST is configured.',
      { argument: 'callbackUrl' },
    )
  }
  return url.href
}

function isUnder(url: URL, prefix: URL): boolean {
  if (url.origin !== prefix.origin) return false
  const base = prefix.pathname.endsWith('/') ? prefix.pathname : `${prefix.pathname}/`
  return url.pathname === prefix.pathname || url.pathname.startsWith(base)
}
