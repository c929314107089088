// The OAuth servlet of JIRA: request-token, authorize (the person's approval in a browser) and
// access-token (exchange and renewal), under <context>/plugins/servlet/oauth/.
import type { SandboxContext } from '../context.ts'
import { formPairs, htmlReply, queryParam, textReply, type Reply, type SandboxRequest } from '../http.ts'
import { approvalPage, approvedPage, deniedPage, errorPage } from '../pages.ts'
import { formEncode, percentEncode } from './encoding.ts'
import { checkMessage, checkSignature, readOAuthMessage, type RegisteredConsumer } from './message.ts'
import { OAuthProblem, problemReply } from './problem.ts'
import { SESSION_EXTRA_SEC, type AccessTokenRecord, type RequestTokenRecord } from './store.ts'

function refusalsAsReplies(ctx: SandboxContext, handler: () => Reply): Reply {
  try {
    return handler()
  } catch (error) {
    if (error instanceof OAuthProblem) return problemReply(error, ctx.baseUrl)
    throw error
  }
}

/** `oob`, or an absolute http(s) URL */
export function isAcceptableCallback(callback: string): boolean {
  if (callback === 'oob') return true
  try {
    const url = new URL(callback)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** the callback with oauth_token and oauth_verifier added to its query (before any fragment) */
export function callbackRedirect(callback: string, token: string, verifier: string): string {
  const hash = callback.indexOf('#')
  const base = hash === -1 ? callback : callback.slice(0, hash)
  const fragment = hash === -1 ? '' : callback.slice(hash)
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&'
  return `${base}${separator}oauth_token=${percentEncode(token)}&oauth_verifier=${percentEncode(verifier)}${fragment}`
}

// ---------------------------------------------------------------- request-token

export function requestTokenEndpoint(req: SandboxRequest, ctx: SandboxContext): Reply {
  return refusalsAsReplies(ctx, () => {
    const message = readOAuthMessage(req)
    const consumer = checkMessage(message, ctx, ['oauth_callback'])
    checkSignature(message, consumer)
    const callback = message.oauth.get('oauth_callback')!
    if (!isAcceptableCallback(callback)) throw new OAuthProblem('parameter_rejected', [['oauth_parameters_rejected', 'oauth_callback']])
    const record = ctx.tokens.createRequestToken(consumer.key, callback)
    return textReply(
      200,
      formEncode([
        ['oauth_token', record.token],
        ['oauth_token_secret', record.secret],
        ['oauth_callback_confirmed', 'true'],
      ]),
    )
  })
}

// ---------------------------------------------------------------- access-token

export function accessTokenEndpoint(req: SandboxRequest, ctx: SandboxContext): Reply {
  return refusalsAsReplies(ctx, () => {
    const message = readOAuthMessage(req)
    const consumer = checkMessage(message, ctx, ['oauth_token'])
    const record = ctx.tokens.get(message.oauth.get('oauth_token')!)
    if (!record || record.consumerKey !== consumer.key) throw new OAuthProblem('token_rejected')

    // JIRA looks at the token before it checks the signature.
    if (record.kind === 'request') {
      checkExchange(record, message.oauth, ctx)
      checkSignature(message, consumer)
      return accessTokenReply(ctx.tokens.exchange(record), ctx)
    }
    checkRenewal(record, message.oauth, ctx)
    checkSignature(message, consumer)
    return accessTokenReply(ctx.tokens.renew(record), ctx)
  })
}

function checkExchange(record: RequestTokenRecord, oauth: Map<string, string>, ctx: SandboxContext): void {
  if (ctx.tokens.isExpired(record)) throw new OAuthProblem('token_expired')
  if (record.state === 'pending') throw new OAuthProblem('permission_unknown')
  if (record.state === 'denied') throw new OAuthProblem('permission_denied')
  const verifier = oauth.get('oauth_verifier')
  if (verifier === undefined) throw new OAuthProblem('parameter_absent', [['oauth_parameters_absent', 'oauth_verifier']])
  // A wrong verifier leaves the request token as it was: the person may have mistyped it.
  if (verifier !== record.verifier) throw new OAuthProblem('token_rejected')
}

function checkRenewal(record: AccessTokenRecord, oauth: Map<string, string>, ctx: SandboxContext): void {
  const handle = oauth.get('oauth_session_handle')
  if (handle === undefined) throw new OAuthProblem('parameter_absent', [['oauth_parameters_absent', 'oauth_session_handle']])
  if (record.revoked || handle !== record.sessionHandle) throw new OAuthProblem('token_rejected')
  // An expired token is exactly what renewal is for; an expired session is not renewable.
  if (ctx.now() >= record.sessionExpiresAt) throw new OAuthProblem('permission_denied')
}

function accessTokenReply(record: AccessTokenRecord, ctx: SandboxContext): Reply {
  return textReply(
    200,
    formEncode([
      ['oauth_token', record.token],
      ['oauth_token_secret', record.secret],
      ['oauth_expires_in', String(ctx.accessTokenTtlSec)],
      ['oauth_session_handle', record.sessionHandle],
      ['oauth_authorization_expires_in', String(ctx.accessTokenTtlSec + SESSION_EXTRA_SEC)],
    ]),
  )
}

// ---------------------------------------------------------------- authorize

type TokenLookup = { record: RequestTokenRecord; consumer: RegisteredConsumer } | { error: Reply }

/** the request token the page is about, or the error page JIRA would show instead */
function lookUpForApproval(token: string | undefined, ctx: SandboxContext): TokenLookup {
  const fail = (status: number, message: string): TokenLookup => ({
    error: htmlReply(status, errorPage('OAuth request token problem', message)),
  })
  if (token === undefined || token === '') return fail(400, 'The request has no oauth_token parameter.')
  const record = ctx.tokens.get(token)
  if (!record || record.kind !== 'request') return fail(401, 'The request token is invalid: it is unknown to JIRA.')
  if (ctx.tokens.isExpired(record)) return fail(401, 'The request token has expired. Ask the application to start again.')
  if (record.state !== 'pending') return fail(400, `The request token has already been ${record.state}.`)
  const consumer = ctx.consumers.get(record.consumerKey)
  if (!consumer) return fail(401, 'The application that asked for this token is no longer known to JIRA.')
  return { record, consumer }
}

export function authorizePage(req: SandboxRequest, ctx: SandboxContext): Reply {
  const token = queryParam(req, 'oauth_token')
  const lookup = lookUpForApproval(token, ctx)
  if ('error' in lookup) return lookup.error
  return htmlReply(
    200,
    approvalPage({
      consumerName: lookup.consumer.name,
      actionUrl: `${ctx.contextPath}/plugins/servlet/oauth/authorize?oauth_token=${percentEncode(lookup.record.token)}`,
      requestToken: lookup.record.token,
      users: ctx.state.data.users.map((u) => ({ name: u.name, displayName: u.displayName })),
    }),
  )
}

/** the Allow / Deny buttons */
export function authorizeDecision(req: SandboxRequest, ctx: SandboxContext): Reply {
  const form = formPairs(req)
  const field = (name: string) => form.find(([n]) => n === name)?.[1] ?? queryParam(req, name)
  const lookup = lookUpForApproval(field('oauth_token'), ctx)
  if ('error' in lookup) return lookup.error
  const { record, consumer } = lookup

  const decision = field('decision')
  if (decision === 'allow') {
    const user = ctx.state.user(field('user') ?? '')
    if (!user) return htmlReply(400, errorPage('Log in failed', 'Pick one of the listed users to log in as.'))
    const { verifier } = ctx.tokens.approve(record.token, user.name)
    if (record.callback === 'oob') return htmlReply(200, approvedPage(consumer.name, verifier!))
    return redirect(callbackRedirect(record.callback, record.token, verifier!))
  }
  if (decision === 'deny') {
    ctx.tokens.deny(record.token)
    if (record.callback === 'oob') return htmlReply(200, deniedPage(consumer.name))
    return redirect(callbackRedirect(record.callback, record.token, 'denied'))
  }
  return htmlReply(400, errorPage('Unknown decision', 'Press Allow or Deny.'))
}

function redirect(location: string): Reply {
  return { status: 302, headers: { location, 'content-type': 'text/plain;charset=UTF-8' }, body: '' }
}
