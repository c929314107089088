// PUT issue/{idOrKey}: edits fields (`fields`: new values; `update`: set/add/remove operations),
// 204 on success, one changelog history for everything that changed.
import type { Json } from '../data.ts'
import { jsonError, noContent, type Reply } from '../http.ts'
import { writableIssue } from './access.ts'
import { isObject, readJsonObject } from './body.ts'
import { appendComment } from './comments.ts'
import { applyFields, cannotBeSet, convertField, isEditable } from './issue-fields.ts'
import type { RestCall } from './router.ts'

export function editIssue(call: RestCall): Reply {
  const { state } = call.ctx
  const access = writableIssue(call)
  if ('reply' in access) return access.reply
  const { issue, project } = access
  const body = readJsonObject(call.req)
  if ('reply' in body) return body.reply
  const fields = body.value['fields'] ?? {}
  const update = body.value['update'] ?? {}
  if (!isObject(fields) || !isObject(update)) return jsonError(400, ["'fields' and 'update' must be JSON objects."])

  const errors: Record<string, string> = {}
  const values = new Map<string, Json>()
  const comments: string[] = []
  const ctx = { state, project }
  const set = (fieldId: string, raw: unknown): void => {
    const converted = isEditable(fieldId, state) ? convertField(fieldId, raw, ctx) : { error: cannotBeSet(fieldId) }
    if ('error' in converted) errors[fieldId] = converted.error
    else values.set(fieldId, converted.value)
  }
  for (const [fieldId, raw] of Object.entries(fields)) set(fieldId, raw)

  // `update`: a list of operations per field, applied in order on top of `fields`
  for (const [fieldId, operations] of Object.entries(update)) {
    if (!Array.isArray(operations)) {
      errors[fieldId] = `Field '${fieldId}': the update must be a list of operations.`
      continue
    }
    for (const operation of operations) {
      const [verb, argument] = isObject(operation) && Object.keys(operation).length === 1 ? Object.entries(operation)[0]! : []
      if (fieldId === 'comment' && verb === 'add' && isObject(argument) && typeof argument['body'] === 'string' && argument['body'].trim() !== '') {
        comments.push(argument['body'])
      } else if (fieldId === 'comment') {
        errors['comment'] = 'Comment body can not be empty!'
      } else if (verb === 'set') {
        set(fieldId, argument)
      } else if (fieldId === 'labels' && (verb === 'add' || verb === 'remove') && typeof argument === 'string') {
        const current = (values.get('labels') ?? issue.fields['labels'] ?? []) as string[]
        set('labels', verb === 'add' ? [...current, argument] : current.filter((label) => label !== argument))
      } else if (!isEditable(fieldId, state)) {
        errors[fieldId] = cannotBeSet(fieldId)
      } else {
        errors[fieldId] = `Field '${fieldId}' does not support the operation '${String(verb)}'.`
      }
    }
  }
  if (Object.keys(errors).length > 0) return jsonError(400, [], errors)

  const nowMs = call.ctx.now()
  const items = applyFields(issue, values, state.data.fields)
  // comments are not changelog items (JIRA keeps them apart)
  for (const text of comments) appendComment(issue, call.user, text, state, nowMs)
  state.recordChange(issue, call.user, items, nowMs)
  return noContent()
}
