/**
 * `jira-gateway <command>` (bin/jira-gateway.js runs this through tsx): the OAuth dance and signed
 * REST calls from a terminal, as in Atlassian's tutorial client, on the gateway's own services and
 * database. Every failure is one line on stderr and exit code 1.
 */
import 'dotenv/config'
import type { Command } from './command.ts'
import { accessTokenCommand } from './commands/access-token.ts'
import { keysCommand } from './commands/keys.ts'
import { requestTokenCommand } from './commands/request-token.ts'
import { requestCommand } from './commands/request.ts'
import { signOutCommand } from './commands/sign-out.ts'
import { whoamiCommand } from './commands/whoami.ts'
import { describeError, UsageError } from './errors.ts'

const COMMANDS: Command[] = [requestTokenCommand, accessTokenCommand, requestCommand, whoamiCommand, signOutCommand, keysCommand]

const OVERVIEW = `
Usage: jira-gateway <command> [options]

Authorizes with JIRA through 3-legged OAuth 1.0a, as the gateway does, and makes signed REST calls
as the person who approved. Settings come from the environment or .env, as for \`npm start\`
(JIRA_BASE_URL, JIRA_CONSUMER_KEY, JIRA_PRIVATE_KEY_FILE, DATABASE_URL, ...). Without JIRA_BASE_URL
the CLI uses the sandbox JIRA that \`npm start\` or \`npm run sandbox\` is running.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(15)}${command.summary}`).join('\n')}

The dance, as in Atlassian's tutorial:
  jira-gateway request-token            # then open the printed URL and click Allow
  jira-gateway access-token <verifier>  # the code JIRA showed
  jira-gateway request /rest/api/2/issue/JJ-2

\`jira-gateway <command> --help\` for a command's options.
`

/** Node's parseArgs errors are TypeErrors with an ERR_PARSE_ARGS_* code. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_')
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = name === 'help' && args[0] ? COMMANDS.find((c) => c.name === args[0]) : undefined
    process[name === undefined ? 'stderr' : 'stdout'].write(`${(command?.help ?? OVERVIEW).trim()}\n`)
    return name === undefined ? 1 : 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    process.stderr.write(`jira-gateway: unknown command ${JSON.stringify(name)}; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see jira-gateway --help)\n`)
    return 1
  }
  try {
    return await command.run(args)
  } catch (error) {
    let line: string
    if (error instanceof UsageError) line = `${error.message} (see jira-gateway ${command.name} --help)`
    // "Unknown option '--x'. To specify a positional argument…": the first sentence says it.
    else if (isParseArgsError(error)) line = `${error.message.split('. ')[0]} (see jira-gateway ${command.name} --help)`
    else line = describeError(error)
    process.stderr.write(`jira-gateway ${command.name}: ${line}\n`)
    return 1
  }
}

// `jira-gateway request … | head`: a reader that stops early is not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

// exitCode, not exit(): stdout may still be flushing into a pipe.
process.exitCode = await main(process.argv.slice(2))
