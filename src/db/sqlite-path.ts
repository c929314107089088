import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** `file:./data/gateway.db` → an absolute path (relative to the working directory, as Prisma 7 reads it), with its folder made. */
export function sqlitePath(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '')
  const path = resolve(raw)
  mkdirSync(dirname(path), { recursive: true })
  return path
}
