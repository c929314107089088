// A tiny RSA-SHA1 OAuth 1.0a signer for the sandbox's own tests. Test-only and written
// separately from both src/ (the gateway's signer, which the sandbox checks) and sandbox/oauth/
// (the verifier under test), so that agreement between them means something. It covers the
// plain cases the tests need: WHATWG URL, query from searchParams, optional form body.
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto'

export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

export interface SignInput {
  method: string
  url: string
  consumerKey: string
  privateKey: KeyObject
  token?: string
  /** further protocol parameters: oauth_callback, oauth_verifier, oauth_session_handle… */
  oauth?: Record<string, string>
  /** signed as form parameters when given */
  formBody?: string
  /** seconds; required so tests stay on the sandbox's clock */
  timestamp: number
  nonce?: string
  /** override the method name put in the header (to provoke signature_method_rejected) */
  signatureMethod?: string
  version?: string
}

export function protocolParams(input: SignInput): Record<string, string> {
  const params: Record<string, string> = {
    oauth_consumer_key: input.consumerKey,
    oauth_nonce: input.nonce ?? createHash('sha1').update(randomBytes(16)).digest('hex'),
    oauth_signature_method: input.signatureMethod ?? 'RSA-SHA1',
    oauth_timestamp: String(input.timestamp),
    ...(input.version !== undefined ? { oauth_version: input.version } : {}),
    ...(input.token !== undefined ? { oauth_token: input.token } : {}),
    ...input.oauth,
  }
  return params
}

export function testBaseString(method: string, url: string, oauth: Record<string, string>, formBody?: string): string {
  const u = new URL(url)
  const pairs: Array<[string, string]> = [...u.searchParams]
  if (formBody !== undefined) pairs.push(...new URLSearchParams(formBody))
  pairs.push(...Object.entries(oauth))
  const normalized = pairs
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  return [method.toUpperCase(), rfc3986(`${u.protocol}//${u.host}${u.pathname}`), rfc3986(normalized)].join('&')
}

/** the Authorization header value for the request */
export function oauthHeader(input: SignInput): string {
  const params = protocolParams(input)
  const base = testBaseString(input.method, input.url, params, input.formBody)
  params['oauth_signature'] = sign('RSA-SHA1', Buffer.from(base), input.privateKey).toString('base64')
  return 'OAuth ' + Object.entries(params).map(([k, v]) => `${rfc3986(k)}="${rfc3986(v)}"`).join(', ')
}

/** parses a form-encoded answer (token endpoints, problem reports) */
export function parseForm(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text))
}

/**
 * The out-of-band dance against a sandbox with a test's own signer (its clock): request token,
 * the sandbox's Allow as `user`, access token. Returns the access token.
 */
export async function sandboxAccessToken(
  sandbox: { url: string; approve(requestToken: string, user: string): { verifier: string } },
  user: string,
  sign: (method: string, url: string, token?: string, oauth?: Record<string, string>) => string,
): Promise<string> {
  const requestUrl = `${sandbox.url}/plugins/servlet/oauth/request-token`
  const requested = parseForm(await (await fetch(requestUrl, { method: 'POST', headers: { authorization: sign('POST', requestUrl, undefined, { oauth_callback: 'oob' }) } })).text())
  const { verifier } = sandbox.approve(requested['oauth_token']!, user)
  const accessUrl = `${sandbox.url}/plugins/servlet/oauth/access-token`
  const access = await fetch(accessUrl, { method: 'POST', headers: { authorization: sign('POST', accessUrl, requested['oauth_token'], { oauth_verifier: verifier }) } })
  return parseForm(await access.text())['oauth_token']!
}
