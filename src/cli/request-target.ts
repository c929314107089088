/**
 * What `request` may GET: like the tutorial's `request <URL>`, an absolute URL, but only one under
 * JIRA_BASE_URL's REST API, or just its `/rest/...` path. The path goes through restUrl, the same
 * check as the GraphQL `rest` field; the query string is split off and passed as parameters.
 */
import { BadUserInputError } from '../errors.ts'
import type { Query } from '../jira/client.ts'
import { restUrl } from '../jira/rest-path.ts'

export interface RequestTarget {
  /** The path after JIRA_BASE_URL, e.g. /rest/api/2/issue/JJ-2 */
  path: string
  query: Query
}

function refuse(reason: string): never {
  throw new BadUserInputError(`refused: ${reason}.`, { argument: 'url' })
}

export function requestTarget(baseUrl: string, input: string): RequestTarget {
  const target = input.trim()
  if (target.includes('#')) refuse('it contains "#" (a fragment is never sent to JIRA)')

  let pathAndQuery: string
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    let url: URL
    try {
      url = new URL(target)
    } catch {
      refuse(`${target} is not a valid URL`)
    }
    const base = new URL(baseUrl)
    if (url.username || url.password) refuse('the URL carries credentials')
    if (url.origin !== base.origin) refuse(`${url.origin} is not the configured JIRA (${baseUrl}); only its /rest/ API can be requested`)
    // The path as typed, not as URL normalized it, so that restUrl sees any "..", "%2e%2e" or "//".
    const raw = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
    const contextPath = base.pathname.replace(/\/$/, '')
    if (!raw.startsWith(`${contextPath}/`)) refuse(`it is not under ${baseUrl}`)
    pathAndQuery = raw.slice(contextPath.length)
  } else if (target.startsWith('/')) {
    pathAndQuery = target
  } else {
    refuse(`give a /rest/... path or an absolute URL under ${baseUrl}`)
  }

  const mark = pathAndQuery.indexOf('?')
  const path = mark === -1 ? pathAndQuery : pathAndQuery.slice(0, mark)
  const url = restUrl(baseUrl, path)
  const query: Record<string, string | string[]> = {}
  for (const [name, value] of new URLSearchParams(mark === -1 ? '' : pathAndQuery.slice(mark + 1))) {
    const previous = query[name]
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]
  }
  return { path: url.slice(baseUrl.length), query }
}
