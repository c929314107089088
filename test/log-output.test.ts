// The gateway's log lines are buffered (src/server.ts): they still reach stdout within about a
// second while it runs, and every line is out when it stops.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { startChildGateway } from './helpers/child-gateway.ts'
import { CONSUMER_KEY, gql, useSandbox } from './helpers/harness.ts'

const jira = useSandbox()

const operationLine = (output: string, requestId: string) =>
  output.split('\n').find((line) => line.includes(`"requestId":"${requestId}"`) && line.includes('graphql operation'))

it('writes a request’s log line within seconds while running, and the last ones at shutdown', async () => {
  const gateway = await startChildGateway({
    JIRA_BASE_URL: jira.sandbox.url,
    JIRA_PRIVATE_KEY: jira.keys.privateKeyPem,
    JIRA_CONSUMER_KEY: CONSUMER_KEY,
    DATABASE_URL: `file:${join(jira.dir, 'logs.db')}`,
    LOG_LEVEL: 'info',
  })
  try {
    // One short line, far below the 4 KiB buffer: only the periodic flush sends it.
    await gql(gateway.url, '{ viewer { name } }', {}, { 'x-request-id': 'log-check-1' })
    const deadline = Date.now() + 3000
    while (!operationLine(gateway.output(), 'log-check-1') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    const line = operationLine(gateway.output(), 'log-check-1')
    expect(line, 'the line reached stdout while the gateway ran').toBeDefined()
    // viewer is null without a session: an operation without errors.
    expect(JSON.parse(line!)).toMatchObject({ operation: 'query', errors: [] })

    await gql(gateway.url, '{ viewer { name } }', {}, { 'x-request-id': 'log-check-2' })
    gateway.process.kill('SIGTERM')
    expect(await gateway.exited).toBe(0)
    expect(operationLine(gateway.output(), 'log-check-2'), 'the last line was flushed at shutdown').toBeDefined()
  } finally {
    gateway.process.kill('SIGKILL')
  }
}, 30_000)
