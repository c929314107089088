// GET serverInfo: which JIRA this is. Answered without authentication, as JIRA does (a client
// probes it before it has a token); a request that does carry OAuth is still checked.
import { jsonReply, type Reply } from '../http.ts'
import { jiraTimestamp } from '../json.ts'
import type { PublicRestCall } from './router.ts'

export const SANDBOX_VERSION = [8, 20, 10] as const

export function getServerInfo(call: PublicRestCall): Reply {
  return jsonReply(200, {
    baseUrl: call.ctx.baseUrl,
    version: SANDBOX_VERSION.join('.'),
    versionNumbers: [...SANDBOX_VERSION],
    deploymentType: 'Server',
    buildNumber: 820010,
    buildDate: '2022-06-21T00:00:00.000+0000',
    serverTime: jiraTimestamp(call.ctx.now()),
    scmInfo: '3a2c0b1f8b9e6d4c5a7f2e1d0c9b8a7f6e5d4c3b',
    serverTitle: 'Sandbox JIRA',
  })
}
