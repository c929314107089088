import { CALLBACK_PATH } from '../auth/callback-url.ts'
import { UnauthenticatedError } from '../errors.ts'
import { clearCookie, isSameOriginBrowserRequest, PENDING_COOKIE, SESSION_COOKIE, setPendingCookie, setSessionCookie } from '../http/cookies.ts'
import type { JiraUser } from '../jira/types.ts'
import { builder } from './builder.ts'
import { UserRef } from './user.ts'

const AuthorizationStartRef = builder.simpleObject('AuthorizationStart', {
  description: 'A started OAuth dance: open authorizeUrl in a browser and approve in JIRA.',
  fields: (t) => ({
    authorizeUrl: t.field({ type: 'URL', description: "JIRA's approval page for this request token." }),
    requestToken: t.string({ description: 'The request token; give it to completeAuthorization with the verifier.' }),
    callbackUrl: t.string({
      description: `Where JIRA sends the browser after Allow: "oob" (JIRA shows a verifier to copy) or a URL such as the gateway's own ${CALLBACK_PATH}.`,
    }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the request token expires (10 minutes after it was issued).' }),
  }),
})

const AuthorizationResultRef = builder.simpleObject('AuthorizationResult', {
  description: 'A completed OAuth dance.',
  fields: (t) => ({
    sessionToken: t.string({ description: 'Send as "Authorization: Bearer <sessionToken>" from now on. Shown once; the gateway keeps only its hash.' }),
    viewer: t.field({ type: UserRef, description: 'The JIRA user who approved.' }),
  }),
})

builder.mutationField('startAuthorization', (t) =>
  t.field({
    type: AuthorizationStartRef,
    description: "Starts JIRA's OAuth 1.0a dance: gets a request token and the URL where the person approves it.",
    args: {
      callbackUrl: t.arg.string({
        required: false,
        description: `"oob" for a verifier to copy, or a URL under PUBLIC_URL or CALLBACK_URL_ALLOWLIST. Default: the gateway's own ${CALLBACK_PATH} when PUBLIC_URL is known, else "oob".`,
      }),
    },
    resolve: async (_root, { callbackUrl }, ctx) => {
      const started = await ctx.services.authorizer.start(callbackUrl)
      if (started.callbackUrl === `${ctx.services.config.publicUrl}${CALLBACK_PATH}`) {
        await setPendingCookie(ctx.request, ctx.services.config, started.requestToken, started.expiresAt)
      }
      return started
    },
  }),
)

builder.mutationField('completeAuthorization', (t) =>
  t.field({
    type: AuthorizationResultRef,
    description: 'Exchanges an approved request token and its verifier for a gateway session acting as the JIRA user who approved.',
    args: {
      requestToken: t.arg.string({ required: true, description: 'The requestToken from startAuthorization.' }),
      verifier: t.arg.string({ required: true, description: 'The verification code JIRA showed after Allow (or oauth_verifier from the callback).' }),
    },
    resolve: async (_root, { requestToken, verifier }, ctx) => {
      const { sessionToken, authorization } = await ctx.services.authorizer.complete(requestToken.trim(), verifier)
      if (isSameOriginBrowserRequest(ctx.request)) await setSessionCookie(ctx.request, ctx.services.config, sessionToken)
      const viewer: JiraUser = { key: authorization.jiraUserKey, name: authorization.jiraUsername, displayName: authorization.jiraDisplayName }
      return { sessionToken, viewer }
    },
  }),
)

builder.mutationField('signOut', (t) =>
  t.boolean({
    description: "Ends this request's gateway session (Bearer token or browser cookie). The JIRA grant stays; JIRA's own tokens are revoked in JIRA.",
    resolve: async (_root, _args, ctx) => {
      if (!ctx.session) throw new UnauthenticatedError('There is no session to sign out of.')
      const ended = await ctx.services.sessions.end(ctx.session.sessionId)
      await clearCookie(ctx.request, SESSION_COOKIE)
      await clearCookie(ctx.request, PENDING_COOKIE)
      return ended
    },
  }),
)
