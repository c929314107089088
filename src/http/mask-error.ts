/**
 * Turns the gateway's typed errors into GraphQL errors with `extensions.code`, and masks everything
 * else: an unexpected error is logged (message only) and the client sees a generic message, never a
 * stack trace or anything a message might have carried.
 */
import { GraphQLError } from 'graphql'
import type { Logger } from 'pino'
import { GatewayError } from '../errors.ts'

export function createMaskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? error.originalError : error
    if (original instanceof GatewayError && error instanceof GraphQLError) {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { ...original.details, code: original.code },
      })
    }
    // Errors GraphQL itself raised (validation, unknown fields, bad variables) are safe and useful.
    if (error instanceof GraphQLError && !error.originalError) {
      return error.extensions?.code ? error : new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } })
    }
    if (error instanceof GraphQLError && error.originalError instanceof GraphQLError) return error.originalError
    logger.error({ err: safeSummary(original), path: error instanceof GraphQLError ? error.path : undefined }, 'unexpected error in a resolver')
    return new GraphQLError(message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    })
  }
}

/** Prisma prints a failed query's arguments (tokens among them) in its messages: log only its name and code. */
function safeSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error }
  if (error.name.startsWith('PrismaClient')) return { name: error.name, code: (error as { code?: string }).code }
  return { name: error.name, message: error.message }
}
