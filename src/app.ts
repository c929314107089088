/**
 * The gateway as a fetch handler: yoga with the schema, the per-request context, error masking and
 * the few non-GraphQL routes. Built apart from any listener, so tests can call `yoga.fetch` or put
 * it behind a real port (src/server.ts).
 */
import { createYoga, type YogaServerInstance } from 'graphql-yoga'
import type { GatewayContext } from './context.ts'
import { GRAPHIQL_DEFAULT_HEADERS, GRAPHIQL_DEFAULT_TABS } from './http/graphiql.ts'
import { cookies } from './http/cookies.ts'
import { corsOptions } from './http/cors.ts'
import { createMaskError } from './http/mask-error.ts'
import { armor } from './http/limits.ts'
import { bodyLimit } from './http/body-limit.ts'
import { requestLogging } from './http/request-log.ts'
import { createContext } from './http/context.ts'
import { routes } from './http/routes.ts'
import { metricsPlugin } from './metrics.ts'
import { schema } from './schema/index.ts'
import type { Services } from './services.ts'

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>

export function createGateway(services: Services): Gateway {
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: services.logger,
    // GraphiQL served from the npm package, not from a CDN: it works offline and behind firewalls.
    // The package is a 9 MB bundle (about 30 MB of heap once loaded): imported on the first visit,
    // so a gateway nobody opens GraphiQL on never holds it.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    graphiql: { title: 'JIRA GraphQL Gateway', defaultTabs: GRAPHIQL_DEFAULT_TABS, defaultHeaders: GRAPHIQL_DEFAULT_HEADERS },
    maskedErrors: { maskError: createMaskError(services.logger) },
    batching: { limit: services.config.limits.batch },
    // yoga's default grants every origin, with credentials: see src/http/cors.ts.
    cors: corsOptions(services.config.corsOrigins),
    // Our own limit (src/http/body-limit.ts): yoga's streams every body through a counter.
    maxRequestBodySize: false,
    plugins: [
      armor(services.config.limits),
      cookies(),
      routes(services),
      requestLogging(),
      metricsPlugin(services.metrics),
      bodyLimit(services.config.limits.bodyBytes),
    ],
    context: ({ request }) => createContext(request, services),
  })
}
