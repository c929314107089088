/**
 * The sandbox JIRA as its own process, for the benchmark: two sandboxes on ephemeral ports, `lean`
 * (no artificial delay) and `slow` (a JIRA-like delay on every REST answer), both with the BULK
 * issues. The parent drives them over IPC: approve a request token (the person's Allow), reset and
 * summarize the recorded calls. Exits when the parent goes away.
 */
import { startSandbox, type Sandbox } from '../sandbox/index.ts'

const consumerKey = process.env['BENCH_CONSUMER_KEY'] ?? 'OAuthKey'
const publicKeyPem = process.env['BENCH_PUBLIC_KEY']
const bulkIssues = Number(process.env['BENCH_BULK_ISSUES'] ?? 60)
const slowLatencyMs = Number(process.env['BENCH_SLOW_LATENCY_MS'] ?? 20)
if (!publicKeyPem || !process.send) {
  console.error('bench/sandbox-process.ts is started by bench/run.ts (needs BENCH_PUBLIC_KEY and an IPC channel)')
  process.exit(2)
}

const nonceStore = 'indexed'

const consumers = [{ key: consumerKey, name: 'JIRA GraphQL Gateway (benchmark)', publicKeyPem }]
const latencyMs = { lean: 0, slow: slowLatencyMs }
const sandboxes: Record<string, Sandbox> = {
  lean: await startSandbox({ consumers, bulkIssues, latencyMs: latencyMs.lean }),
  slow: await startSandbox({ consumers, bulkIssues, latencyMs: latencyMs.slow }),
}

function summarize(sandbox: Sandbox, list: boolean) {
  const rest = sandbox.calls.filter((call) => call.path.startsWith('/rest/'))
  const statuses: Record<string, number> = {}
  const byPath: Record<string, { calls: number; bytes: number }> = {}
  let restBytes = 0
  for (const call of rest) {
    statuses[call.status] = (statuses[call.status] ?? 0) + 1
    const entry = (byPath[call.path] ??= { calls: 0, bytes: 0 })
    entry.calls++
    entry.bytes += call.bytes
    restBytes += call.bytes
  }
  return {
    restCalls: rest.length,
    restBytes,
    statuses,
    byPath,
    ...(list ? { list: rest.map(({ method, path, query, status, bytes }) => ({ method, path, query, status, bytes })) } : {}),
  }
}

process.on('message', (message: any) => {
  if (message?.type !== 'request') return
  const reply = (result: unknown, error?: string) => process.send!({ type: 'reply', id: message.id, result, error })
  try {
    const sandbox = sandboxes[message.args?.sandbox]
    if (!sandbox) throw new Error(`no sandbox ${message.args?.sandbox}`)
    switch (message.command) {
      case 'approve':
        reply(sandbox.approve(message.args.requestToken, message.args.user).verifier)
        break
      case 'reset':
        sandbox.resetCalls()
        reply(null)
        break
      case 'calls':
        reply(summarize(sandbox, Boolean(message.args.list)))
        break
      default:
        throw new Error(`unknown command ${message.command}`)
    }
  } catch (error) {
    reply(null, (error as Error).message)
  }
})

const stop = () => {
  void Promise.all(Object.values(sandboxes).map((sandbox) => sandbox.close())).finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.on('disconnect', stop)

process.send({ type: 'ready', urls: { lean: sandboxes.lean!.url, slow: sandboxes.slow!.url }, latencyMs, nonceStore })
