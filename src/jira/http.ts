/**
 * The HTTP transport to JIRA: undici's `request` over a keep-alive connection pool. Lower-level
 * than `fetch` (no WHATWG streams, no AbortSignal per call): profiling the gateway under load showed
 * fetch's machinery as the largest cost after RSA signing itself. Redirects are never followed.
 */
import { Agent, errors, request, type Dispatcher } from 'undici'

export interface HttpRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  timeoutMs: number
}

export interface HttpResponse {
  status: number
  header(name: string): string | null
  text: string
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>

/** A failed exchange: no answer in time, or no connection. */
export class TransportError extends Error {
  override name = 'TransportError'
  constructor(readonly timedOut: boolean) {
    super(timedOut ? 'timed out' : 'connection failed')
  }
}

/** A pool of keep-alive connections; close it on shutdown. */
export function createAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 128 })
}

export function createTransport(dispatcher?: Dispatcher): HttpTransport {
  return async ({ method, url, headers, body, timeoutMs }) => {
    try {
      const response = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      })
      const text = await response.body.text()
      return {
        status: response.statusCode,
        header: (name) => {
          const value = response.headers[name.toLowerCase()]
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
        },
        text,
      }
    } catch (error) {
      throw new TransportError(error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError || error instanceof errors.ConnectTimeoutError)
    }
  }
}

/** For callers without a pool of their own (tests, the CLI): undici's global dispatcher, which also keeps connections alive. */
export const defaultTransport = createTransport()
