/**
 * Applies prisma/migrations at start-up. `prisma migrate` needs a schema-engine binary that cannot
 * always be downloaded, so the gateway applies the committed SQL itself and records each migration
 * in `_prisma_migrations` exactly as Prisma does (same table, sha256 checksum, names, timestamps):
 * `prisma migrate status` / `deploy` on a machine with the engine see the same history.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

export const MIGRATIONS_DIR = new URL('../../prisma/migrations/', import.meta.url)

// The table as Prisma's SQLite migration connector creates it.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`

export class MigrationError extends Error {
  override name = 'MigrationError'
}

interface AppliedRow {
  migration_name: string
  checksum: string
  finished_at: string | null
  rolled_back_at: string | null
}

export interface MigrationResult {
  applied: string[]
  alreadyApplied: string[]
}

export function listMigrations(dir: URL = MIGRATIONS_DIR): Array<{ name: string; sql: string; checksum: string }> {
  const path = dir.pathname
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(path, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(path, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

/** Brings the database at `file` up to date. Each migration and its record commit together or not at all. */
export function migrate(file: string, dir: URL = MIGRATIONS_DIR): MigrationResult {
  const db = new Database(file, { timeout: 5000 })
  try {
    // WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.exec(CREATE_MIGRATIONS_TABLE)
    const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations').all() as AppliedRow[]
    const done = new Map(rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row]))
    const failed = rows.find((row) => !row.finished_at && !row.rolled_back_at)
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} is recorded as started but not finished; resolve it (prisma migrate resolve) before starting the gateway`,
      )
    }

    const result: MigrationResult = { applied: [], alreadyApplied: [] }
    const record = db.prepare(
      'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
    )
    for (const migration of listMigrations(dir)) {
      const previous = done.get(migration.name)
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was changed after it was applied (checksum differs); add a new migration instead`)
        }
        result.alreadyApplied.push(migration.name)
        continue
      }
      const startedAt = new Date().toISOString()
      db.transaction(() => {
        db.exec(migration.sql)
        record.run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt)
      })()
      result.applied.push(migration.name)
    }
    return result
  } finally {
    db.close()
  }
}
