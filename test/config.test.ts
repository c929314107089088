// Settings: a missing or malformed one stops start-up with a message that names it.
import { createPrivateKey } from 'node:crypto'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPrivateKey } from '../src/auth/private-key.ts'
import { loadConfig } from '../src/config.ts'
import { startGateway } from '../src/server.ts'
import { makeKeyPair, tempDir } from './helpers/harness.ts'

describe('loadConfig', () => {
  it('runs against the sandbox with SQLite under ./data when nothing is set', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ sandbox: true, jiraBaseUrl: undefined, consumerKey: 'OAuthKey', databaseUrl: 'file:./data/gateway.db', port: 4000, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:4000' })
  })

  it('keeps a context path and drops a trailing slash', () => {
    const config = loadConfig({ JIRA_BASE_URL: 'https://JIRA.example.com/jira/', JIRA_PRIVATE_KEY_FILE: '/k.pem' })
    expect(config).toMatchObject({ sandbox: false, jiraBaseUrl: 'https://jira.example.com/jira', publicUrl: undefined })
  })

  it('reads CORS_ORIGINS as origins, as browsers send them', () => {
    expect(loadConfig({}).corsOrigins).toEqual([])
    expect(loadConfig({ CORS_ORIGINS: ' HTTPS://App.Example.com/ , http://localhost:5173' }).corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173'])
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*'])
  })

  it.each([
    [{ JIRA_BASE_URL: 'jira.example.com', JIRA_PRIVATE_KEY_FILE: '/k' }, /JIRA_BASE_URL: must be an absolute http\(s\) URL/],
    [{ JIRA_BASE_URL: 'ftp://jira.example.com', JIRA_PRIVATE_KEY_FILE: '/k' }, /JIRA_BASE_URL/],
    [{ JIRA_BASE_URL: 'https://jira.example.com' }, /JIRA_PRIVATE_KEY_FILE: required when JIRA_BASE_URL is set/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'postgres://x' }, /DATABASE_URL: must be a SQLite URL/],
    [{ PUBLIC_URL: 'gateway' }, /PUBLIC_URL/],
    [{ CALLBACK_URL_ALLOWLIST: 'https://ok.example.com, nope' }, /CALLBACK_URL_ALLOWLIST: "nope"/],
    [{ JIRA_TIMEOUT_MS: '5' }, /JIRA_TIMEOUT_MS/],
    [{ CORS_ORIGINS: 'https://app.example.com/app' }, /CORS_ORIGINS: "https:\/\/app.example.com\/app" must be an origin/],
    [{ CORS_ORIGINS: 'https://app.example.com, app.example.com' }, /CORS_ORIGINS: "app.example.com"/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('never falls back to the sandbox when JIRA_BASE_URL is set', async () => {
    const tmp = tempDir()
    try {
      await expect(startGateway({ env: { JIRA_BASE_URL: 'https://jira.example.com', DATABASE_URL: `file:${join(tmp.dir, 'g.db')}`, PORT: '0', LOG_LEVEL: 'silent' } })).rejects.toThrow(/JIRA_PRIVATE_KEY_FILE/)
    } finally {
      tmp.remove()
    }
  })
})

describe('loadPrivateKey', () => {
  const keys = makeKeyPair()
  // The same key as PKCS#1 ("BEGIN RSA PRIVATE KEY"), which openssl genrsa writes.
  const rsa1 = createPrivateKey(keys.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }) as string

  it('reads PKCS#8 and PKCS#1 files with mode 0600, and PEMs with literal \\n from the environment', () => {
    const tmp = tempDir()
    try {
      for (const [name, pem] of [['p8.pem', keys.privateKeyPem], ['p1.pem', rsa1]] as const) {
        const file = join(tmp.dir, name)
        writeFileSync(file, pem, { mode: 0o600 })
        expect(loadPrivateKey({ file }).asymmetricKeyType).toBe('rsa')
      }
      expect(loadPrivateKey({ pem: keys.privateKeyPem.replace(/\n/g, '\\n') }).asymmetricKeyType).toBe('rsa')
    } finally {
      tmp.remove()
    }
  })

  it('refuses a key file other users can read, a missing file and a non-key, without echoing key material', () => {
    const tmp = tempDir()
    try {
      const file = join(tmp.dir, 'open.pem')
      writeFileSync(file, keys.privateKeyPem)
      chmodSync(file, 0o644)
      expect(() => loadPrivateKey({ file })).toThrow(/JIRA_PRIVATE_KEY_FILE: .* readable by other users \(mode 644\); run: chmod 600/)
      expect(() => loadPrivateKey({ file: join(tmp.dir, 'missing.pem') })).toThrow(/JIRA_PRIVATE_KEY_FILE: cannot read .*ENOENT/)
      let message = ''
      try {
        loadPrivateKey({ pem: keys.publicKeyPem })
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/JIRA_PRIVATE_KEY: not a readable PEM private key/)
      expect(message).not.toContain('MII')
    } finally {
      tmp.remove()
    }
  })
})
