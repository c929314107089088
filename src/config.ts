/**
 * Settings, read once from the environment (and `.env`). A missing or malformed setting stops
 * start-up with a message that names it. With no JIRA_BASE_URL the gateway runs against the
 * bundled sandbox JIRA; with one, it never falls back to the sandbox.
 */
import { z } from 'zod'

const absoluteHttpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.search && !url.hash
    } catch {
      return false
    }
  }, 'must be an absolute http(s) URL without credentials, query or fragment')
  // One canonical form: no trailing slash, so paths can simply be appended.
  .transform((value) => new URL(value).href.replace(/\/+$/, ''))

/** An origin exactly as browsers send it in the Origin header, or undefined if `value` is not one. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value)
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
    return (url.protocol === 'http:' || url.protocol === 'https:') && bare ? url.origin : undefined
  } catch {
    return undefined
  }
}

/** A comma-separated list, each entry trimmed and read by `parse`; the first it refuses is named in the error. */
function commaList(parse: (entry: string) => string | undefined, requirement: string) {
  return z
    .string()
    .default('')
    .transform((value, ctx) => {
      const parsed: string[] = []
      for (const entry of value.split(',').map((item) => item.trim()).filter(Boolean)) {
        const result = parse(entry)
        if (result === undefined) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" ${requirement}` })
          return z.NEVER
        }
        parsed.push(result)
      }
      return parsed
    })
}

const port = z.coerce.number().int().min(0).max(65535)

const envSchema = z.object({
  JIRA_BASE_URL: absoluteHttpUrl.optional(),
  JIRA_CONSUMER_KEY: z.string().trim().min(1).default('OAuthKey'),
  JIRA_PRIVATE_KEY_FILE: z.string().trim().min(1).optional(),
  JIRA_PRIVATE_KEY: z.string().min(1).optional(),
  JIRA_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  /** No JIRA call is started or retried later than this after a GraphQL request arrives. */
  REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^file:.+/, 'must be a SQLite URL of the form file:./path/to.db')
    .default('file:./data/gateway.db'),
  PORT: port.default(4000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PUBLIC_URL: absoluteHttpUrl.optional(),
  /** Comma-separated URL prefixes that startAuthorization may send JIRA's callback to, besides PUBLIC_URL. */
  CALLBACK_URL_ALLOWLIST: commaList((entry) => {
    const result = absoluteHttpUrl.safeParse(entry)
    return result.success ? result.data : undefined
  }, 'must be an absolute http(s) URL prefix'),
  /**
   * Comma-separated origins (scheme://host[:port]) whose pages may call the gateway from a browser
   * with a Bearer token, or `*` for any. Unset: no CORS at all, so only same-origin pages (GraphiQL)
   * and non-browser apps can read answers. Cookies never cross origins either way.
   */
  CORS_ORIGINS: commaList((entry) => (entry === '*' ? '*' : originOf(entry)), 'must be an origin such as https://app.example.com, or *'),
  SANDBOX_HOST: z.string().trim().min(1).default('127.0.0.1'),
  SANDBOX_PORT: port.default(8090),
  SESSION_TTL_DAYS: z.coerce.number().positive().max(3650).default(30),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(100),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(5000),
  QUERY_MAX_COST: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  REQUEST_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(100_000),
  BATCH_MAX_OPERATIONS: z.coerce.number().int().min(1).max(100).default(10),
  /** AES-256-GCM key for JIRA tokens at rest: 64 hex characters or base64 of 32 bytes. */
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, 'base64').length === 32, 'must be 32 bytes as 64 hex characters or base64 (e.g. `openssl rand -hex 32`)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Env = z.infer<typeof envSchema>

export interface Config {
  /** `undefined` in sandbox mode until the sandbox has started and its URL is known. */
  jiraBaseUrl: string | undefined
  sandbox: boolean
  consumerKey: string
  privateKey: { file?: string; pem?: string }
  jiraTimeoutMs: number
  requestDeadlineMs: number
  databaseUrl: string
  port: number
  host: string
  publicUrl: string | undefined
  callbackAllowlist: string[]
  /** Origins allowed by CORS; empty: CORS off. */
  corsOrigins: string[]
  sandboxHost: string
  sandboxPort: number
  sessionTtlMs: number
  logLevel: Env['LOG_LEVEL']
  tokenEncryptionKey: string | undefined
  limits: { depth: number; aliases: number; tokens: number; cost: number; bodyBytes: number; batch: number }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in a .env file mean "not set", as most tools treat them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'settings'}: ${issue.message}`)
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`)
  }
  const e = result.data
  const sandbox = e.JIRA_BASE_URL === undefined
  if (!sandbox && !e.JIRA_PRIVATE_KEY_FILE && !e.JIRA_PRIVATE_KEY) {
    throw new ConfigError(
      'Invalid settings:\n  JIRA_PRIVATE_KEY_FILE: required when JIRA_BASE_URL is set (or give the PEM itself in JIRA_PRIVATE_KEY); `npm run keys` makes a key pair',
    )
  }
  // In sandbox mode the gateway's own callback is the natural default; elsewhere only an explicit PUBLIC_URL is trusted.
  const publicUrl = e.PUBLIC_URL ?? (sandbox ? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}` : undefined)
  return {
    jiraBaseUrl: e.JIRA_BASE_URL,
    sandbox,
    consumerKey: e.JIRA_CONSUMER_KEY,
    privateKey: { file: e.JIRA_PRIVATE_KEY_FILE, pem: e.JIRA_PRIVATE_KEY },
    jiraTimeoutMs: e.JIRA_TIMEOUT_MS,
    requestDeadlineMs: e.REQUEST_DEADLINE_MS,
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    callbackAllowlist: e.CALLBACK_URL_ALLOWLIST,
    corsOrigins: e.CORS_ORIGINS,
    sandboxHost: e.SANDBOX_HOST,
    sandboxPort: e.SANDBOX_PORT,
    sessionTtlMs: e.SESSION_TTL_DAYS * 86_400_000,
    logLevel: e.LOG_LEVEL,
    tokenEncryptionKey: e.TOKEN_ENCRYPTION_KEY,
    limits: {
      depth: e.QUERY_MAX_DEPTH,
      aliases: e.QUERY_MAX_ALIASES,
      tokens: e.QUERY_MAX_TOKENS,
      cost: e.QUERY_MAX_COST,
      bodyBytes: e.REQUEST_MAX_BYTES,
      batch: e.BATCH_MAX_OPERATIONS,
    },
  }
}
