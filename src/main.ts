/** `npm start`: runs the gateway until SIGINT/SIGTERM, with a banner saying what it talks to. */
import 'dotenv/config'
import { ConfigError } from './config.ts'
import { PrivateKeyError } from './auth/private-key.ts'
import { MigrationError } from './db/migrate.ts'
import { TokenCipherError } from './auth/token-cipher.ts'
import { startGateway } from './server.ts'

try {
  const gateway = await startGateway()
  const { config, sandbox } = gateway
  const lines = [
    '',
    '  JIRA GraphQL Gateway',
    `  GraphiQL:  ${config.publicUrl ?? gateway.url}/graphql`,
    `  JIRA:      ${config.jiraBaseUrl}${sandbox ? '  (the built-in sandbox JIRA: no JIRA_BASE_URL is set)' : ''}`,
    `  Database:  ${config.databaseUrl}`,
    `  Callback:  ${config.publicUrl ? `${config.publicUrl}/oauth/callback` : 'oob (set PUBLIC_URL for a browser callback)'}`,
  ]
  if (sandbox) lines.push(`  Sandbox users (pick one on JIRA's approval page): ${sandbox.users.map((u) => `${u.name} (${u.displayName})`).join(', ')}`)
  process.stdout.write(`${lines.join('\n')}\n\n`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    gateway.services.logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    void gateway.close().then(() => process.exit(0))
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
} catch (error) {
  if (error instanceof ConfigError || error instanceof PrivateKeyError || error instanceof MigrationError || error instanceof TokenCipherError) {
    process.stderr.write(`Cannot start: ${error.message}\n`)
    process.exit(1)
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`Cannot start: ${(error as Error).message} (set PORT, or SANDBOX_PORT for the sandbox)\n`)
    process.exit(1)
  }
  throw error
}
