// JIRA tokens encrypted at rest with TOKEN_ENCRYPTION_KEY (AES-256-GCM).
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { TokenCipher } from '../src/auth/token-cipher.ts'
import { authorize, bearer, gql, startTestGateway, useSandbox } from './helpers/harness.ts'

const jira = useSandbox()
const KEY = randomBytes(32).toString('hex')

it('stores tokens only encrypted, works across restarts with the key, and refuses to start without it or with another', async () => {
  let gateway = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: jira.dir, env: { TOKEN_ENCRYPTION_KEY: KEY } })
  const session = await authorize(gateway, jira.sandbox, 'alana')
  const row = await gateway.prisma.authorization.findFirstOrThrow()
  for (const value of [row.accessToken, row.tokenSecret, row.sessionHandle!]) expect(value).toMatch(/^v1:[A-Za-z0-9+/=]+$/)
  const plain = new TokenCipher(Buffer.from(KEY, 'hex')).open(row.accessToken)
  expect(plain).toMatch(/^[A-Za-z0-9]{32}$/)
  expect(row.accessToken).not.toContain(plain)
  await gateway.close()

  gateway = await startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: jira.dir, env: { TOKEN_ENCRYPTION_KEY: KEY } })
  expect(await gql(gateway.url, '{ viewer { name } }', {}, bearer(session))).toEqual({ data: { viewer: { name: 'alana' } } })
  await gateway.close()

  await expect(startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: jira.dir })).rejects.toThrow(/encrypted: set TOKEN_ENCRYPTION_KEY/)
  await expect(startTestGateway({ jiraBaseUrl: jira.sandbox.url, keys: jira.keys, dbDir: jira.dir, env: { TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64') } })).rejects.toThrow(
    /not the key it was written with/,
  )
})

it('detects tampering (GCM tag)', () => {
  const cipher = new TokenCipher(randomBytes(32))
  const sealed = cipher.seal('token')
  const raw = Buffer.from(sealed.slice(3), 'base64')
  raw[raw.length - 1]! ^= 1
  expect(() => cipher.open(`v1:${raw.toString('base64')}`)).toThrow(/cannot be decrypted/)
  expect(cipher.open(sealed)).toBe('token')
})
