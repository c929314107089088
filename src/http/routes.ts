import type { Plugin } from 'graphql-yoga'
import { CALLBACK_PATH } from '../auth/callback-url.ts'
import type { Services } from '../services.ts'
import { handleOAuthCallback } from './oauth-callback.ts'

/** Routes beside /graphql: the OAuth callback and health checks. */
export function routes(services: Services): Plugin {
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
