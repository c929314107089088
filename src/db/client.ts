import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '../generated/prisma/client.ts'
import { sqlitePath } from './sqlite-path.ts'

export type { PrismaClient }

export function createPrisma(databaseUrl: string): PrismaClient {
  // `timeout` is SQLite's busy timeout: a writer waits for another instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url: sqlitePath(databaseUrl), timeout: 5000 })
  return new PrismaClient({ adapter })
}
