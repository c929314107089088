// GET|POST issue/{idOrKey}/transitions: the workflow moves available now, and making one (with an
// optional resolution and comment). See workflow.ts for the workflow itself.
import type { IssueRecord, Json, JsonObject } from '../data.ts'
import { jsonError, jsonReply, noContent, queryParam, type Reply } from '../http.ts'
import { jiraTimestamp, resolutionJson, statusJson } from '../json.ts'
import { isDone, transitionById, transitionsFrom, type WorkflowTransition } from '../workflow.ts'
import { ISSUE_NOT_FOUND, writableIssue } from './access.ts'
import { isObject, readJsonObject } from './body.ts'
import { appendComment } from './comments.ts'
import { cannotBeSet, changeItem } from './issue-fields.ts'
import type { RestCall } from './router.ts'

/** the transitions `call.user` may make on the issue now; none for someone who may not change it */
export function availableTransitions(issue: IssueRecord, call: RestCall): WorkflowTransition[] {
  const { state } = call.ctx
  if (!state.canEdit(call.user, state.projectOf(issue))) return []
  return transitionsFrom(String((issue.fields['status'] as JsonObject | null)?.['id'] ?? ''))
}

/** the `transitions` list of GET transitions and of `expand=transitions` */
export function transitionsJson(issue: IssueRecord, call: RestCall): Json {
  const { state } = call.ctx
  return availableTransitions(issue, call).map((transition) => {
    const to = state.data.statuses.find((s) => s.id === transition.to)!
    return { id: transition.id, name: transition.name, to: statusJson(to, state.baseUrl) }
  })
}

export function getTransitions(call: RestCall): Reply {
  const issue = call.ctx.state.findVisibleIssue(call.user, call.params['idOrKey']!)
  if (!issue) return jsonError(404, ISSUE_NOT_FOUND)
  const only = queryParam(call.req, 'transitionId')
  const all = transitionsJson(issue, call) as JsonObject[]
  return jsonReply(200, { expand: 'transitions', transitions: only === undefined ? all : all.filter((t) => t['id'] === only) })
}

export function doTransition(call: RestCall): Reply {
  const { state } = call.ctx
  const access = writableIssue(call)
  if ('reply' in access) return access.reply
  const { issue } = access
  const body = readJsonObject(call.req)
  if ('reply' in body) return body.reply

  const ref = body.value['transition']
  const id = isObject(ref) && (typeof ref['id'] === 'string' || typeof ref['id'] === 'number') ? String(ref['id']) : undefined
  if (id === undefined) return jsonError(400, ["Missing 'transition' identifier"])
  const transition = availableTransitions(issue, call).find((t) => t.id === id)
  if (!transition) {
    // JIRA names the workflow action when it knows it, whatever state the issue is in
    const action = transitionById(id)?.name ?? id
    return jsonError(400, [
      `It seems that you have tried to perform a workflow operation (${action}) that is not valid for the current state of this issue (${issue.key}). The likely cause is that somebody has changed the issue recently, please look at the issue history for details.`,
    ])
  }
  const target = state.data.statuses.find((s) => s.id === transition.to)!

  // Only the resolution is on the sandbox's transition screens, and only on the way into Done.
  const fields = body.value['fields'] ?? {}
  const update = body.value['update'] ?? {}
  if (!isObject(fields) || !isObject(update)) return jsonError(400, ["'fields' and 'update' must be JSON objects."])
  const errors: Record<string, string> = {}
  let resolution = isDone(target) ? state.data.resolutions.find((r) => r.name === 'Done') : undefined
  for (const [fieldId, raw] of Object.entries(fields)) {
    if (fieldId !== 'resolution' || !isDone(target)) {
      errors[fieldId] = cannotBeSet(fieldId)
      continue
    }
    const wanted = isObject(raw) ? raw : {}
    resolution = state.data.resolutions.find((r) => (wanted['id'] !== undefined ? r.id === String(wanted['id']) : r.name === wanted['name']))
    if (!resolution) errors['resolution'] = "Could not find valid 'id' or 'name' in resolution object."
  }
  const comments: string[] = []
  for (const [fieldId, operations] of Object.entries(update)) {
    if (!Array.isArray(operations)) {
      errors[fieldId] = `Field '${fieldId}': the update must be a list of operations.`
      continue
    }
    for (const operation of operations) {
      const add = isObject(operation) ? operation['add'] : undefined
      if (fieldId === 'comment' && isObject(add) && typeof add['body'] === 'string' && add['body'].trim() !== '') comments.push(add['body'])
      else errors[fieldId] = fieldId === 'comment' ? 'Comment body can not be empty!' : cannotBeSet(fieldId)
    }
  }
  if (Object.keys(errors).length > 0) return jsonError(400, [], errors)

  const nowMs = call.ctx.now()
  const definitions = state.data.fields
  const newResolution: Json = resolution ? resolutionJson(resolution, state.baseUrl) : null
  const items = [
    changeItem('resolution', issue.fields['resolution'], newResolution, definitions),
    changeItem('status', issue.fields['status'], statusJson(target, state.baseUrl), definitions),
  ].filter((item): item is JsonObject => item !== null)
  issue.fields['resolution'] = newResolution
  issue.fields['status'] = statusJson(target, state.baseUrl)
  issue.fields['resolutiondate'] = isDone(target) ? jiraTimestamp(nowMs) : null
  for (const text of comments) appendComment(issue, call.user, text, state, nowMs)
  state.recordChange(issue, call.user, items, nowMs)
  return noContent()
}
