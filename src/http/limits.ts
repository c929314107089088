/**
 * Limits on what a client may ask, all decided before any JIRA call: GraphQL Armor for depth,
 * aliases, tokens, cost and directives (and no field suggestions that map the schema for an
 * attacker). The body size limit is in body-limit.ts (a declared Content-Length checked, a chunked
 * body counted as it streams in). Each refusal is a GraphQL error with a code.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor'
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
