/**
 * `request <url-or-path>`: a signed GET as the authorized person, as the tutorial's `request <URL>`.
 * The call goes through the gateway's JIRA client (time-out, retries of reads, renewal of an
 * expired token, a dead token marked revoked), with the same /rest/-only check as the `rest` field.
 */
import { parseArgs } from 'node:util'
import { HELP_OPTION, expectPositionals, out, printHelp, type Command } from '../command.ts'
import { loadSettings, withContext } from '../context.ts'
import { requestTarget } from '../request-target.ts'
import { currentSession, sessionToken } from '../session.ts'

export const requestCommand: Command = {
  name: 'request',
  summary: 'GET a JIRA REST resource as the authorized person and print its JSON',
  help: `
Usage: jira-gateway request <url-or-path> [--raw]

Makes a signed GET to JIRA's REST API as the person who authorized the CLI, and prints the JSON
answer. Give an absolute URL under JIRA_BASE_URL, or just the path:

  jira-gateway request /rest/api/2/issue/JJ-2
  jira-gateway request 'https://jira.example.com/rest/api/latest/search?jql=project=JJ'

Anything outside the configured JIRA's /rest/ is refused before a request is made.
Exit code 0 when JIRA answered with data, 1 otherwise.

Options:
  --raw       print the JSON on one line instead of indented
  -h, --help  this text
`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...HELP_OPTION, raw: { type: 'boolean', default: false } } })
    if (values.help) return printHelp(requestCommand)
    const [input] = expectPositionals(positionals, ['url-or-path'])
    const settings = loadSettings()
    // Checked before anything is opened: a refused target never reaches the database or JIRA.
    const target = requestTarget(settings.config.jiraBaseUrl, input!)
    const token = sessionToken(settings)
    const answer = await withContext(settings, { talksToJira: true }, async (context) => {
      const { authorization } = await currentSession(context, token)
      return context.services.jiraFor(authorization).get<unknown>(target.path, target.query)
    })
    if (answer !== undefined) out(values.raw ? JSON.stringify(answer) : JSON.stringify(answer, null, 2))
    return 0
  },
}
