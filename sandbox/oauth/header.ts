// Parsing of `Authorization: OAuth k="v", k2="v2"` (RFC 5849 section 3.5.1).
import { percentDecode } from './encoding.ts'

export interface AuthorizationHeader {
  /** every parameter in the header, in order, values percent-decoded; `realm` included */
  params: Array<[string, string]>
}

/**
 * Returns null when the header does not use the OAuth scheme. Tolerant on purpose: clients differ
 * in spacing, in line folding (CRLF + whitespace, as in the RFC's own example) and in whether they
 * quote values, and a real provider accepts all of those.
 */
export function parseAuthorizationHeader(header: string | undefined): AuthorizationHeader | null {
  if (header === undefined) return null
  // Unfold first: obsolete line folding is just whitespace.
  const text = header.replace(/\r?\n[ \t]+/g, ' ').trim()
  const scheme = /^oauth(?:\s+|$)/i.exec(text)
  if (!scheme) return null
  const rest = text.slice(scheme[0].length)

  const params: Array<[string, string]> = []
  let i = 0
  while (i < rest.length) {
    // skip separators between parameters
    while (i < rest.length && (rest[i] === ',' || rest[i] === ' ' || rest[i] === '\t')) i++
    if (i >= rest.length) break
    const nameStart = i
    while (i < rest.length && rest[i] !== '=' && rest[i] !== ',') i++
    const name = rest.slice(nameStart, i).trim()
    let rawValue = ''
    if (rest[i] === '=') {
      i++
      while (i < rest.length && (rest[i] === ' ' || rest[i] === '\t')) i++
      if (rest[i] === '"') {
        i++
        const valueStart = i
        while (i < rest.length && rest[i] !== '"') i++
        rawValue = rest.slice(valueStart, i)
        i++ // closing quote (or end of text when it is missing)
      } else {
        const valueStart = i
        while (i < rest.length && rest[i] !== ',') i++
        rawValue = rest.slice(valueStart, i).trim()
      }
    }
    if (name !== '') params.push([name, percentDecode(rawValue)])
  }
  return { params }
}
