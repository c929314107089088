// An example consumer: runs the dance out of band and reads an issue, fully typed.
//   npm start                                  (the gateway, against the sandbox JIRA)
//   npx tsx examples/typed-client/main.ts JJ-2 (then open the printed URL, Allow, and paste the code)
import { createInterface } from 'node:readline/promises'
import { GatewayClient } from './client.ts'
import { CompleteAuthorization, IssueSummary, StartAuthorization } from './operations.ts'

export async function authorize(client: GatewayClient, askVerifier: (authorizeUrl: string) => Promise<string>): Promise<string> {
  const { startAuthorization } = await client.execute(StartAuthorization)
  const verifier = await askVerifier(startAuthorization.authorizeUrl)
  const { completeAuthorization } = await client.execute(CompleteAuthorization, { requestToken: startAuthorization.requestToken, verifier })
  client.useSession(completeAuthorization.sessionToken)
  return completeAuthorization.viewer.displayName
}

export async function describeIssue(client: GatewayClient, key: string): Promise<string> {
  const { issue } = await client.execute(IssueSummary, { key })
  if (!issue) return `${key}: not found (or not visible to you)`
  // `issue.status?.category?.key` is typed as 'NEW' | 'INDETERMINATE' | 'DONE' | 'UNDEFINED'.
  const done = issue.status?.category?.key === 'DONE' ? ' ✓' : ''
  return `${issue.key} [${issue.status?.name ?? '?'}${done}] ${issue.summary} — ${issue.assignee?.displayName ?? 'unassigned'}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const client = new GatewayClient(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql')
  const prompt = createInterface({ input: process.stdin, output: process.stdout })
  const who = await authorize(client, (url) => prompt.question(`Open ${url}\nclick Allow, and paste the verification code here: `))
  prompt.close()
  console.log(`Authorized as ${who}.`)
  console.log(await describeIssue(client, process.argv[2] ?? 'JJ-2'))
}
