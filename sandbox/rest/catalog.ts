// The instance-wide lists: GET priority, status, issuetype, resolution.
import { jsonReply, type Reply } from '../http.ts'
import { issueTypeJson, priorityListJson, resolutionJson, statusJson } from '../json.ts'
import type { RestCall } from './router.ts'

export function listPriorities(call: RestCall): Reply {
  const { data } = call.ctx.state
  return jsonReply(200, data.priorities.map((p) => priorityListJson(p, data.baseUrl)))
}

export function listStatuses(call: RestCall): Reply {
  const { data } = call.ctx.state
  return jsonReply(200, data.statuses.map((s) => statusJson(s, data.baseUrl)))
}

export function listIssueTypes(call: RestCall): Reply {
  const { data } = call.ctx.state
  return jsonReply(200, data.issueTypes.map((t) => issueTypeJson(t, data.baseUrl)))
}

export function listResolutions(call: RestCall): Reply {
  const { data } = call.ctx.state
  return jsonReply(200, data.resolutions.map((r) => resolutionJson(r, data.baseUrl)))
}
