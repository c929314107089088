/**
 * Starts the whole gateway: settings, (in sandbox mode) the bundled sandbox JIRA, migrations, the
 * database, yoga, and the HTTP listener. Returns a handle whose close() stops all of it in order.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import pino, { type Logger } from 'pino'
import { startSandbox, type Sandbox } from '../sandbox/index.ts'
import { ensureSandboxKeyPair } from '../sandbox/keys.ts'
import { createGateway, type Gateway } from './app.ts'
import { loadPrivateKey } from './auth/private-key.ts'
import { TokenCipher } from './auth/token-cipher.ts'
import { loadConfig, type Config } from './config.ts'
import { createPrisma, type PrismaClient } from './db/client.ts'
import { migrate } from './db/migrate.ts'
import { sqlitePath } from './db/sqlite-path.ts'
import { createLogger } from './logger.ts'
import { createServices, type Services } from './services.ts'

export interface RunningGateway {
  url: string
  config: Services['config']
  yoga: Gateway
  services: Services
  prisma: PrismaClient
  /** Present in sandbox mode. */
  sandbox?: Sandbox
  close(): Promise<void>
}

const CLEANUP_INTERVAL_MS = 10 * 60_000
const LOG_FLUSH_MS = 1000

export async function startGateway(options: { env?: NodeJS.ProcessEnv; logger?: Logger } = {}): Promise<RunningGateway> {
  const config = loadConfig(options.env)
  // Asynchronous, buffered writes to stdout: a log line neither blocks the request that wrote it nor
  // costs a write of its own (one write per line cost ~0.06 ms of CPU per request under load). The
  // buffer goes out at 4 KiB, every second, and at shutdown.
  const destination = options.logger ? undefined : pino.destination({ dest: 1, sync: false, minLength: 4096 })
  const logger = options.logger ?? createLogger(config.logLevel, destination)
  const logFlusher = destination && setInterval(() => destination.flush(), LOG_FLUSH_MS).unref()
  const dbFile = sqlitePath(config.databaseUrl)

  let sandbox: Sandbox | undefined
  let privateKey: KeyObject
  let jiraBaseUrl: string
  if (config.sandbox) {
    // The sandbox's consumer key pair lives beside the database, so each data folder has its own.
    const keys = await ensureSandboxKeyPair(join(dirname(dbFile), 'sandbox'))
    sandbox = await startSandbox({
      host: config.sandboxHost,
      port: config.sandboxPort,
      consumers: [{ key: config.consumerKey, name: 'JIRA GraphQL Gateway', publicKeyPem: keys.publicKeyPem }],
    })
    privateKey = createPrivateKey(keys.privateKeyPem)
    jiraBaseUrl = sandbox.url
  } else {
    privateKey = loadPrivateKey(config.privateKey)
    jiraBaseUrl = config.jiraBaseUrl!
  }

  const migrations = migrate(dbFile)
  if (migrations.applied.length) logger.info({ applied: migrations.applied }, 'database migrated')
  const prisma = createPrisma(config.databaseUrl)
  await checkTokenKey(prisma, config.tokenEncryptionKey).catch(async (error: unknown) => {
    await prisma.$disconnect()
    await sandbox?.close()
    throw error
  })
  const services = createServices({ config: { ...config, jiraBaseUrl }, prisma, privateKey, logger })
  const yoga = createGateway(services)
  const server = createServer(yoga)
  await listen(server, config)
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`
  if (config.sandbox && !options.env?.PUBLIC_URL && config.port === 0) {
    // An ephemeral port is only known now: the default callback must point at it.
    services.config.publicUrl = url
  }

  const cleanup = setInterval(() => {
    void Promise.all([services.tokens.deleteExpiredPending(), services.sessions.deleteExpired()]).catch((error: Error) =>
      logger.warn({ err: { name: error.name } }, 'cleanup of expired tokens failed'),
    )
  }, CLEANUP_INTERVAL_MS)
  cleanup.unref()

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      clearInterval(cleanup)
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
      await yoga.dispose()
      await services.closeConnections()
      await prisma.$disconnect()
      await sandbox?.close()
      clearInterval(logFlusher)
      await new Promise<void>((resolve) => logger.flush(() => resolve()))
    })())

  return { url, config: services.config, yoga, services, prisma, sandbox, close }
}

/** Fails start-up, not the first request, when stored tokens cannot be read with the configured key. */
async function checkTokenKey(prisma: PrismaClient, key: string | undefined): Promise<void> {
  const sample = await prisma.authorization.findFirst({ where: { accessToken: { startsWith: 'v1:' } }, select: { accessToken: true } })
  if (sample) TokenCipher.fromSetting(key).open(sample.accessToken)
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
