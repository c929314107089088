/**
 * The floor: the least any Node gateway in front of JIRA does for the single-issue query. node:http
 * in, the gateway's own OAuthSigner, undici's `request` over a keep-alive Agent out (the gateway's
 * transport), the three fields picked from JIRA's JSON and sent back as GraphQL's answer would be.
 * No GraphQL, no session lookup, no logging, no metrics, no limits, no error handling: not a product,
 * a measuring stick. The gateway's figures minus these are what the GraphQL layer and the product's
 * required work (sessions, logs, metrics, limits) cost.
 *
 * One listener per sandbox (lean, slow). Started by bench/run.ts over IPC; exits with its parent.
 */
import { createPrivateKey } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { Agent, request } from 'undici'
import { OAuthSigner } from '../src/auth/signer.ts'

interface Target {
  /** the signed REST URL of the issue, as the gateway asks for it */
  url: string
  /** the access token this proxy acts with (its own, from its own dance) */
  token: string
}

const consumerKey = process.env['BENCH_CONSUMER_KEY']
const privateKeyPem = process.env['BENCH_PRIVATE_KEY']
const targets = JSON.parse(process.env['BENCH_TARGETS'] ?? '{}') as Record<string, Target>
if (!consumerKey || !privateKeyPem || !process.send) {
  console.error('bench/bare-proxy.ts is started by bench/run.ts (needs BENCH_CONSUMER_KEY, BENCH_PRIVATE_KEY, BENCH_TARGETS and an IPC channel)')
  process.exit(2)
}

const signer = new OAuthSigner({ consumerKey, privateKey: createPrivateKey(privateKeyPem) })
const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connections: 128 })

function serve(target: Target): Promise<Server> {
  const server = createServer((req, res) => {
    // The client's GraphQL request is read whole, as any server must before answering it.
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const authorization = signer.authorizationHeader({ method: 'GET', url: target.url }, target.token)
      const upstream = await request(target.url, { headers: { authorization, accept: 'application/json' }, dispatcher: agent })
      const issue = (await upstream.body.json()) as { key: string; fields: { summary: string; status: { name: string } } }
      const body = JSON.stringify({ data: { issue: { key: issue.key, summary: issue.fields.summary, status: { name: issue.fields.status.name } } } })
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body)
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

const urls: Record<string, string> = {}
for (const [name, target] of Object.entries(targets)) {
  const server = await serve(target)
  const address = server.address()
  if (address && typeof address === 'object') urls[name] = `http://127.0.0.1:${address.port}`
}
process.send({ type: 'ready', urls })
process.on('disconnect', () => process.exit(0))
