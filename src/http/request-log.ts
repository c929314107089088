/**
 * One structured log line per GraphQL operation (request id, operation name, duration, errors) and
 * one per JIRA call (method, path without query, status, duration). The request id comes from an
 * incoming X-Request-Id when it looks like one, else a new UUID, and is echoed in the response.
 */
import { randomUUID } from 'node:crypto'
import { getOperationAST } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from '../context.ts'

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

export function requestId(request: Request): string {
  const given = request.headers.get('x-request-id')
  return given && REQUEST_ID.test(given) ? given : randomUUID()
}

export function requestLogging(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const started = performance.now()
      return {
        onExecuteDone({ result }) {
          const durationMs = Math.round(performance.now() - started)
          const write = () => {
            const ast = getOperationAST(args.document, args.operationName)
            const errors = 'errors' in result && result.errors ? result.errors.map((error) => error.extensions?.code ?? 'UNKNOWN') : []
            args.contextValue.log.info(
              { operation: ast?.operation ?? 'query', operationName: args.operationName ?? ast?.name?.value ?? null, durationMs, errors },
              'graphql operation',
            )
          }
          // Written once the answer is on its way (setImmediate runs after this turn's socket write):
          // the line, and working out what goes in it, cost the client no time.
          setImmediate(write)
        },
      }
    },
    onResponse({ request, response, serverContext }) {
      const id = (serverContext as { requestId?: string } | undefined)?.requestId ?? requestIdOf(request)
      if (id) response.headers.set('x-request-id', id)
    },
  }
}

const ids = new WeakMap<Request, string>()

/** The request's id, fixed at its first use. */
export function requestIdOf(request: Request): string {
  let id = ids.get(request)
  if (!id) {
    id = requestId(request)
    ids.set(request, id)
  }
  return id
}
