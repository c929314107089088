// PUT issue/{idOrKey}/assignee: `{"name": "alana"}` assigns, `{"name": null}` unassigns, `"-1"` is
// JIRA's "Automatic" (the project lead here).
import { jsonError, noContent, type Reply } from '../http.ts'
import { writableIssue } from './access.ts'
import { readJsonObject } from './body.ts'
import { applyFields, convertAssignee } from './issue-fields.ts'
import type { RestCall } from './router.ts'

export function assignIssue(call: RestCall): Reply {
  const { state } = call.ctx
  const access = writableIssue(call)
  if ('reply' in access) return access.reply
  const body = readJsonObject(call.req)
  if ('reply' in body) return body.reply
  // no name at all is the same as null: nobody
  const converted = convertAssignee({ name: body.value['name'] ?? null }, { state, project: access.project })
  if ('error' in converted) return jsonError(400, [], { assignee: converted.error })
  const items = applyFields(access.issue, new Map([['assignee', converted.value]]), state.data.fields)
  state.recordChange(access.issue, call.user, items, call.ctx.now())
  return noContent()
}
