/**
 * `sign-out`: ends the CLI's gateway session (as the signOut mutation does) and forgets the CLI's
 * state. Needs no JIRA: the grant itself stays in the database, as it does for signOut.
 */
import { parseArgs } from 'node:util'
import { HELP_OPTION, expectPositionals, out, printHelp, type Command } from '../command.ts'
import { loadSettings, withContext } from '../context.ts'
import { deleteState, readState } from '../state.ts'

export const signOutCommand: Command = {
  name: 'sign-out',
  summary: "end the CLI's session",
  help: `
Usage: jira-gateway sign-out

Ends the CLI's gateway session and forgets it (and any pending request token). The JIRA
authorization itself stays on record; to withdraw the gateway's access in JIRA, revoke it there
(your profile > Tools > View OAuth Access Tokens).

Options:
  -h, --help  this text
`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...HELP_OPTION } })
    if (values.help) return printHelp(signOutCommand)
    expectPositionals(positionals, [])
    const settings = loadSettings()
    const { sessionToken } = readState(settings.stateFile)
    if (!sessionToken) {
      deleteState(settings.stateFile)
      out('The CLI was not signed in.')
      return 0
    }
    const who = await withContext(settings, { talksToJira: false }, async ({ services }) => {
      const session = await services.sessions.resolve(sessionToken)
      if (!session) return undefined
      await services.sessions.end(session.sessionId)
      return `${session.authorization.jiraDisplayName} (${session.authorization.jiraUsername})`
    })
    deleteState(settings.stateFile)
    out(who ? `Signed out: the CLI no longer acts as ${who}.` : 'Signed out (the session had already expired or ended).')
    return 0
  },
}
