/**
 * How the CLI reports a failure: one line on stderr, never a stack trace, never a secret. The
 * gateway's own errors (src/errors.ts) already carry safe messages with advice; they are written
 * for GraphQL clients, so the names of mutations are translated into the CLI's commands.
 */
import { ConfigError } from '../config.ts'
import { PrivateKeyError } from '../auth/private-key.ts'
import { TokenCipherError } from '../auth/token-cipher.ts'
import { MigrationError } from '../db/migrate.ts'
import { GatewayError, HOW_TO_AUTHORIZE } from '../errors.ts'

/** What to do when the CLI has no (usable) authorization. */
export const HOW_TO_AUTHORIZE_CLI = 'run `jira-gateway request-token`, approve in JIRA, then `jira-gateway access-token <verifier>`.'

/** A failure the CLI itself detected, with a message meant for the person at the terminal. */
export class CliError extends Error {
  override name = 'CliError'
}

/** Wrong arguments: the message points at the command's --help. */
export class UsageError extends CliError {
  override name = 'UsageError'
}

// GraphQL vocabulary in src/auth's messages, and what the CLI calls the same thing.
const CLI_WORDS: Array<[RegExp, string]> = [
  [/\bstartAuthorization\b/g, '`jira-gateway request-token`'],
  [/\bcompleteAuthorization\b/g, '`jira-gateway access-token`'],
  [/\bauthorizeUrl\b/g, 'the authorize URL that request-token printed'],
  [/\brequestToken is malformed\b/g, 'the request token is malformed'],
  [/\bcallbackUrl\b/g, '--callback'],
]

// The JIRA client's NOT_FOUND and FORBIDDEN carry JIRA's own words ("Issue Does Not Exist"): say whose.
const JIRA_ANSWERS: Partial<Record<string, string>> = { NOT_FOUND: 'JIRA answered 404 Not Found', FORBIDDEN: 'JIRA answered 403 Forbidden' }

function inCliWords(message: string): string {
  let text = message
  // UnauthenticatedError ends with how to authorize through GraphQL; say how through the CLI.
  if (text.includes(HOW_TO_AUTHORIZE)) text = `${text.replace(HOW_TO_AUTHORIZE, '').trimEnd()} To authorize: ${HOW_TO_AUTHORIZE_CLI}`
  for (const [pattern, replacement] of CLI_WORDS) text = text.replace(pattern, replacement)
  return text
}

/** Joins a multi-line message (loadConfig lists one setting per line) into one line. */
function oneLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const [head = '', ...rest] = lines
  return rest.length && head.endsWith(':') ? `${head} ${rest.join('; ')}` : lines.join(' ')
}

/** The single line printed for `error`. */
export function describeError(error: unknown): string {
  if (error instanceof GatewayError) {
    let text = inCliWords(oneLine(error.message))
    const answered = JIRA_ANSWERS[error.code]
    if (answered) text = `${answered}: ${text}`
    // Name JIRA's oauth_problem even when the message was rephrased for people (e.g. a wrong verifier).
    const problem = error.details['oauthProblem']
    if (typeof problem === 'string' && !text.includes(`oauth_problem=${problem}`)) text += ` (oauth_problem=${problem})`
    return text
  }
  if (error instanceof ConfigError || error instanceof PrivateKeyError || error instanceof TokenCipherError || error instanceof MigrationError || error instanceof CliError) {
    return oneLine(error.message)
  }
  if (error instanceof Error) {
    // Unexpected: only the first line, because later lines of some libraries' messages (Prisma's
    // "Invalid invocation" report) can quote the values involved.
    const first = error.message.split('\n').map((line) => line.trim()).find(Boolean) ?? ''
    return `unexpected ${error.name}${first ? `: ${first.slice(0, 300)}` : ''}`
  }
  return 'unexpected failure'
}
