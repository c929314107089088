/**
 * What the CLI remembers between runs, as the tutorial's client keeps its tokens in
 * config.properties: the current request token (between request-token and access-token) and the
 * gateway session token the CLI acts with. The file sits beside the database it belongs to.
 *
 * The session token opens the person's JIRA authorization through the gateway, so the file is
 * written with mode 0600. JIRA's own access token never goes here: it stays in the database.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { CliError } from './errors.ts'

export const STATE_FILE = 'cli-session.json'

const stateSchema = z.object({
  /** The request token from the last request-token, and the JIRA that issued it. */
  requestToken: z.object({ token: z.string(), jiraBaseUrl: z.string(), expiresAt: z.string() }).optional(),
  /** The gateway session (jgw_…) from the last access-token. */
  sessionToken: z.string().optional(),
})

export type CliState = z.infer<typeof stateSchema>

export function statePath(dataDir: string): string {
  return join(dataDir, STATE_FILE)
}

export function readState(file: string): CliState {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new CliError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const result = stateSchema.safeParse(parsed)
  if (!result.success) throw new CliError(`${file} is not the CLI's state file as it expects it: delete it, then authorize again`)
  return result.data
}

/** Replaces the file in one step (write aside, then rename), so a crash never leaves half a file. */
export function writeState(file: string, state: CliState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
    chmodSync(temp, 0o600) // whatever the umask made of it
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw new CliError(`cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

export function deleteState(file: string): void {
  rmSync(file, { force: true })
}
