// The REST resources under <context>/rest/api/2/ (and /rest/api/latest/, its alias).
import type { SandboxContext } from '../context.ts'
import type { UserRecord } from '../data.ts'
import { jsonError, type Reply, type SandboxRequest } from '../http.ts'
import { authenticate } from './auth.ts'
import { getFields } from './field.ts'
import { addComment, getComments, getIssue } from './issues.ts'
import { getMyself } from './myself.ts'
import { searchGet, searchPost } from './search.ts'

export interface RestCall {
  req: SandboxRequest
  ctx: SandboxContext
  user: UserRecord
  /** `2` or `latest`, as the client addressed it */
  apiVersion: string
  /** decoded `:name` path segments */
  params: Record<string, string>
}

interface Route {
  method: string
  /** path below rest/api/<version>/, `:name` matching one segment */
  pattern: string
  handler: (call: RestCall) => Reply
}

// A later task adds create / update / transitions here.
const ROUTES: Route[] = [
  { method: 'GET', pattern: 'issue/:idOrKey', handler: getIssue },
  { method: 'GET', pattern: 'issue/:idOrKey/comment', handler: getComments },
  { method: 'POST', pattern: 'issue/:idOrKey/comment', handler: addComment },
  { method: 'GET', pattern: 'search', handler: searchGet },
  { method: 'POST', pattern: 'search', handler: searchPost },
  { method: 'GET', pattern: 'myself', handler: getMyself },
  { method: 'GET', pattern: 'field', handler: getFields },
]

export interface RestOutcome {
  reply: Reply
  /** the authorized user, for the call log */
  user?: string
}

/** `path` is relative to the context path and starts with /rest/ */
export function handleRest(req: SandboxRequest, ctx: SandboxContext): RestOutcome {
  const match = /^\/rest\/api\/(2|latest)\/(.*)$/.exec(req.path)
  const notFound = { reply: jsonError(404, ['null for uri: ' + ctx.baseUrl + req.path]) }
  if (!match) return notFound
  const apiVersion = match[1]!
  const segments = decodeSegments(match[2]!.replace(/\/$/, ''))
  if (!segments) return notFound

  const candidates = ROUTES.map((route) => ({ route, params: matchPattern(route.pattern, segments) })).filter(
    (c): c is { route: Route; params: Record<string, string> } => c.params !== null,
  )
  if (candidates.length === 0) return notFound
  const hit = candidates.find((c) => c.route.method === req.method)
  if (!hit) {
    const allow = candidates.map((c) => c.route.method).join(', ')
    return { reply: { ...jsonError(405, [`Method ${req.method} is not allowed here.`]), headers: { 'content-type': 'application/json;charset=UTF-8', allow } } }
  }

  const auth = authenticate(req, ctx)
  if ('reply' in auth) return { reply: auth.reply }
  return {
    reply: hit.route.handler({ req, ctx, user: auth.user, apiVersion, params: hit.params }),
    user: auth.user.name,
  }
}

function decodeSegments(path: string): string[] | null {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment))
  } catch {
    return null
  }
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/')
  if (parts.length !== segments.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const segment = segments[i]!
    if (part.startsWith(':')) {
      if (segment === '') return null
      params[part.slice(1)] = segment
    } else if (part !== segment) return null
  }
  return params
}
