// `npm run sandbox` (tsx sandbox/cli.ts): a sandbox JIRA to point the gateway at during development.
//   SANDBOX_HOST (127.0.0.1), SANDBOX_PORT (8090), SANDBOX_CONTEXT_PATH (''), SANDBOX_LATENCY_MS (0),
//   SANDBOX_BULK_ISSUES (0: how many generated BULK-n issues)
import { startSandbox } from './index.ts'
import { ensureSandboxKeyPair } from './keys.ts'

const CONSUMER_KEY = 'OAuthKey'
const CONSUMER_NAME = 'JIRA GraphQL Gateway'

async function main(): Promise<void> {
  const keys = await ensureSandboxKeyPair('data/sandbox')
  const port = Number(process.env['SANDBOX_PORT'] ?? 8090)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT is not a port: ${process.env['SANDBOX_PORT']}`)
  const sandbox = await startSandbox({
    host: process.env['SANDBOX_HOST'] ?? '127.0.0.1',
    port,
    contextPath: process.env['SANDBOX_CONTEXT_PATH'] ?? '',
    latencyMs: Number(process.env['SANDBOX_LATENCY_MS'] ?? 0),
    bulkIssues: Number(process.env['SANDBOX_BULK_ISSUES'] ?? 0),
    consumers: [{ key: CONSUMER_KEY, name: CONSUMER_NAME, publicKeyPem: keys.publicKeyPem }],
  })

  const users = sandbox.users.map((u) => `    ${u.name.padEnd(10)} ${u.displayName}`).join('\n')
  console.log(`Sandbox JIRA listening on ${sandbox.url}

  consumer key      ${CONSUMER_KEY} ("${CONSUMER_NAME}")
  private key file  ${keys.privateKeyFile}
  request token     POST ${sandbox.url}/plugins/servlet/oauth/request-token
  authorize         GET  ${sandbox.url}/plugins/servlet/oauth/authorize?oauth_token=...
  access token      POST ${sandbox.url}/plugins/servlet/oauth/access-token
  REST              ${sandbox.url}/rest/api/2/
  users (pick one on the approval page):
${users}

Ctrl-C to stop.`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping the sandbox JIRA`)
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error('sandbox failed to start:', error)
  process.exit(1)
})
