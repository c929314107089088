/**
 * Test harness: a real sandbox JIRA and a real gateway, each on its own 127.0.0.1 port, a real
 * SQLite file in a temporary folder, and GraphQL over real HTTP.
 */
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.ts'
import { startGateway, type RunningGateway } from '../../src/server.ts'

export interface KeyPair {
  privateKeyPem: string
  publicKeyPem: string
}

export function makeKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  return { privateKeyPem: privateKey, publicKeyPem: publicKey }
}

export const CONSUMER_KEY = 'OAuthKey'

export async function startTestSandbox(keys: KeyPair, options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ consumers: [{ key: CONSUMER_KEY, name: 'JIRA GraphQL Gateway', publicKeyPem: keys.publicKeyPem }], ...options })
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jgw-test-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A gateway pointed at `jiraBaseUrl` as at a real JIRA; PUBLIC_URL defaults to nothing (oob). */
export async function startTestGateway(input: { jiraBaseUrl: string; keys: KeyPair; dbDir: string; env?: Record<string, string> }): Promise<RunningGateway> {
  return startGateway({
    env: {
      JIRA_BASE_URL: input.jiraBaseUrl,
      JIRA_PRIVATE_KEY: input.keys.privateKeyPem,
      JIRA_CONSUMER_KEY: CONSUMER_KEY,
      DATABASE_URL: `file:${join(input.dbDir, 'gateway.db')}`,
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...input.env,
    },
  })
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>
}

export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  return (await response.json()) as GraphQLResponse<T>
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** The out-of-band dance as a person does it, with the sandbox's Allow standing in for the click. */
export async function authorize(gateway: { url: string }, sandbox: Sandbox, username: string): Promise<string> {
  const started = await gql(gateway.url, 'mutation { startAuthorization(callbackUrl: "oob") { requestToken } }')
  const requestToken = started.data!.startAuthorization.requestToken as string
  const { verifier } = sandbox.approve(requestToken, username)
  const completed = await gql(gateway.url, 'mutation($t: String!, $v: String!) { completeAuthorization(requestToken: $t, verifier: $v) { sessionToken } }', {
    t: requestToken,
    v: verifier,
  })
  if (completed.errors) throw new Error(JSON.stringify(completed.errors))
  return completed.data!.completeAuthorization.sessionToken as string
}

/** REST calls the sandbox served (OAuth servlet calls excluded). */
export function restCalls(sandbox: Sandbox) {
  return sandbox.calls.filter((call) => call.path.startsWith('/rest/'))
}

export interface TestSandbox {
  keys: KeyPair
  /** A temporary folder for the test file's databases. */
  dir: string
  sandbox: Sandbox
}

export interface TestJira extends TestSandbox {
  gateway: RunningGateway
}

/** A sandbox JIRA for one test file: started before its tests, stopped (and the folder removed) after them. */
export function useSandbox(options: Partial<SandboxOptions> = {}): TestSandbox {
  const keys = makeKeyPair()
  const tmp = tempDir()
  const jira = { keys, dir: tmp.dir } as TestSandbox
  beforeAll(async () => {
    jira.sandbox = await startTestSandbox(keys, options)
  })
  afterAll(async () => {
    await jira.sandbox?.close()
    tmp.remove()
  })
  return jira
}

/**
 * A sandbox JIRA and a gateway pointed at it, for one test file. `ownCallback` makes the gateway's
 * own /oauth/callback the default, as PUBLIC_URL would, once its port is known.
 */
export function useSandboxAndGateway(options: { sandbox?: Partial<SandboxOptions>; env?: Record<string, string>; ownCallback?: boolean } = {}): TestJira {
  const jira = useSandbox(options.sandbox) as TestJira
  beforeAll(async () => {
    jira.gateway = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: jira.dir, env: options.env })
    if (options.ownCallback) jira.gateway.config.publicUrl = jira.gateway.url
  })
  // Registered after the sandbox's: vitest runs after-hooks in reverse, so the gateway stops first.
  afterAll(async () => {
    await jira.gateway?.close()
  })
  return jira
}
