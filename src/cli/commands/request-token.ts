/**
 * `request-token`: step 1 of the dance, as the tutorial's `requestToken`. Goes through
 * Authorizer.start, so the token is recorded in the gateway's database under the same rules (and
 * callback policy) as the startAuthorization mutation.
 */
import { parseArgs } from 'node:util'
import { OOB } from '../../auth/callback-url.ts'
import { HELP_OPTION, out, printHelp, type Command } from '../command.ts'
import { loadSettings, withContext } from '../context.ts'
import { readState, writeState } from '../state.ts'

export const requestTokenCommand: Command = {
  name: 'request-token',
  summary: 'get a request token and the URL where you approve it in JIRA',
  help: `
Usage: jira-gateway request-token [--callback oob|URL]

Gets an unauthorized request token from JIRA (step 1 of the OAuth dance) and prints the URL where
you approve it. The CLI remembers the token for \`jira-gateway access-token <verifier>\`. It lives
10 minutes.

Options:
  --callback oob|URL  where JIRA sends you after Allow (default: oob, JIRA shows a verification
                      code to copy). A URL must lie under PUBLIC_URL or CALLBACK_URL_ALLOWLIST;
                      it receives oauth_verifier, which you then give to access-token. (The
                      gateway's own /oauth/callback completes the dance for a browser instead.)
  -h, --help          this text
`,
  async run(args) {
    const { values } = parseArgs({ args, options: { ...HELP_OPTION, callback: { type: 'string', default: OOB } } })
    if (values.help) return printHelp(requestTokenCommand)
    const settings = loadSettings()
    const started = await withContext(settings, { talksToJira: true }, ({ services }) => services.authorizer.start(values.callback))

    // Remembered only once it exists, and without touching the CLI's current session.
    writeState(settings.stateFile, {
      ...readState(settings.stateFile),
      requestToken: { token: started.requestToken, jiraBaseUrl: settings.config.jiraBaseUrl, expiresAt: started.expiresAt.toISOString() },
    })
    out(`Token:     ${started.requestToken}`)
    out(`Expires:   ${started.expiresAt.toISOString()}`)
    out(`Callback:  ${started.callbackUrl}`)
    out(`Retrieved request token. go to ${started.authorizeUrl} to authorize it`)
    out(
      started.callbackUrl === OOB
        ? 'After Allow, JIRA shows a verification code: run `jira-gateway access-token <code>`.'
        : `After Allow, JIRA sends the browser to ${started.callbackUrl} with oauth_verifier: run \`jira-gateway access-token <oauth_verifier>\`.`,
    )
    return 0
  },
}
