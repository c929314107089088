/**
 * `whoami`: whom the CLI acts as. Asks JIRA (GET /rest/api/2/myself) rather than reading the name
 * stored at approval, so the answer also proves JIRA still accepts the authorization.
 */
import { parseArgs } from 'node:util'
import { HELP_OPTION, expectPositionals, out, printHelp, type Command } from '../command.ts'
import { loadSettings, withContext } from '../context.ts'
import { currentSession, sessionToken } from '../session.ts'

export const whoamiCommand: Command = {
  name: 'whoami',
  summary: 'show which JIRA user the CLI acts as',
  help: `
Usage: jira-gateway whoami

Asks JIRA who the CLI's authorization belongs to and prints the display name, the user name and
the JIRA. Exit code 1 when the CLI is not authorized or JIRA no longer accepts the authorization.

Options:
  -h, --help  this text
`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...HELP_OPTION } })
    if (values.help) return printHelp(whoamiCommand)
    expectPositionals(positionals, [])
    const settings = loadSettings()
    const token = sessionToken(settings)
    const me = await withContext(settings, { talksToJira: true }, async (context) => {
      const { authorization } = await currentSession(context, token)
      return context.services.jiraFor(authorization).myself()
    })
    const name = me.name ?? me.key ?? '?'
    out(`${me.displayName ?? name} (${name}) on ${settings.config.jiraBaseUrl}`)
    return 0
  },
}
