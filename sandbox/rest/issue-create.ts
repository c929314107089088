// POST issue: creates an issue as the caller (reporter and creator), with the project's next key.
import type { Json, ProjectRecord } from '../data.ts'
import type { IssueFixture } from '../fixtures/issues.ts'
import { jsonError, jsonReply, type Reply } from '../http.ts'
import { addSubtask, buildIssue } from '../issue-build.ts'
import { jiraTimestamp } from '../json.ts'
import { CREATE_FORBIDDEN } from './access.ts'
import { isObject, readJsonObject } from './body.ts'
import { cannotBeSet, convertField, isEditable } from './issue-fields.ts'
import type { RestCall } from './router.ts'

/** id or key/name of a `{"id": …}` / `{"key": …}` / `{"name": …}` reference */
function refOf(raw: unknown, prop: 'key' | 'name'): { id?: string; named?: string } {
  if (!isObject(raw)) return {}
  const id = raw['id']
  const named = raw[prop]
  return {
    ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}),
    ...(typeof named === 'string' ? { named } : {}),
  }
}

export function createIssue(call: RestCall): Reply {
  const { state } = call.ctx
  const body = readJsonObject(call.req)
  if ('reply' in body) return body.reply
  const fields = body.value['fields'] ?? {}
  if (!isObject(fields)) return jsonError(400, ["The 'fields' of an issue must be a JSON object."])

  // Without a project and a type JIRA cannot tell which screen applies: those come first, alone.
  const errors: Record<string, string> = {}
  const projectRef = refOf(fields['project'], 'key')
  const found = projectRef.id !== undefined ? state.project(projectRef.id) : projectRef.named !== undefined ? state.project(projectRef.named) : undefined
  // a project the caller cannot see is one JIRA does not admit exists
  const project: ProjectRecord | undefined = found && state.canBrowse(call.user, found) ? found : undefined
  if (!project) errors['project'] = 'project is required'
  const typeRef = refOf(fields['issuetype'], 'name')
  const issueType = state.data.issueTypes.find((t) => (typeRef.id !== undefined ? t.id === typeRef.id : t.name === typeRef.named))
  if (!issueType) errors['issuetype'] = 'valid issue type is required'
  if (!project || !issueType) return jsonError(400, [], errors)
  if (!state.canEdit(call.user, project)) return jsonError(403, [CREATE_FORBIDDEN])

  let parent
  if (issueType.subtask) {
    const parentRef = refOf(fields['parent'], 'key')
    const key = parentRef.id ?? parentRef.named
    if (key === undefined) errors['issuetype'] = 'Issue type is a sub-task but parent issue key or id not specified.'
    else {
      parent = state.findVisibleIssue(call.user, key)
      if (!parent || state.projectOf(parent) !== project || (parent.fields['parent'] ?? null) !== null) {
        errors['parent'] = 'Could not find valid parent issue.'
      }
    }
  } else if (fields['parent'] !== undefined) errors['parent'] = cannotBeSet('parent')

  const values = new Map<string, Json>()
  if (fields['summary'] === undefined) errors['summary'] = 'You must specify a summary of the issue.'
  for (const [fieldId, raw] of Object.entries(fields)) {
    if (fieldId === 'project' || fieldId === 'issuetype' || fieldId === 'parent') continue
    if (!isEditable(fieldId, state)) {
      errors[fieldId] = cannotBeSet(fieldId)
      continue
    }
    const converted = convertField(fieldId, raw, { state, project })
    if ('error' in converted) errors[fieldId] = converted.error
    else values.set(fieldId, converted.value)
  }
  if (Object.keys(errors).length > 0) return jsonError(400, [], errors)

  const now = jiraTimestamp(call.ctx.now())
  const fixture: IssueFixture = {
    id: state.nextIssueId(),
    key: state.nextIssueKey(project),
    issuetype: issueType.name,
    summary: '',
    description: null,
    status: 'Open',
    priority: 'Major',
    assignee: null,
    reporter: call.user.name,
    labels: [],
    created: now,
    updated: now,
    comments: [],
    changelog: [],
    extra: () => ({}),
    ...(parent ? { parent: parent.key } : {}),
  }
  const issue = buildIssue(fixture, state.data)
  // the given values, already in the stored form; creating an issue writes no changelog
  for (const [fieldId, value] of values) issue.fields[fieldId] = value
  state.addIssue(issue)
  if (parent) addSubtask(parent, issue, state.baseUrl)
  return jsonReply(201, { id: issue.id, key: issue.key, self: `${state.baseUrl}/rest/api/2/issue/${issue.id}` })
}
