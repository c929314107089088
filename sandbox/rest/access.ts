// Who may change an issue. JIRA answers 404 for an issue the user cannot see, exactly as for GET,
// and 403 for one they can see but not change.
import type { IssueRecord, ProjectRecord } from '../data.ts'
import { jsonError, type Reply } from '../http.ts'
import type { RestCall } from './router.ts'

export const ISSUE_NOT_FOUND = ['Issue Does Not Exist']
export const EDIT_FORBIDDEN = 'You do not have permission to edit issues in this project.'
export const CREATE_FORBIDDEN = 'You do not have permission to create issues in this project.'

export type Access = { issue: IssueRecord; project: ProjectRecord } | { reply: Reply }

/** the issue of the `idOrKey` path parameter, when the caller may change it */
export function writableIssue(call: RestCall): Access {
  const { state } = call.ctx
  const issue = state.findVisibleIssue(call.user, call.params['idOrKey']!)
  if (!issue) return { reply: jsonError(404, ISSUE_NOT_FOUND) }
  const project = state.projectOf(issue)
  if (!state.canEdit(call.user, project)) return { reply: jsonError(403, [EDIT_FORBIDDEN]) }
  return { issue, project }
}
