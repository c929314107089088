// Percent-encoding and -decoding as OAuth 1.0a needs them, written from RFC 5849 / RFC 3986 and
// deliberately independent of any OAuth library: the sandbox is the check on the gateway's signer.

/** RFC 3986 section 2.3 unreserved characters: the only bytes RFC 5849 section 3.6 leaves as they are. */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  )
}

/**
 * RFC 5849 section 3.6: encode the UTF-8 bytes of `value`, keeping only unreserved characters, with
 * uppercase hex. Done byte by byte rather than with encodeURIComponent, which keeps `!'()*`.
 */
export function percentEncode(value: string): string {
  let out = ''
  for (const byte of Buffer.from(value, 'utf8')) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : '%' + byte.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

/**
 * Decodes %XX sequences as UTF-8. A malformed sequence is kept as it was written rather than
 * failing the whole request: the signature check then decides whether the client meant it.
 */
export function percentDecode(value: string): string {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    // Decode the well-formed runs one by one, leave the rest verbatim.
    return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
  }
}

/** application/x-www-form-urlencoded decoding (HTML form rules): `+` is a space, then %XX as UTF-8. */
export function formDecode(value: string): string {
  return percentDecode(value.replace(/\+/g, ' '))
}

/** Splits a raw query string or form body into decoded name/value pairs, keeping order and repeats. */
export function parseFormPairs(raw: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  if (raw === '') return pairs
  for (const part of raw.split('&')) {
    if (part === '') continue // `a=1&&b=2`: an empty segment is no parameter at all
    const eq = part.indexOf('=')
    const name = eq === -1 ? part : part.slice(0, eq)
    const value = eq === -1 ? '' : part.slice(eq + 1)
    pairs.push([formDecode(name), formDecode(value)])
  }
  return pairs
}

/** Form-encodes pairs for OAuth endpoint answers and problem reports (RFC 3986 encoding, as JIRA does). */
export function formEncode(pairs: Array<[string, string]>): string {
  return pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&')
}
