/**
 * What a CLI command works with: the same settings, database and services as the server, so a
 * request token or a grant made here follows exactly the rules of the GraphQL mutations.
 *
 * Two steps, because some commands need only the first: settings (cheap: no database, no key, no
 * JIRA) and then the services (migrated database, consumer key, and in sandbox mode a check that
 * the sandbox is up).
 */
import type { KeyObject } from 'node:crypto'
import { dirname } from 'node:path'
import pino from 'pino'
import { loadPrivateKey } from '../auth/private-key.ts'
import { loadConfig, type Config } from '../config.ts'
import { createPrisma, type PrismaClient } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import { sqlitePath } from '../db/sqlite-path.ts'
import { createLogger } from '../logger.ts'
import { createServices, type Services } from '../services.ts'
import { checkSandboxRunning, sandboxPrivateKey, sandboxUrl } from './sandbox-target.ts'
import { statePath } from './state.ts'

export interface CliSettings {
  config: Config & { jiraBaseUrl: string }
  /** The SQLite file of DATABASE_URL, and its folder (where the CLI's state and the sandbox keys live). */
  dbFile: string
  dataDir: string
  stateFile: string
}

export interface CliContext extends CliSettings {
  prisma: PrismaClient
  services: Services
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): CliSettings {
  const config = loadConfig(env)
  const jiraBaseUrl = config.jiraBaseUrl ?? sandboxUrl(config)
  const dbFile = sqlitePath(config.databaseUrl)
  const dataDir = dirname(dbFile)
  return { config: { ...config, jiraBaseUrl }, dbFile, dataDir, stateFile: statePath(dataDir) }
}

/**
 * Opens the services, runs `use`, and always closes the database. `talksToJira`: in sandbox mode,
 * check first that the sandbox answers, so the person learns how to start it rather than that a
 * request failed.
 */
export async function withContext<T>(settings: CliSettings, options: { talksToJira: boolean }, use: (context: CliContext) => Promise<T>): Promise<T> {
  const { config } = settings
  let privateKey: KeyObject
  if (config.sandbox) {
    if (options.talksToJira) await checkSandboxRunning(config.jiraBaseUrl)
    privateKey = await sandboxPrivateKey(settings.dataDir, config.jiraBaseUrl)
  } else {
    privateKey = loadPrivateKey(config.privateKey)
  }
  migrate(settings.dbFile) // as the server does at start-up: the CLI may be the first to open this database
  const prisma = createPrisma(config.databaseUrl)
  const services = createServices({ config, prisma, privateKey, logger: cliLogger(config.logLevel) })
  try {
    return await use({ ...settings, prisma, services })
  } finally {
    // Idle keep-alive connections would otherwise hold the process open until they time out.
    await services.closeConnections()
    await prisma.$disconnect()
  }
}

/**
 * The server's structured logs would break the CLI's one-line errors, so the CLI logs nothing
 * unless LOG_LEVEL asks for debug or trace, and then to stderr, leaving stdout to the output.
 */
function cliLogger(level: Config['logLevel']) {
  const verbose = level === 'debug' || level === 'trace'
  return createLogger(verbose ? level : 'silent', pino.destination({ fd: 2, sync: true }))
}
