// The REST resources under <context>/rest/api/2/ (and /rest/api/latest/, its alias).
import type { SandboxContext } from '../context.ts'
import type { UserRecord } from '../data.ts'
import { header, jsonError, type Reply, type SandboxRequest } from '../http.ts'
import { parseAuthorizationHeader } from '../oauth/header.ts'
import { assignIssue } from './assignee.ts'
import { authenticate } from './auth.ts'
import { listIssueTypes, listPriorities, listResolutions, listStatuses } from './catalog.ts'
import { getFields } from './field.ts'
import { createIssue } from './issue-create.ts'
import { editIssue } from './issue-edit.ts'
import { addComment, getComments, getIssue } from './issues.ts'
import { getMyself } from './myself.ts'
import { getProject, listProjects } from './projects.ts'
import { searchGet, searchPost } from './search.ts'
import { getServerInfo } from './server-info.ts'
import { doTransition, getTransitions } from './transitions.ts'
import { getUser } from './users.ts'

export interface RestCall {
  req: SandboxRequest
  ctx: SandboxContext
  user: UserRecord
  /** `2` or `latest`, as the client addressed it */
  apiVersion: string
  /** decoded `:name` path segments */
  params: Record<string, string>
}

/** a call to a resource JIRA also serves anonymously: `user` only when the request carried OAuth */
export type PublicRestCall = Omit<RestCall, 'user'> & { user?: UserRecord }

type Route =
  | {
      method: string
      /** path below rest/api/<version>/, `:name` matching one segment */
      pattern: string
      handler: (call: RestCall) => Reply
      public?: false
    }
  | { method: string; pattern: string; handler: (call: PublicRestCall) => Reply; public: true }

const ROUTES: Route[] = [
  { method: 'GET', pattern: 'issue/:idOrKey', handler: getIssue },
  { method: 'PUT', pattern: 'issue/:idOrKey', handler: editIssue },
  { method: 'POST', pattern: 'issue', handler: createIssue },
  { method: 'PUT', pattern: 'issue/:idOrKey/assignee', handler: assignIssue },
  { method: 'GET', pattern: 'issue/:idOrKey/transitions', handler: getTransitions },
  { method: 'POST', pattern: 'issue/:idOrKey/transitions', handler: doTransition },
  { method: 'GET', pattern: 'issue/:idOrKey/comment', handler: getComments },
  { method: 'POST', pattern: 'issue/:idOrKey/comment', handler: addComment },
  { method: 'GET', pattern: 'search', handler: searchGet },
  { method: 'POST', pattern: 'search', handler: searchPost },
  { method: 'GET', pattern: 'myself', handler: getMyself },
  { method: 'GET', pattern: 'user', handler: getUser },
  { method: 'GET', pattern: 'field', handler: getFields },
  { method: 'GET', pattern: 'project', handler: listProjects },
  { method: 'GET', pattern: 'project/:idOrKey', handler: getProject },
  { method: 'GET', pattern: 'priority', handler: listPriorities },
  { method: 'GET', pattern: 'status', handler: listStatuses },
  { method: 'GET', pattern: 'issuetype', handler: listIssueTypes },
  { method: 'GET', pattern: 'resolution', handler: listResolutions },
  { method: 'GET', pattern: 'serverInfo', handler: getServerInfo, public: true },
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

  const { route, params } = hit
  if (route.public && !parseAuthorizationHeader(header(req, 'authorization'))) {
    return { reply: route.handler({ req, ctx, apiVersion, params }) }
  }
  const auth = authenticate(req, ctx)
  if ('reply' in auth) return { reply: auth.reply }
  const call: RestCall = { req, ctx, user: auth.user, apiVersion, params }
  return { reply: route.public ? route.handler(call) : route.handler(call), user: auth.user.name }
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
