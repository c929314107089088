/**
 * The CLI's current session: the gateway session token in the state file, resolved through the
 * same SessionStore the server uses, and checked to belong to the JIRA and consumer now configured.
 */
import type { ResolvedSession } from '../auth/sessions.ts'
import type { CliContext, CliSettings } from './context.ts'
import { CliError, HOW_TO_AUTHORIZE_CLI } from './errors.ts'
import { readState } from './state.ts'

/** The CLI's session token, checked before anything is opened: without one there is nothing to do. */
export function sessionToken(settings: CliSettings): string {
  const { sessionToken } = readState(settings.stateFile)
  if (!sessionToken) throw new CliError(`the CLI is not authorized yet: ${HOW_TO_AUTHORIZE_CLI}`)
  return sessionToken
}

export async function currentSession(context: CliContext, sessionToken: string): Promise<ResolvedSession> {
  const session = await context.services.sessions.resolve(sessionToken)
  if (!session) throw new CliError(`the CLI's session has expired or was ended: ${HOW_TO_AUTHORIZE_CLI}`)

  const { authorization } = session
  const who = `${authorization.jiraDisplayName} (${authorization.jiraUsername})`
  const { jiraBaseUrl, consumerKey } = context.config
  // A token JIRA issued must never be sent, signed, to another JIRA or as another consumer.
  if (authorization.jiraBaseUrl !== jiraBaseUrl || authorization.consumerKey !== consumerKey) {
    throw new CliError(
      `the CLI's session is ${who} on ${authorization.jiraBaseUrl} (consumer ${authorization.consumerKey}), but the settings now say ${jiraBaseUrl} (consumer ${consumerKey}): to authorize there, ${HOW_TO_AUTHORIZE_CLI}`,
    )
  }
  if (authorization.revokedAt) {
    throw new CliError(`JIRA no longer accepts the authorization of ${who} (rejected or revoked on ${authorization.revokedAt.toISOString()}): ${HOW_TO_AUTHORIZE_CLI}`)
  }
  return session
}
