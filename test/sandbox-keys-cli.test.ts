// ensureSandboxKeyPair and `tsx sandbox/cli.ts` (npm run sandbox).
import { spawn } from 'node:child_process'
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureSandboxKeyPair } from '../sandbox/keys.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-keys-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('ensureSandboxKeyPair', () => {
  it('creates the directory and an RSA-2048 pair: PKCS#8 private (0600), SPKI public', async () => {
    const keyDir = join(dir, 'nested', 'sandbox')
    const keys = await ensureSandboxKeyPair(keyDir)
    expect(keys.privateKeyFile).toBe(resolve(keyDir, 'consumer-private.pem'))
    expect(keys.privateKeyPem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true)
    expect(keys.publicKeyPem.startsWith('-----BEGIN PUBLIC KEY-----\n')).toBe(true)
    expect(await readFile(keys.privateKeyFile, 'utf8')).toBe(keys.privateKeyPem)
    expect(await readFile(join(keyDir, 'consumer-public.pem'), 'utf8')).toBe(keys.publicKeyPem)
    expect((await stat(keys.privateKeyFile)).mode & 0o777).toBe(0o600)

    const privateKey = createPrivateKey(keys.privateKeyPem)
    expect(privateKey.asymmetricKeyType).toBe('rsa')
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
    const signature = sign('RSA-SHA1', Buffer.from('x'), privateKey)
    expect(verify('RSA-SHA1', Buffer.from('x'), createPublicKey(keys.publicKeyPem), signature)).toBe(true)
  })

  it('reads an existing pair instead of replacing it; concurrent callers agree', async () => {
    const keyDir = join(dir, 'shared')
    const [a, b, c] = await Promise.all([ensureSandboxKeyPair(keyDir), ensureSandboxKeyPair(keyDir), ensureSandboxKeyPair(keyDir)])
    expect(b).toEqual(a)
    expect(c).toEqual(a)
    expect(await ensureSandboxKeyPair(keyDir)).toEqual(a)
  })
})

describe('sandbox/cli.ts', () => {
  it('prints a banner, serves, and stops cleanly on SIGTERM', async () => {
    const root = resolve(import.meta.dirname, '..')
    const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'sandbox/cli.ts')], {
      cwd: dir,
      env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_CONTEXT_PATH: '/jira' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))

    const url = await new Promise<string>((done, fail) => {
      const timer = setInterval(() => {
        const match = /Sandbox JIRA listening on (http:\/\/127\.0\.0\.1:\d+\/jira)/.exec(output)
        if (match && output.includes('Ctrl-C')) {
          clearInterval(timer)
          done(match[1]!)
        }
      }, 50)
      void exited.then(() => {
        clearInterval(timer)
        fail(new Error(`cli exited early:\n${output}`))
      })
    })
    expect(output).toContain('consumer key      OAuthKey ("JIRA GraphQL Gateway")')
    expect(output).toContain(`private key file  ${join(dir, 'data/sandbox/consumer-private.pem')}`)
    expect(output).toMatch(/alana\s+Alana Example/)
    expect(output).toMatch(/william\s+William Example/)

    const res = await fetch(`${url}/plugins/servlet/oauth/request-token`)
    expect(res.status).toBe(405)
    const anonymous = await fetch(`${url}/rest/api/2/myself`)
    expect(anonymous.status).toBe(401)

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('SIGTERM: stopping the sandbox JIRA')
  })
})
