/**
 * CORS, off unless CORS_ORIGINS lists origins. yoga's default answers every origin's preflight and
 * allows credentials; the gateway grants nothing by default (GraphiQL is same-origin, and apps on a
 * server need no CORS). A listed origin's page may call with its Bearer token, never with the
 * browser's cookies: the session cookie stays a same-origin credential.
 */
import type { CORSOptions } from 'graphql-yoga'

const ALLOWED_HEADERS = ['authorization', 'content-type', 'accept', 'x-request-id']

export function corsOptions(origins: readonly string[]): CORSOptions {
  if (!origins.length) return false
  return {
    origin: origins.includes('*') ? '*' : [...origins],
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  }
}
