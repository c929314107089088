// `jira-gateway` (bin/jira-gateway.js) as a person runs it: real child processes, a real sandbox
// JIRA on 127.0.0.1, a real SQLite file per test. Independent flows run concurrently (own database each).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox/index.ts'
import { ensureSandboxKeyPair } from '../sandbox/keys.ts'
import { makeKeyPair, startTestSandbox, tempDir, type KeyPair } from './helpers/harness.ts'

const BIN = fileURLToPath(new URL('../bin/jira-gateway.js', import.meta.url))
const SUMMARY = 'JIRA Junior logo is not pink enough'
const AUTHORIZE_HINT = 'run `jira-gateway request-token`, approve in JIRA, then `jira-gateway access-token <verifier>`.'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI with only the given settings (no inherited JIRA_* or .env: the cwd is the temp folder). */
function cli(cwd: string, env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

let keys: KeyPair
let sandbox: Sandbox
const dirs: Array<{ remove: () => void }> = []

beforeAll(async () => {
  keys = makeKeyPair()
  sandbox = await startTestSandbox(keys)
})

afterAll(async () => {
  await sandbox?.close()
  for (const dir of dirs) dir.remove()
})

/** A fresh database folder and the settings that point the CLI at the sandbox as at a real JIRA. */
function workspace(extra: Record<string, string> = {}) {
  const tmp = tempDir()
  dirs.push(tmp)
  const env = { JIRA_BASE_URL: sandbox.url, JIRA_PRIVATE_KEY: keys.privateKeyPem, DATABASE_URL: `file:${join(tmp.dir, 'g.db')}`, ...extra }
  const run = (...args: string[]) => cli(tmp.dir, env, ...args)
  return { dir: tmp.dir, env, run, stateFile: join(tmp.dir, 'cli-session.json') }
}

function tokenFrom(stdout: string): string {
  const match = /^Token:\s+(\S+)$/m.exec(stdout)
  if (!match) throw new Error(`no token in:\n${stdout}`)
  return match[1]!
}

/** JIRA's access token and secret as the gateway stored them (in the clear: no TOKEN_ENCRYPTION_KEY). */
function storedJiraTokens(dir: string): { accessToken: string; tokenSecret: string } {
  const db = new Database(join(dir, 'g.db'), { readonly: true })
  try {
    return db.prepare('SELECT accessToken, tokenSecret FROM "Authorization"').get() as { accessToken: string; tokenSecret: string }
  } finally {
    db.close()
  }
}

// Each CLI run is a Node process (~0.5 s of CPU): generous limits for a busy machine.
describe.concurrent('jira-gateway', { timeout: 60_000 }, () => {
  it("does the tutorial's dance, then requests, whoami and sign-out as the person who approved", async () => {
    const { dir, run, stateFile } = workspace()

    const started = await run('request-token')
    expect(started.code).toBe(0)
    expect(started.stderr).toBe('')
    const token = tokenFrom(started.stdout)
    const lines = started.stdout.split('\n')
    expect(lines[0]).toBe(`Token:     ${token}`)
    const expires = Date.parse(/^Expires:\s+(\S+)$/.exec(lines[1]!)![1]!)
    expect(expires - Date.now()).toBeGreaterThan(9 * 60_000)
    expect(expires - Date.now()).toBeLessThanOrEqual(10 * 60_000)
    expect(lines.slice(2)).toEqual([
      'Callback:  oob',
      `Retrieved request token. go to ${sandbox.url}/plugins/servlet/oauth/authorize?oauth_token=${token} to authorize it`,
      'After Allow, JIRA shows a verification code: run `jira-gateway access-token <code>`.',
      '',
    ])
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).requestToken.token).toBe(token)

    const { verifier } = sandbox.approve(token, 'alana')
    const wrong = await run('access-token', verifier === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA')
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toBe('')
    expect(wrong.stderr).toMatch(/^jira-gateway access-token: JIRA rejected the verifier for this request token: [^\n]*\(oauth_problem=token_rejected\)\n$/)

    // A wrong verifier leaves the remembered request token usable.
    const completed = await run('access-token', verifier)
    expect(completed).toEqual({
      code: 0,
      stderr: '',
      stdout:
        `Authorized: Alana Example (alana) on ${sandbox.url}.\n` +
        `The CLI will use this authorization from now on (its session is kept in ${stateFile}); try \`jira-gateway request /rest/api/2/myself\`.\n`,
    })

    // Only the gateway session is kept, mode 0600; JIRA's token and secret stay in the database.
    expect(statSync(stateFile).mode & 0o777).toBe(0o600)
    const stateText = readFileSync(stateFile, 'utf8')
    const state = JSON.parse(stateText)
    expect(Object.keys(state)).toEqual(['sessionToken'])
    expect(state.sessionToken).toMatch(/^jgw_[A-Za-z0-9_-]{43}$/)
    const jira = storedJiraTokens(dir)
    expect(jira.accessToken.length).toBeGreaterThan(10)
    expect(stateText).not.toContain(jira.accessToken)
    expect(stateText).not.toContain(jira.tokenSecret)

    // Reads, side by side: the tutorial's path form, its absolute-URL form (here with a query, on one line), and whoami.
    const [issue, raw, whoami] = await Promise.all([
      run('request', '/rest/api/2/issue/JJ-2'),
      run('request', `${sandbox.url}/rest/api/latest/issue/JJ-2?fields=summary`, '--raw'),
      run('whoami'),
    ])
    expect(issue.code).toBe(0)
    expect(issue.stderr).toBe('')
    expect(issue.stdout.startsWith('{\n  "expand": ')).toBe(true)
    const body = JSON.parse(issue.stdout)
    expect(body.key).toBe('JJ-2')
    expect(body.fields.summary).toBe(SUMMARY)
    expect(sandbox.calls.filter((call) => call.path === '/rest/api/2/issue/JJ-2' && call.user === 'alana').map((call) => call.status)).toEqual([200])

    expect(raw.code).toBe(0)
    expect(raw.stdout.split('\n')).toHaveLength(2)
    expect(JSON.parse(raw.stdout).fields).toEqual({ summary: SUMMARY })

    expect(whoami).toEqual({ code: 0, stderr: '', stdout: `Alana Example (alana) on ${sandbox.url}\n` })
    expect(completed.stdout + issue.stdout + raw.stdout).not.toContain(state.sessionToken)

    expect(await run('sign-out')).toEqual({ code: 0, stderr: '', stdout: 'Signed out: the CLI no longer acts as Alana Example (alana).\n' })
    expect(existsSync(stateFile)).toBe(false)
    expect(await run('whoami')).toEqual({ code: 1, stdout: '', stderr: `jira-gateway whoami: the CLI is not authorized yet: ${AUTHORIZE_HINT}\n` })
  })

  it('refuses a URL outside the configured JIRA, or outside its /rest/, without any call', async () => {
    // Its own sandbox: the other tests' calls would blur "no call at all".
    const quiet = await startTestSandbox(keys)
    const { run } = workspace({ JIRA_BASE_URL: quiet.url })
    try {
      const [evil, dots, page] = await Promise.all([run('request', 'https://evil.example.com/x'), run('request', '/rest/../secure/Dashboard.jspa'), run('request', `${quiet.url}/secure/Dashboard.jspa`)])
      expect(evil).toEqual({
        code: 1,
        stdout: '',
        stderr: `jira-gateway request: refused: https://evil.example.com is not the configured JIRA (${quiet.url}); only its /rest/ API can be requested.\n`,
      })
      expect(dots).toEqual({ code: 1, stdout: '', stderr: 'jira-gateway request: path refused: it contains a "." or ".." segment.\n' })
      expect(page).toEqual({ code: 1, stdout: '', stderr: 'jira-gateway request: path refused: it must start with /rest/ (a path of the configured JIRA, not a URL).\n' })
      expect(quiet.calls).toEqual([])
    } finally {
      await quiet.close()
    }
  })

  it('names consumer_key_unknown and the setting to check when JIRA does not know the consumer', async () => {
    const { run, stateFile } = workspace({ JIRA_CONSUMER_KEY: 'Nope' })
    const refused = await run('request-token')
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr.split('\n')).toHaveLength(2) // one line
    expect(refused.stderr).toMatch(/^jira-gateway request-token: JIRA refused the gateway as an OAuth consumer: .*oauth_problem=consumer_key_unknown\. .*check JIRA_CONSUMER_KEY /)
    expect(existsSync(stateFile)).toBe(false)
  })

  it('shows the session token only when asked, and says how to authorize again once JIRA has revoked the token', async () => {
    // Its own sandbox, so that "no call" below is exact.
    const own = await startTestSandbox(keys)
    const { dir, run, stateFile } = workspace({ JIRA_BASE_URL: own.url })
    try {
      const started = await run('request-token')
      const completed = await run('access-token', own.approve(tokenFrom(started.stdout), 'william').verifier, '--show-session-token')
      expect(completed.code).toBe(0)
      // The session token only when asked for, saying it is a secret.
      const { sessionToken } = JSON.parse(readFileSync(stateFile, 'utf8'))
      expect(completed.stdout.split('\n').slice(2)).toEqual([
        `Session token: ${sessionToken}`,
        '  Keep it secret: whoever holds it acts as William Example (william) through the gateway (Authorization: Bearer <token>).',
        '',
      ])

      own.revokeAccessToken(storedJiraTokens(dir).accessToken)

      const rejected = await run('request', '/rest/api/2/myself')
      expect(rejected.code).toBe(1)
      expect(rejected.stderr).toBe(
        `jira-gateway request: JIRA no longer accepts this authorization (oauth_problem=token_rejected); it has been marked revoked. To authorize: ${AUTHORIZE_HINT}\n`,
      )
      // Marked revoked: the next command does not even ask JIRA.
      const calls = own.calls.length
      const whoami = await run('whoami')
      expect(whoami.code).toBe(1)
      expect(whoami.stderr).toMatch(/^jira-gateway whoami: JIRA no longer accepts the authorization of William Example \(william\) \(rejected or revoked on \S+\): run `jira-gateway request-token`/)
      expect(own.calls.slice(calls)).toEqual([])
    } finally {
      await own.close()
    }
  })

  it('names the setting when one is malformed, and rejects unknown options', async () => {
    const { run } = workspace({ JIRA_BASE_URL: 'ftp://jira.example.com' })
    const [malformed, bogus] = await Promise.all([run('whoami'), run('whoami', '--bogus')])
    expect(malformed).toEqual({
      code: 1,
      stdout: '',
      stderr: 'jira-gateway whoami: Invalid settings: JIRA_BASE_URL: must be an absolute http(s) URL without credentials, query or fragment\n',
    })
    expect(bogus).toEqual({ code: 1, stdout: '', stderr: "jira-gateway whoami: Unknown option '--bogus' (see jira-gateway whoami --help)\n" })
  })

  it('in sandbox mode says how to start the sandbox, and uses the running one with its key pair from <db dir>/sandbox/', async () => {
    const tmp = tempDir()
    dirs.push(tmp)
    const env = { DATABASE_URL: `file:${join(tmp.dir, 'data', 'g.db')}` }

    const closedPort = await freePort()
    const nothing = await cli(tmp.dir, { ...env, SANDBOX_PORT: String(closedPort) }, 'request-token')
    expect(nothing.code).toBe(1)
    expect(nothing.stderr).toMatch(new RegExp(`^jira-gateway request-token: nothing answers at http://127\\.0\\.0\\.1:${closedPort}, where the sandbox JIRA should be .*\`npm start\`.*\`npm run sandbox\``))

    const sandboxKeys = await ensureSandboxKeyPair(join(tmp.dir, 'data', 'sandbox'))
    const running = await startSandbox({ consumers: [{ key: 'OAuthKey', name: 'JIRA GraphQL Gateway', publicKeyPem: sandboxKeys.publicKeyPem }] })
    try {
      const port = new URL(running.url).port
      const started = await cli(tmp.dir, { ...env, SANDBOX_PORT: port }, 'request-token')
      expect(started.stderr).toBe('')
      expect(started.code).toBe(0)
      expect(started.stdout).toContain(`go to ${running.url}/plugins/servlet/oauth/authorize?oauth_token=${tokenFrom(started.stdout)} to authorize it`)
    } finally {
      await running.close()
    }
  })

  it('keys writes the key pair as `npm run keys` does', async () => {
    const { dir, run } = workspace()
    const made = await run('keys', '--out', join(dir, 'keys'), '--consumer-key', 'MyKey')
    expect(made.code).toBe(0)
    expect(made.stdout.split('\n')[0]).toBe(`Wrote ${join(dir, 'keys', 'jira_privatekey.pem')} (mode 600) and ${join(dir, 'keys', 'jira_publickey.pem')}.`)
    expect(made.stdout).toContain('Consumer key:   MyKey')
    expect(statSync(join(dir, 'keys', 'jira_privatekey.pem')).mode & 0o777).toBe(0o600)
  })

  it('has --help for every command', async () => {
    const { run } = workspace()
    const names = ['request-token', 'access-token', 'request', 'whoami', 'sign-out', 'keys']
    const helps = await Promise.all(names.map((name) => run(name, '--help')))
    helps.forEach((help, index) => {
      expect(help.code).toBe(0)
      expect(help.stdout.startsWith(`Usage: jira-gateway ${names[index]}`)).toBe(true)
    })
    const overview = await run('--help')
    expect(overview.code).toBe(0)
    for (const name of names) expect(overview.stdout).toContain(`\n  ${name} `)
  })
})

/** A port nothing listens on (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
