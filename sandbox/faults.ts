// Fault injection: what a flaky network, a proxy or an unhappy JIRA does to a client, on demand.
// Faults act before authentication, as a proxy in front of JIRA would. A rule without a path
// applies to REST calls only; one with a path applies wherever that path matches (the OAuth
// servlet included). Rules are tried in order, the first that matches wins, and `times` counts
// its uses down.
import { htmlReply, jsonError, type Reply } from './http.ts'
import { escapeHtml } from './rest/render.ts'

export type SandboxFault =
  /** any status; body defaults to a JIRA error object; content type to JSON when the body is JSON, else text */
  | { kind: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** waits, then answers normally (authentication and all) */
  | { kind: 'delay'; ms: number }
  /** destroys the socket without answering */
  | { kind: 'reset' }
  /** 200 text/html: JIRA's login page, as a dead session or an SSO proxy answers */
  | { kind: 'html-login' }
  /** 200 JSON `{}` with `X-Seraph-LoginReason: AUTHENTICATED_FAILED` (or `reason`) */
  | { kind: 'seraph'; reason?: string }
  /** 200 application/json whose body stops half-way */
  | { kind: 'malformed-json' }
  /** 429 (or 503) with Retry-After as given (seconds or an HTTP date) and X-RateLimit-* headers */
  | { kind: 'rate-limit'; retryAfter: string; status?: 429 | 503 }

export interface SandboxFaultRule {
  /** method (any case) and path relative to the context path (`/rest/api/2/issue/JJ-2`): exact, or a RegExp */
  match?: { method?: string; path?: string | RegExp }
  /** how many requests it applies to; default: all of them */
  times?: number
  fault: SandboxFault
}

interface ActiveRule {
  method?: string
  path?: string | RegExp
  remaining: number
  fault: SandboxFault
}

export class FaultList {
  private rules: ActiveRule[] = []

  add(rule: SandboxFaultRule): void {
    const times = rule.times ?? Infinity
    if (!(times === Infinity || (Number.isInteger(times) && times > 0))) throw new Error(`fault times must be a positive integer, not ${times}`)
    checkFault(rule.fault)
    const path = rule.match?.path
    this.rules.push({
      ...(rule.match?.method !== undefined ? { method: rule.match.method.toUpperCase() } : {}),
      // a copy without the g/y flags, whose lastIndex would make test() alternate
      ...(path !== undefined ? { path: typeof path === 'string' ? path : new RegExp(path.source, path.flags.replace(/[gy]/g, '')) } : {}),
      remaining: times,
      fault: structuredClone(rule.fault),
    })
  }

  clear(): void {
    this.rules = []
  }

  /** the fault for this request, used up by one; undefined when no rule applies */
  take(method: string, path: string): SandboxFault | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r, method, path))
    if (!rule) return undefined
    rule.remaining -= 1
    if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule)
    return rule.fault
  }
}

function matches(rule: ActiveRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method !== method) return false
  if (rule.path === undefined) return path.startsWith('/rest/')
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path)
}

function checkFault(fault: SandboxFault): void {
  switch (fault.kind) {
    case 'status':
      if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) throw new Error(`fault status must be 200-599, not ${fault.status}`)
      return
    case 'delay':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) throw new Error(`fault delay must be ≥ 0 ms, not ${fault.ms}`)
      return
    case 'rate-limit':
      if (fault.status !== undefined && fault.status !== 429 && fault.status !== 503) throw new Error('rate-limit status must be 429 or 503')
      return
    case 'reset':
    case 'html-login':
    case 'seraph':
    case 'malformed-json':
      return
    default:
      throw new Error(`unknown fault kind ${(fault as { kind: unknown }).kind}`)
  }
}

/** what JIRA's rate limiter (Data Center 8.6+) sends with its refusal */
const RATE_LIMIT_HEADERS = {
  'x-ratelimit-limit': '100',
  'x-ratelimit-remaining': '0',
  'x-ratelimit-fillrate': '10',
  'x-ratelimit-interval-seconds': '1',
}

/** A search answer cut off mid-string: valid JSON up to there, then nothing. */
const TRUNCATED_JSON = '{"expand":"schema,names","startAt":0,"maxResults":50,"total":1,"issues":[{"expand":"","id":"10300","key":"JJ-2","fields":{"summary":"JIRA Junior logo is not pi'

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** the answer of a fault that answers (every kind but delay and reset) */
export function faultReply(fault: Exclude<SandboxFault, { kind: 'delay' } | { kind: 'reset' }>, contextPath: string): Reply {
  switch (fault.kind) {
    case 'status': {
      const base = fault.body === undefined ? jsonError(fault.status, [`Sandbox fault: HTTP ${fault.status}`]) : { status: fault.status, headers: {}, body: fault.body }
      const contentType = fault.contentType ?? (isJson(base.body) ? 'application/json;charset=UTF-8' : 'text/plain;charset=UTF-8')
      // 204 and 304 never carry a body
      const body = fault.status === 204 || fault.status === 304 ? '' : base.body
      return { status: fault.status, headers: { 'content-type': contentType, ...lowerCased(fault.headers ?? {}) }, body }
    }
    case 'html-login':
      return htmlReply(200, loginPage(contextPath))
    case 'seraph':
      return {
        status: 200,
        headers: { 'content-type': 'application/json;charset=UTF-8', 'x-seraph-loginreason': fault.reason ?? 'AUTHENTICATED_FAILED' },
        body: '{}',
      }
    case 'malformed-json':
      return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: TRUNCATED_JSON }
    case 'rate-limit': {
      const status = fault.status ?? 429
      return {
        ...jsonError(status, ['Rate limit exceeded. Try again later.']),
        headers: { 'content-type': 'application/json;charset=UTF-8', 'retry-after': fault.retryAfter, ...RATE_LIMIT_HEADERS },
      }
    }
  }
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}

function loginPage(contextPath: string): string {
  const action = escapeHtml(`${contextPath}/login.jsp`)
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Log in - Sandbox JIRA</title>
<meta name="application-name" content="JIRA" data-name="jira" data-version="8.20.10">
</head>
<body id="jira" class="aui-layout aui-theme-default page-type-login">
<h1>Welcome to Sandbox JIRA</h1>
<form action="${action}" class="aui" id="login-form" method="post">
  <label for="login-form-username">Username</label>
  <input class="text medium-field" id="login-form-username" name="os_username" type="text">
  <label for="login-form-password">Password</label>
  <input class="text medium-field" id="login-form-password" name="os_password" type="password">
  <input id="login-form-submit" name="login" type="submit" value="Log In">
</form>
</body>
</html>
`
}
