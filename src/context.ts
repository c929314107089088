/** What every resolver receives: the shared services and this request's person, JIRA client and loaders. */
import type { YogaInitialContext } from 'graphql-yoga'
import type { Logger } from 'pino'
import type { ResolvedSession } from './auth/sessions.ts'
import type { JiraClient } from './jira/client.ts'
import type { IssueLoader } from './jira/issue-loader.ts'
import type { FieldCatalog } from './jira/field-catalog.ts'
import type { JiraProject } from './jira/types.ts'
import type DataLoader from 'dataloader'
import type { Services } from './services.ts'

export type SessionSource = 'bearer' | 'cookie'

/** What the gateway adds to yoga's initial context (request, params). */
export interface GatewayContext {
  services: Services
  /** This request's logger: every line carries its request id. */
  log: Logger
  /** The session this request presented, when it is valid. */
  session: (ResolvedSession & { source: SessionSource }) | null
  /** Why there is no usable session, for a precise UNAUTHENTICATED message. */
  sessionProblem: 'none' | 'unknown' | 'revoked' | null
  /** JIRA as this person; throws UNAUTHENTICATED (saying how to authorize) when there is none. */
  jira(): JiraClient
  /** JIRA's field list as this person sees it (cached across requests). */
  fieldCatalog(): FieldCatalog
  loaders: { issue: IssueLoader; project: DataLoader<string, JiraProject | null> }
}

export type Context = YogaInitialContext & GatewayContext
