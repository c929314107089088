/**
 * Limits on what a client may ask, all decided before any JIRA call: GraphQL Armor for depth,
 * aliases, tokens, cost and directives (and no field suggestions that map the schema for an
 * attacker), and a request body size limit. Each refusal is a GraphQL error with a code.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor'
import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Config } from '../config.ts'

export function armor(limits: Config['limits']): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.depth, ignoreIntrospection: true },
    maxAliases: { n: limits.aliases },
    maxTokens: { n: limits.tokens },
    maxDirectives: { n: 50 },
    costLimit: { maxCost: limits.cost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: true },
  }) as Plugin
}

/** Refuses a body larger than the limit from its Content-Length, before yoga reads it. */
export function bodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse }) {
      const length = Number(request.headers.get('content-length') ?? '0')
      if (length > maxBytes) {
        const error = new GraphQLError(`The request body is larger than ${maxBytes} bytes.`, { extensions: { code: 'PAYLOAD_TOO_LARGE' } })
        endResponse(Response.json({ errors: [error.toJSON()] }, { status: 413 }))
      }
    },
  }
}
