/**
 * The baseline: what a person writes to call JIRA's REST API without the gateway, done well.
 * `oauth-1.0a` with an RSA-SHA1 hash function over a private key parsed once (a KeyObject, not the
 * PEM on every call), Node's global fetch (undici, which keeps connections alive and pools them),
 * and URLs whose query is percent-encoded as RFC 3986 says (a space is %20, never `+`: oauth-1.0a
 * signs a `+` as a plus sign while JIRA reads it as a space), normalized by WHATWG URL, so the URL
 * signed is exactly the URL sent.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto'
import OAuth from 'oauth-1.0a'

export interface DirectIssue {
  id: string
  key: string
  fields: Record<string, unknown>
}

const SERVLET = '/plugins/servlet/oauth'

export class DirectJira {
  private readonly oauth: OAuth
  private readonly privateKey: KeyObject
  private token: OAuth.Token | undefined

  constructor(
    readonly baseUrl: string,
    consumerKey: string,
    privateKeyPem: string,
  ) {
    this.privateKey = createPrivateKey(privateKeyPem)
    const key = this.privateKey
    this.oauth = new OAuth({
      consumer: { key: consumerKey, secret: '' },
      signature_method: 'RSA-SHA1',
      hash_function: (baseString: string) => sign('sha1', Buffer.from(baseString, 'utf8'), key).toString('base64'),
    })
  }

  /** `Authorization: OAuth …` for a request; `extra` are protocol parameters of the dance (signed, in the header). */
  authorization(method: string, url: string, extra: Record<string, string> = {}): string {
    const signed = this.oauth.authorize({ method, url, data: extra }, this.token)
    return this.oauth.toHeader({ ...signed, ...extra } as OAuth.Authorization).Authorization
  }

  /** The access token from the dance (the bench hands it to its bare proxy, which signs on its own). */
  get accessToken(): string | undefined {
    return this.token?.key
  }

  /** The three-legged dance, out of band; `approve` stands in for the person clicking Allow and returns the verifier. */
  async authorize(approve: (requestToken: string) => Promise<string>): Promise<void> {
    this.token = undefined
    const requestToken = await this.tokenCall('request-token', { oauth_callback: 'oob' })
    const verifier = await approve(requestToken.key)
    this.token = requestToken
    this.token = await this.tokenCall('access-token', { oauth_verifier: verifier })
  }

  private async tokenCall(endpoint: string, extra: Record<string, string>): Promise<OAuth.Token> {
    const url = new URL(`${this.baseUrl}${SERVLET}/${endpoint}`).href
    const response = await fetch(url, { method: 'POST', headers: { authorization: this.authorization('POST', url, extra) } })
    const body = await response.text()
    if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status} ${body}`)
    const answer = new URLSearchParams(body)
    return { key: answer.get('oauth_token')!, secret: answer.get('oauth_token_secret') ?? '' }
  }

  /** A REST URL with its query parameters, ready to sign and send. */
  restUrl(path: string, query: Record<string, string> = {}): string {
    const pairs = Object.entries(query).map(([name, value]) => `${this.oauth.percentEncode(name)}=${this.oauth.percentEncode(value)}`)
    return new URL(`${this.baseUrl}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`).href
  }

  /** The REST URL of an issue, optionally with a `fields` selection (as JIRA takes it: a comma list). */
  issueUrl(key: string, fields?: readonly string[]): string {
    return this.restUrl(`/rest/api/2/issue/${encodeURIComponent(key)}`, fields ? { fields: fields.join(',') } : {})
  }

  /** GET an issue at a URL made by issueUrl: one signature, one keep-alive request, the JSON parsed. */
  async get(url: string): Promise<DirectIssue> {
    return this.getJson<DirectIssue>(url)
  }

  /** GET any REST resource (a WHATWG-serialized URL) as JSON. */
  async getJson<T>(url: string): Promise<T> {
    const response = await fetch(url, { headers: { authorization: this.authorization('GET', url), accept: 'application/json' } })
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
}
