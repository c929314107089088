// HTTP plumbing and routing: reads the request, applies any injected fault, picks the handler,
// applies the artificial latency to REST answers, writes the reply and records the call.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SandboxContext } from './context.ts'
import { faultReply, type FaultList } from './faults.ts'
import { isFormBody, textReply, type Reply, type SandboxRequest } from './http.ts'
import { parseFormPairs } from './oauth/encoding.ts'
import { accessTokenEndpoint, authorizeDecision, authorizePage, requestTokenEndpoint } from './oauth/endpoints.ts'
import { handleRest } from './rest/router.ts'

export interface SandboxCall {
  method: string
  /** raw path relative to the context path, e.g. /rest/api/2/issue/JJ-2 (the full path when outside it) */
  path: string
  /** decoded query parameters; the first value when a name repeats */
  query: Record<string, string>
  status: number
  /** bytes of the response body */
  bytes: number
  /** the user an authorized REST call acted as */
  user?: string
  /** the parsed JSON request body of a POST or PUT (absent when there was none or it was not JSON) */
  body?: unknown
}

export interface ServerOptions {
  ctx: SandboxContext
  calls: SandboxCall[]
  latencyMs: number
  /** host:port to assume when a request has no Host header (HTTP/1.0) */
  fallbackHost: () => string
  /** injected faults, checked before anything else */
  faults?: FaultList
}

const MAX_BODY_BYTES = 1024 * 1024
const OAUTH_SERVLET = '/plugins/servlet/oauth/'

export function createRequestListener(options: ServerOptions) {
  return (incoming: IncomingMessage, response: ServerResponse): void => {
    handle(incoming, response, options).catch((error: unknown) => {
      // a bug in the sandbox: answer 500 rather than leave the client hanging
      console.error('[sandbox] request failed:', error)
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain;charset=UTF-8' })
      response.end('Internal sandbox error')
    })
  }
}

async function handle(incoming: IncomingMessage, response: ServerResponse, options: ServerOptions): Promise<void> {
  const { ctx } = options
  const body = await readBody(incoming)
  const req = parseRequest(incoming, body ?? '', ctx.contextPath, options.fallbackHost())
  const insideContext = ctx.contextPath === '' || req.rawPath === ctx.contextPath || req.rawPath.startsWith(ctx.contextPath + '/')
  const record = (status: number, bytes: number, user?: string) => {
    const json = jsonBodyOf(req)
    options.calls.push({
      method: req.method,
      path: insideContext ? req.path : req.rawPath,
      query: Object.fromEntries([...req.queryPairs].reverse()),
      status,
      bytes,
      ...(user !== undefined ? { user } : {}),
      ...(json !== undefined ? { body: json } : {}),
    })
  }

  // A fault stands where a proxy would: in front of everything, authentication included.
  let fault = insideContext ? options.faults?.take(req.method, req.path) : undefined
  if (fault?.kind === 'reset') {
    record(0, 0)
    response.destroy()
    return
  }
  if (fault?.kind === 'delay') {
    const { ms } = fault
    await new Promise((resolve) => setTimeout(resolve, ms))
    fault = undefined
  }

  let outcome: { reply: Reply; user?: string; rest?: boolean }
  if (fault) outcome = { reply: faultReply(fault, ctx.contextPath) }
  else if (body === null) outcome = { reply: textReply(413, 'Request body too large') }
  else if (!insideContext) outcome = { reply: textReply(404, 'Not Found') }
  else if (req.path.startsWith('/rest/')) outcome = { ...handleRest(req, ctx), rest: true }
  else if (req.path.startsWith(OAUTH_SERVLET)) outcome = { reply: routeOAuth(req, ctx) }
  else outcome = { reply: textReply(404, 'Not Found') }

  if (outcome.rest && options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, options.latencyMs))

  const bytes = Buffer.from(outcome.reply.body, 'utf8')
  // Recorded before the answer leaves, so a test that has the response also sees the call.
  record(outcome.reply.status, bytes.length, outcome.user)
  response.writeHead(outcome.reply.status, { ...outcome.reply.headers, 'content-length': String(bytes.length) })
  response.end(req.method === 'HEAD' ? undefined : bytes)
}

/** what a test may want to assert a POST/PUT asked for; form bodies (OAuth) are not JSON */
function jsonBodyOf(req: SandboxRequest): unknown {
  if ((req.method !== 'POST' && req.method !== 'PUT') || req.body === '' || isFormBody(req)) return undefined
  try {
    return JSON.parse(req.body) as unknown
  } catch {
    return undefined
  }
}

function routeOAuth(req: SandboxRequest, ctx: SandboxContext): Reply {
  const endpoint = req.path.slice(OAUTH_SERVLET.length)
  const methodNotAllowed = (allow: string) =>
    textReply(405, `HTTP method ${req.method} is not supported by this URL`, { allow })
  switch (endpoint) {
    case 'request-token':
      // token requests must be POST
      return req.method === 'POST' ? requestTokenEndpoint(req, ctx) : methodNotAllowed('POST')
    case 'access-token':
      return req.method === 'POST' ? accessTokenEndpoint(req, ctx) : methodNotAllowed('POST')
    case 'authorize':
      if (req.method === 'GET') return authorizePage(req, ctx)
      if (req.method === 'POST') return authorizeDecision(req, ctx)
      return methodNotAllowed('GET, POST')
    default:
      return textReply(404, 'Not Found')
  }
}

/** the body as UTF-8 text; null when it is too large */
async function readBody(incoming: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  let tooLarge = false
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) tooLarge = true
    else chunks.push(chunk)
  }
  return tooLarge ? null : Buffer.concat(chunks).toString('utf8')
}

function parseRequest(incoming: IncomingMessage, body: string, contextPath: string, fallbackHost: string): SandboxRequest {
  let rawTarget = incoming.url ?? '/'
  // absolute-form targets (sent to proxies) carry scheme and host; keep only path and query
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(rawTarget)
  if (absolute) rawTarget = rawTarget.slice(absolute[0].length) || '/'
  const queryAt = rawTarget.indexOf('?')
  const rawPath = queryAt === -1 ? rawTarget : rawTarget.slice(0, queryAt)
  const rawQuery = queryAt === -1 ? '' : rawTarget.slice(queryAt + 1)
  return {
    method: (incoming.method ?? 'GET').toUpperCase(),
    rawTarget,
    rawPath,
    path: contextPath !== '' && rawPath.startsWith(contextPath) ? rawPath.slice(contextPath.length) || '/' : rawPath,
    rawQuery,
    queryPairs: parseFormPairs(rawQuery),
    headers: incoming.headers,
    host: (incoming.headers.host ?? fallbackHost).toLowerCase(),
    body,
  }
}

