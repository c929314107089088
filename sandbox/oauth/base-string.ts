// The signature base string, written from RFC 5849 section 3.4.1.
import { parseFormPairs, percentEncode } from './encoding.ts'

export interface BaseStringInput {
  /** HTTP method; uppercased here */
  method: string
  /**
   * The request URL as the client addressed it, raw: `scheme://host[:port]/path[?query][#fragment]`.
   * Not run through WHATWG URL, which would re-encode and normalise the path; the path must stay
   * exactly as it was in the request target.
   */
  url: string
  /** parameters of the Authorization header (decoded); only oauth_* ones count, never realm */
  headerParams: Array<[string, string]>
  /** the raw body, given only when Content-Type is application/x-www-form-urlencoded */
  formBody?: string
}

interface SplitUrl {
  scheme: string
  authority: string
  path: string
  query: string
}

function splitUrl(url: string): SplitUrl {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/.exec(url)
  if (!match) throw new Error(`not an absolute http(s) URL: ${url}`)
  return { scheme: match[1] ?? '', authority: match[2] ?? '', path: match[3] ?? '', query: match[4] ?? '' }
}

/**
 * RFC 5849 section 3.4.1.2: lowercase scheme and host, the port only when it is not the scheme's
 * default, the path as sent (an empty path is `/`), no query and no fragment.
 */
export function baseStringUri(url: string): string {
  const { scheme, authority, path } = splitUrl(url)
  const lowerScheme = scheme.toLowerCase()
  // Userinfo never belongs in the base string URI.
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase()
  // The port is after the last colon, unless that colon is inside an IPv6 literal `[...]`.
  const colon = hostPort.lastIndexOf(':')
  let host = hostPort
  let port = ''
  if (colon !== -1 && colon > hostPort.lastIndexOf(']')) {
    host = hostPort.slice(0, colon)
    port = hostPort.slice(colon + 1)
  }
  const defaultPort = lowerScheme === 'http' ? '80' : lowerScheme === 'https' ? '443' : ''
  const keepPort = port !== '' && port !== defaultPort
  return `${lowerScheme}://${host}${keepPort ? `:${port}` : ''}${path === '' ? '/' : path}`
}

/** The parameters that are signed (RFC 5849 section 3.4.1.3.1), decoded, in request order. */
export function collectSignedParameters(input: Omit<BaseStringInput, 'method'>): Array<[string, string]> {
  const { query } = splitUrl(input.url)
  const pairs: Array<[string, string]> = [...parseFormPairs(query)]
  if (input.formBody !== undefined) pairs.push(...parseFormPairs(input.formBody))
  for (const [name, value] of input.headerParams) {
    // The header carries only protocol parameters; `realm` is explicitly excluded.
    if (name.startsWith('oauth_')) pairs.push([name, value])
  }
  // oauth_signature is left out wherever it came from.
  return pairs.filter(([name]) => name !== 'oauth_signature')
}

/**
 * RFC 5849 section 3.4.1.3.2: encode every name and value, sort by name then value (plain code unit
 * order, which is byte order since the encoded strings are ASCII), join `name=value` with `&`.
 * Repeated names all stay; an empty value keeps its `=`.
 */
export function normalizeParameters(pairs: Array<[string, string]>): string {
  const encoded = pairs.map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
  encoded.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
  return encoded.map(([name, value]) => `${name}=${value}`).join('&')
}

/** RFC 5849 section 3.4.1.1: METHOD & encoded base string URI & encoded normalized parameters. */
export function signatureBaseString(input: BaseStringInput): string {
  return [
    percentEncode(input.method.toUpperCase()),
    percentEncode(baseStringUri(input.url)),
    percentEncode(normalizeParameters(collectSignedParameters(input))),
  ].join('&')
}
