/**
 * `npm run keys [-- --out DIR] [--force]`: makes the RSA 2048 key pair JIRA's Application Link needs,
 * writes the private key with mode 0600, and prints the public key and the steps from Atlassian's
 * tutorial, ready to paste. Never overwrites an existing key unless --force is given.
 */
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { out: { type: 'string', default: 'keys' }, force: { type: 'boolean', default: false }, 'consumer-key': { type: 'string', default: process.env.JIRA_CONSUMER_KEY || 'OAuthKey' } } })
const dir = resolve(values.out!)
const privateFile = join(dir, 'jira_privatekey.pem')
const publicFile = join(dir, 'jira_publickey.pem')

if (existsSync(privateFile) && !values.force) {
  process.stderr.write(`${privateFile} already exists; pass --force to replace it (JIRA's Application Link must then get the new public key).\n`)
  process.exit(1)
}

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
})
mkdirSync(dir, { recursive: true, mode: 0o700 })
writeFileSync(privateFile, privateKey, { mode: 0o600 })
writeFileSync(publicFile, publicKey, { mode: 0o644 })

process.stdout.write(`Wrote ${privateFile} (mode 600) and ${publicFile}.

In JIRA (as an administrator): cog icon > Applications > Application links
  1. Enter any URL for the application (e.g. http://example.com), click "Create new link",
     and continue past "No response was received".
  2. Fill in any name and type, and tick "Create incoming link".
  3. On the next screen:
       Consumer key:   ${values['consumer-key']}
       Consumer name:  JIRA GraphQL Gateway
       Public key:     (paste the block below)

${publicKey}
Then give the gateway its settings (environment or .env):
  JIRA_BASE_URL=https://jira.example.com        # your JIRA, with its context path if any
  JIRA_CONSUMER_KEY=${values['consumer-key']}
  JIRA_PRIVATE_KEY_FILE=${privateFile}
  PUBLIC_URL=https://gateway.example.com        # where browsers reach the gateway (for the OAuth callback)
`)
