/**
 * RSA-SHA1 request signing for JIRA's OAuth 1.0a provider, built on `oauth-1.0a`.
 *
 * The library supplies the protocol parameters, nonce/timestamp handling, RFC 3986 percent-encoding
 * and the Authorization header. Its base-string code is loose where RFC 5849 section 3.4.1 is exact,
 * so the two pieces that build the base string are replaced:
 *   - base string URI (3.4.1.2): the library keeps scheme/host case, default ports and fragments;
 *     here the URL is parsed and serialized as WHATWG URL does, which is also exactly what `fetch`
 *     puts on the wire (lowercase scheme and host, default port dropped, path percent-encoded).
 *   - request parameters (3.4.1.3): the library splits the query on `=` (losing values that contain
 *     one), does not read `+` as a space, throws on a stray `%`, and lets a form field overwrite a
 *     query parameter of the same name. Here query and form pairs are all kept, decoded with the
 *     application/x-www-form-urlencoded rules, re-encoded, and sorted by name then value.
 */
import { randomUUID, sign, type KeyObject } from 'node:crypto'
import OAuth from 'oauth-1.0a'

export type ParamPairs = ReadonlyArray<readonly [string, string]>

export interface SignableRequest {
  method: string
  url: string | URL
  /** Parameters of an application/x-www-form-urlencoded body, which RFC 5849 signs too. A JSON body is never signed. */
  form?: ParamPairs
}

export interface SignerOptions {
  consumerKey: string
  privateKey: KeyObject
  /** Seconds since the epoch; injectable for tests against fixed vectors. */
  timestamp?: () => number
  nonce?: () => string
}

/** RFC 3986 percent-encoding as RFC 5849 section 3.6 asks: everything but unreserved characters, UTF-8, uppercase hex. */
const percentEncode = (value: string): string => OAuth.prototype.percentEncode(value)

/** Base string URI (RFC 5849 section 3.4.1.2). */
export function baseStringUri(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url
  // URL already lowercases scheme and host and drops the scheme's default port; the fragment and
  // query are not part of the base string URI.
  return `${u.protocol}//${u.host}${u.pathname || '/'}`
}

/** The normalized parameter string (RFC 5849 section 3.4.1.3.2). */
export function normalizedParameters(pairs: ParamPairs): string {
  return pairs
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

/** Query pairs decoded with the form rules (`+` is a space), as RFC 5849 section 3.4.1.3.1 says. */
export function queryPairs(url: string | URL): Array<[string, string]> {
  return [...(typeof url === 'string' ? new URL(url) : url).searchParams]
}

export function signatureBaseString(request: SignableRequest, oauthParams: Record<string, string>): string {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url // parsed once per signature
  const pairs: Array<readonly [string, string]> = [
    ...queryPairs(url),
    ...(request.form ?? []),
    ...Object.entries(oauthParams).filter(([name]) => name !== 'oauth_signature' && name !== 'realm'),
  ]
  return [
    request.method.toUpperCase(),
    percentEncode(baseStringUri(url)),
    percentEncode(normalizedParameters(pairs)),
  ].join('&')
}

/** `oauth-1.0a` with the RFC-exact base string; the private key is parsed once, not per signature. */
class RfcOAuth extends OAuth {
  constructor(private readonly options: SignerOptions) {
    super({
      consumer: { key: options.consumerKey, secret: '' },
      signature_method: 'RSA-SHA1',
      hash_function: (baseString: string) => sign('sha1', Buffer.from(baseString, 'utf8'), options.privateKey).toString('base64'),
    })
  }

  override getNonce(): string {
    // 122 random bits; randomUUID draws from a cached entropy pool, cheaper than randomBytes per call.
    return this.options.nonce?.() ?? randomUUID().replaceAll('-', '')
  }

  override getTimeStamp(): number {
    return this.options.timestamp?.() ?? Math.floor(Date.now() / 1000)
  }

  override getBaseString(request: OAuth.RequestOptions, oauthData: OAuth.Authorization): string {
    // `data` carries our own pairs: the form body plus the extra oauth_* parameters of the dance.
    const extra = request.data as unknown as ParamPairs
    return signatureBaseString({ method: request.method, url: request.url as unknown as URL, form: extra }, oauthData as unknown as Record<string, string>)
  }
}

export class OAuthSigner {
  private readonly oauth: RfcOAuth
  readonly consumerKey: string

  constructor(options: SignerOptions) {
    this.oauth = new RfcOAuth(options)
    this.consumerKey = options.consumerKey
  }

  /**
   * The oauth_* parameters for a request, signature included. `extraOAuth` holds the dance's own
   * protocol parameters (oauth_callback, oauth_verifier, oauth_session_handle): they are signed and
   * sent in the header with the rest, which is where JIRA expects them.
   */
  sign(request: SignableRequest, token?: string, extraOAuth: Record<string, string> = {}): Record<string, string> {
    // Parsed once here; the library hands it untouched to getBaseString, the only place that reads it.
    const url = typeof request.url === 'string' ? new URL(request.url) : request.url
    const signed: ParamPairs = [...(request.form ?? []), ...Object.entries(extraOAuth)]
    const params = this.oauth.authorize(
      { method: request.method.toUpperCase(), url: url as unknown as string, data: signed as never },
      token === undefined ? undefined : { key: token, secret: '' },
    ) as unknown as Record<string, string>
    return { ...params, ...extraOAuth }
  }

  /** The `Authorization: OAuth ...` header value for a request. */
  authorizationHeader(request: SignableRequest, token?: string, extraOAuth: Record<string, string> = {}): string {
    return this.oauth.toHeader(this.sign(request, token, extraOAuth) as unknown as OAuth.Authorization).Authorization
  }
}
