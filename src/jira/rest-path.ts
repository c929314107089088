/**
 * Checks a path for the `rest(path:)` pass-through: a signed GET must never leave the configured
 * JIRA or its REST API. Refuses absolute URLs and other hosts, paths outside /rest/, `..` and `.`
 * segments in any encoding (also double-encoded), encoded slashes and backslashes, control
 * characters, and a query or fragment in the path (the query goes in its own argument).
 */
import { BadUserInputError } from '../errors.ts'

const MAX_PATH = 2000

function refuse(reason: string): never {
  throw new BadUserInputError(`path refused: ${reason}.`, { argument: 'path' })
}

/** Decodes until stable (at most a few rounds), so %252e%252e is seen as "..". */
function decodings(path: string): string[] {
  const seen = [path]
  let current = path
  for (let round = 0; round < 4; round++) {
    let next: string
    try {
      next = decodeURIComponent(current)
    } catch {
      refuse('it is not valid percent-encoding')
    }
    if (next === current) break
    seen.push(next)
    current = next
  }
  return seen
}

/** Returns the absolute URL to GET, under `baseUrl`'s /rest/. */
export function restUrl(baseUrl: string, path: string): string {
  if (path.length > MAX_PATH) refuse(`it is longer than ${MAX_PATH} characters`)
  if (!path.startsWith('/rest/')) refuse('it must start with /rest/ (a path of the configured JIRA, not a URL)')
  for (const form of decodings(path)) {
    if (/[\u0000-\u001f\u007f]/.test(form)) refuse('it contains control characters')
    if (form.includes('\\')) refuse('it contains a backslash')
    if (/(^|\/)\.{1,2}(\/|$)/.test(form)) refuse('it contains a "." or ".." segment')
    if (form.includes('//')) refuse('it contains an empty segment')
    if (form !== path && form.includes('/') && form.split('/').length !== path.split('/').length) refuse('it contains an encoded slash')
  }
  if (/[?#]/.test(path)) refuse('it contains "?" or "#": give query parameters in `query`')

  const base = new URL(baseUrl)
  const url = new URL(baseUrl + path)
  const restRoot = `${base.pathname.replace(/\/$/, '')}/rest/`
  if (url.origin !== base.origin || !url.pathname.startsWith(restRoot)) refuse('it would leave the configured JIRA')
  return url.href
}
