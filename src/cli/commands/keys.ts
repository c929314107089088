/**
 * `keys`: exactly what `npm run keys` does. scripts/keys.ts is a script (it reads process.argv and
 * exits), not a module, so it runs as a child process with the arguments checked here; its output
 * and exit code are the command's.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { HELP_OPTION, expectPositionals, printHelp, type Command } from '../command.ts'

const KEYS_SCRIPT = fileURLToPath(new URL('../../../scripts/keys.ts', import.meta.url))
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url))

export const keysCommand: Command = {
  name: 'keys',
  summary: "make the RSA key pair for JIRA's Application Link (as `npm run keys`)",
  help: `
Usage: jira-gateway keys [--out DIR] [--force] [--consumer-key KEY]

Writes an RSA 2048 key pair for JIRA's Application Link (private key mode 0600) and prints the
public key with the steps to create the link, as \`npm run keys\` does.

Options:
  --out DIR           where to write jira_privatekey.pem and jira_publickey.pem (default: ./keys)
  --force             replace an existing key (the Application Link then needs the new public key)
  --consumer-key KEY  the consumer key to show in the steps (default: JIRA_CONSUMER_KEY or OAuthKey)
  -h, --help          this text
`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...HELP_OPTION, out: { type: 'string' }, force: { type: 'boolean', default: false }, 'consumer-key': { type: 'string' } },
    })
    if (values.help) return printHelp(keysCommand)
    expectPositionals(positionals, [])
    const forwarded = [
      ...(values.out === undefined ? [] : ['--out', values.out]),
      ...(values.force ? ['--force'] : []),
      ...(values['consumer-key'] === undefined ? [] : ['--consumer-key', values['consumer-key']]),
    ]
    // tsx by its resolved location, so this works from any working directory.
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), KEYS_SCRIPT, ...forwarded], {
      stdio: 'inherit',
      env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG },
    })
    return new Promise<number>((resolve, reject) => {
      child.once('error', reject)
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    })
  },
}
