/**
 * Builds each request's context: its logger (with the request id), its session, a JIRA client made
 * on first use (throwing UNAUTHENTICATED, with how to authorize, when there is no usable session),
 * the field catalog and the request's DataLoaders.
 */
import type { GatewayContext } from '../context.ts'
import { UnauthenticatedError } from '../errors.ts'
import type { JiraClient } from '../jira/client.ts'
import { FieldCatalog } from '../jira/field-catalog.ts'
import { createIssueLoader } from '../jira/issue-loader.ts'
import { createProjectLoader } from '../schema/project.ts'
import type { Services } from '../services.ts'
import { requestIdOf } from './request-log.ts'
import { sessionFromRequest } from './session.ts'

export async function createContext(request: Request, services: Services): Promise<GatewayContext> {
  const deadline = Date.now() + services.config.requestDeadlineMs
  const log = services.logger.child({ requestId: requestIdOf(request) })
  const { session, problem } = await sessionFromRequest(request, services)
  let client: JiraClient | undefined
  const jira = (): JiraClient => {
    if (!session) {
      throw new UnauthenticatedError(problem === 'unknown' ? 'This session is unknown or has expired.' : 'This request carries no session.')
    }
    if (problem === 'revoked' || session.authorization.revokedAt) {
      throw new UnauthenticatedError('JIRA no longer accepts this authorization (revoked or rejected); authorize again.')
    }
    client ??= services.jiraFor(session.authorization, { deadline, log })
    return client
  }
  let catalog: FieldCatalog | undefined
  const fieldCatalog = () => (catalog ??= new FieldCatalog(services.fieldCache, session?.authorization.id ?? '', jira))
  return { services, log, session, sessionProblem: problem, jira, fieldCatalog, loaders: { issue: createIssueLoader(jira), project: createProjectLoader(jira) } }
}
