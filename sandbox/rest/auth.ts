// Who is calling: the OAuth access token in the Authorization header, checked like JIRA's OAuth
// filter does (message checks, signature, then the token).
import type { SandboxContext } from '../context.ts'
import type { UserRecord } from '../data.ts'
import { header, jsonError, type Reply, type SandboxRequest } from '../http.ts'
import { parseAuthorizationHeader } from '../oauth/header.ts'
import { checkMessage, checkSignature, readOAuthMessage } from '../oauth/message.ts'
import { OAuthProblem, problemReply } from '../oauth/problem.ts'

export type Authentication = { user: UserRecord } | { reply: Reply }

export function authenticate(req: SandboxRequest, ctx: SandboxContext): Authentication {
  // Anonymous (or non-OAuth) access: JIRA's JSON 401, not an OAuth problem report.
  if (!parseAuthorizationHeader(header(req, 'authorization'))) {
    return { reply: jsonError(401, ['You are not authenticated. Authentication required to perform this operation.']) }
  }
  try {
    const message = readOAuthMessage(req)
    const consumer = checkMessage(message, ctx, ['oauth_token'])
    checkSignature(message, consumer)
    const record = ctx.tokens.get(message.oauth.get('oauth_token')!)
    if (!record || record.kind !== 'access' || record.consumerKey !== consumer.key) throw new OAuthProblem('token_rejected')
    // revoked wins over expired: an admin's revocation is final
    if (record.revoked) throw new OAuthProblem('token_rejected')
    if (ctx.tokens.isExpired(record)) throw new OAuthProblem('token_expired')
    const user = ctx.state.user(record.user)
    if (!user || !user.active) throw new OAuthProblem('token_rejected')
    return { user }
  } catch (error) {
    if (error instanceof OAuthProblem) return { reply: problemReply(error, ctx.baseUrl) }
    throw error
  }
}
