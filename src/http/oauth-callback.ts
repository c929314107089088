/**
 * GET /oauth/callback: where JIRA sends the browser after Allow (or Deny). In the browser that
 * started the dance (it holds the pending cookie), the gateway completes the exchange itself and
 * signs that browser in with an HttpOnly session cookie. Any other browser is shown the verifier to
 * finish with completeAuthorization, and is signed in as no one.
 */
import { GatewayError } from '../errors.ts'
import type { Services } from '../services.ts'
import { clearCookie, pendingDigest, PENDING_COOKIE, readCookie, setSessionCookie } from './cookies.ts'
import { escapeHtml, page } from './pages.ts'

export async function handleOAuthCallback(request: Request, url: URL, services: Services): Promise<Response> {
  const requestToken = url.searchParams.get('oauth_token') ?? ''
  const verifier = url.searchParams.get('oauth_verifier') ?? ''
  if (!requestToken || !verifier) {
    return page('Nothing to complete', '<p>This address is where JIRA sends you after you approve the gateway. Start with the <code>startAuthorization</code> mutation in <a href="/graphql">GraphiQL</a>.</p>', 400)
  }
  if (verifier === 'denied') {
    await clearCookie(request, PENDING_COOKIE)
    return page('Access denied', '<p>You denied the gateway access in JIRA. Nothing was stored. To try again, run <code>startAuthorization</code> in <a href="/graphql">GraphiQL</a>.</p>')
  }

  const pending = await readCookie(request, PENDING_COOKIE)
  if (pending !== pendingDigest(requestToken)) {
    const mutation = `mutation {\n  completeAuthorization(requestToken: "${requestToken}", verifier: "${verifier}") {\n    sessionToken\n    viewer { displayName }\n  }\n}`
    return page(
      'Approved in JIRA',
      `<p>JIRA approved the request, but this browser did not start it, so it is not signed in here. Finish where you started, with:</p><pre>${escapeHtml(mutation)}</pre>`,
    )
  }

  try {
    const { sessionToken, authorization } = await services.authorizer.complete(requestToken, verifier)
    await setSessionCookie(request, services.config, sessionToken)
    await clearCookie(request, PENDING_COOKIE)
    const who = `${authorization.jiraDisplayName} (${authorization.jiraUsername})`
    return page(
      'Authorized',
      `<p>You are authorized as <strong id="viewer">${escapeHtml(who)}</strong> on ${escapeHtml(authorization.jiraBaseUrl)}.</p>
<p><a href="/graphql">GraphiQL</a> in this browser now acts as you (an HttpOnly session cookie).</p>
<p>From an app: run <code>startAuthorization</code> (with <code>callbackUrl: "oob"</code> or your app's own callback) and <code>completeAuthorization</code>, then send the <code>sessionToken</code> it returns as <code>Authorization: Bearer &lt;sessionToken&gt;</code>.</p>`,
    )
  } catch (error) {
    const message = error instanceof GatewayError ? error.message : 'The authorization could not be completed.'
    if (!(error instanceof GatewayError)) services.logger.error({ err: { name: (error as Error).name } }, 'OAuth callback failed')
    return page('Authorization failed', `<p>${escapeHtml(message)}</p><p>Start again with <code>startAuthorization</code> in <a href="/graphql">GraphiQL</a>.</p>`, 400)
  }
}
