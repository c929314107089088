// The start-up migration runner applies prisma/migrations and records them as `prisma migrate` does.
import { createHash } from 'node:crypto'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createPrisma } from '../src/db/client.ts'
import { MIGRATIONS_DIR, migrate } from '../src/db/migrate.ts'
import { tempDir } from './helpers/harness.ts'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(() => tmp.remove())

it('applies every migration once, records name and sha256 checksum, and the Prisma client works on the result', async () => {
  const file = join(tmp.dir, 'm.db')
  const first = migrate(file)
  expect(first.applied).toEqual(['20261204000000_init'])
  expect(migrate(file)).toEqual({ applied: [], alreadyApplied: ['20261204000000_init'] })

  const db = new Database(file, { readonly: true })
  const rows = db.prepare('SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations').all()
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  db.close()
  const sql = readFileSync(new URL('20261204000000_init/migration.sql', MIGRATIONS_DIR))
  expect(rows).toEqual([
    { migration_name: '20261204000000_init', checksum: createHash('sha256').update(sql).digest('hex'), finished_at: expect.any(String), applied_steps_count: 1, rolled_back_at: null },
  ])

  // Every model and relation of schema.prisma round-trips through the generated client.
  const prisma = createPrisma(`file:${file}`)
  try {
    await prisma.requestToken.create({ data: { token: 't', tokenSecret: 's', callbackUrl: 'oob', expiresAt: new Date(Date.now() + 1000) } })
    const authorization = await prisma.authorization.create({
      data: { id: 'a', jiraBaseUrl: 'http://j', consumerKey: 'k', jiraUserKey: 'u', jiraUsername: 'u', jiraDisplayName: 'U', accessToken: 'at', tokenSecret: 'ts', sessionHandle: 'h', expiresAt: new Date(), authorizationExpiresAt: new Date() },
    })
    await prisma.session.create({ data: { id: 's', tokenHash: 'h'.repeat(64), authorizationId: authorization.id, expiresAt: new Date() } })
    const loaded = await prisma.session.findUniqueOrThrow({ where: { tokenHash: 'h'.repeat(64) }, include: { authorization: true } })
    expect(loaded.authorization.accessToken).toBe('at')
    await prisma.authorization.delete({ where: { id: 'a' } })
    expect(await prisma.session.count()).toBe(0) // ON DELETE CASCADE
  } finally {
    await prisma.$disconnect()
  }
})

it('refuses to start when an applied migration was edited afterwards', () => {
  const dir = join(tmp.dir, 'migrations')
  cpSync(MIGRATIONS_DIR, dir, { recursive: true })
  const file = join(tmp.dir, 'm.db')
  const url = pathToFileURL(`${dir}/`)
  migrate(file, url)
  writeFileSync(join(dir, '20261204000000_init', 'migration.sql'), `${readFileSync(join(dir, '20261204000000_init', 'migration.sql'), 'utf8')}\n-- edited\n`)
  expect(() => migrate(file, url)).toThrow(/20261204000000_init was changed after it was applied/)
})
