/**
 * `access-token <verifier>`: step 3 of the dance, as the tutorial's `accessToken`. Goes through
 * Authorizer.complete, which exchanges the token once, asks JIRA who approved, stores the grant
 * and opens a gateway session: the CLI keeps that session, never JIRA's access token.
 */
import { parseArgs } from 'node:util'
import { HELP_OPTION, expectPositionals, out, printHelp, type Command } from '../command.ts'
import { loadSettings, withContext } from '../context.ts'
import { CliError } from '../errors.ts'
import { readState, writeState } from '../state.ts'

export const accessTokenCommand: Command = {
  name: 'access-token',
  summary: 'exchange the approved request token for an authorization the CLI then uses',
  help: `
Usage: jira-gateway access-token <verifier> [--request-token T] [--show-session-token]

Exchanges the approved request token (the one request-token printed, or T) and the verification
code JIRA showed after Allow for an authorization (step 3 of the OAuth dance). The CLI then acts as
the person who approved: \`jira-gateway request\` and \`whoami\` use it. A previous CLI session ends.

Options:
  --request-token T     the request token to complete (default: the last one request-token got)
  --show-session-token  also print the gateway session token. It is a secret: whoever holds it
                        acts as you through the gateway (Authorization: Bearer <token>).
  -h, --help            this text
`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...HELP_OPTION, 'request-token': { type: 'string' }, 'show-session-token': { type: 'boolean', default: false } },
    })
    if (values.help) return printHelp(accessTokenCommand)
    const [verifier] = expectPositionals(positionals, ['verifier'])
    const settings = loadSettings()
    const state = readState(settings.stateFile)
    const requestToken = values['request-token']?.trim() ?? state.requestToken?.token
    if (!requestToken) throw new CliError('no request token to complete: run `jira-gateway request-token` first (or pass --request-token)')
    const remembered = values['request-token'] === undefined ? state.requestToken : undefined
    if (remembered && remembered.jiraBaseUrl !== settings.config.jiraBaseUrl) {
      throw new CliError(`the remembered request token is from ${remembered.jiraBaseUrl}, but the settings now say ${settings.config.jiraBaseUrl}: run \`jira-gateway request-token\` again`)
    }

    const { authorization, sessionToken } = await withContext(settings, { talksToJira: true }, async ({ services }) => {
      const completed = await services.authorizer.complete(requestToken, verifier!)
      // One CLI session at a time: the one it replaces would otherwise linger until it expires.
      if (state.sessionToken) {
        const previous = await services.sessions.resolve(state.sessionToken)
        if (previous) await services.sessions.end(previous.sessionId)
      }
      return completed
    })
    // The request token is spent now; forget it unless another one was remembered meanwhile.
    const latest = readState(settings.stateFile)
    writeState(settings.stateFile, { ...latest, requestToken: latest.requestToken?.token === requestToken ? undefined : latest.requestToken, sessionToken })

    const who = `${authorization.jiraDisplayName} (${authorization.jiraUsername})`
    out(`Authorized: ${who} on ${authorization.jiraBaseUrl}.`)
    out(`The CLI will use this authorization from now on (its session is kept in ${settings.stateFile}); try \`jira-gateway request /rest/api/2/myself\`.`)
    if (values['show-session-token']) {
      out(`Session token: ${sessionToken}`)
      out(`  Keep it secret: whoever holds it acts as ${who} through the gateway (Authorization: Bearer <token>).`)
    }
    return 0
  },
}
