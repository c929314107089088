/**
 * The gateway as a fetch handler: yoga with the schema, the per-request context, error masking and
 * the few non-GraphQL routes. Built apart from any listener, so tests can call `yoga.fetch` or put
 * it behind a real port (src/server.ts).
 */
import { usePrometheus } from '@graphql-yoga/plugin-prometheus'
import { renderGraphiQL } from '@graphql-yoga/render-graphiql'
import { useCookies } from '@whatwg-node/server-plugin-cookies'
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga'
import type { GatewayContext } from './context.ts'
import { UnauthenticatedError } from './errors.ts'
import { GRAPHIQL_DEFAULT_HEADERS, GRAPHIQL_DEFAULT_TABS } from './http/graphiql.ts'
import { createMaskError } from './http/mask-error.ts'
import { armor } from './http/limits.ts'
import { requestIdOf, requestLogging } from './http/request-log.ts'
import { handleOAuthCallback } from './http/oauth-callback.ts'
import { sessionFromRequest } from './http/session.ts'
import { CALLBACK_PATH } from './auth/callback-url.ts'
import { createIssueLoader } from './jira/issue-loader.ts'
import { FieldCatalog } from './jira/field-catalog.ts'
import { createProjectLoader } from './schema/project.ts'
import type { JiraClient } from './jira/client.ts'
import { schema } from './schema/index.ts'
import type { Services } from './services.ts'

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>

/** Routes beside /graphql: the OAuth callback and health checks. */
function routes(services: Services): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === CALLBACK_PATH && request.method === 'GET') {
        endResponse(await handleOAuthCallback(request, url, services))
      } else if (url.pathname === '/healthz') {
        endResponse(Response.json({ status: 'ok' }))
      } else if (url.pathname === '/readyz') {
        try {
          await services.prisma.$queryRaw`SELECT 1`
          endResponse(Response.json({ status: 'ready' }))
        } catch {
          endResponse(Response.json({ status: 'database unavailable' }, { status: 503 }))
        }
      } else if (url.pathname === '/' && request.method === 'GET') {
        endResponse(new Response(null, { status: 302, headers: { location: '/graphql' } }))
      }
    },
  }
}

export function createGateway(services: Services): Gateway {
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: services.logger,
    // GraphiQL served from the npm package, not from a CDN: it works offline and behind firewalls.
    renderGraphiQL,
    graphiql: { title: 'JIRA GraphQL Gateway', defaultTabs: GRAPHIQL_DEFAULT_TABS, defaultHeaders: GRAPHIQL_DEFAULT_HEADERS },
    maskedErrors: { maskError: createMaskError(services.logger) },
    batching: { limit: services.config.limits.batch },
    maxRequestBodySize: services.config.limits.bodyBytes,
    plugins: [armor(services.config.limits), useCookies(), routes(services),
      requestLogging(),
      usePrometheus({
        endpoint: '/metrics',
        registry: services.metrics.registry,
        // What an operator reads; the plugin's other defaults (per-phase histograms, a quantile
        // summary, a deprecated-field walk of every document) cost CPU on every request.
        metrics: {
          // The duration histogram's _count is the request count by operation; a separate counter would repeat it.
          graphql_envelop_request: false,
          graphql_envelop_request_duration: true,
          graphql_envelop_error_result: true,
          // Per-operation durations above cover what an operator reads; an HTTP-level histogram would repeat them.
          graphql_yoga_http_duration: false,
          graphql_envelop_request_time_summary: false,
          graphql_envelop_phase_parse: false,
          graphql_envelop_phase_validate: false,
          graphql_envelop_phase_context: false,
          graphql_envelop_phase_execute: false,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_deprecated_field: false,
          graphql_envelop_schema_change: false,
        },
      }),
    ],
    context: async ({ request }): Promise<GatewayContext> => {
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
    },
  })
}
