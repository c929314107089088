// Adding a comment, shared by POST comment and the `comment` update of an edit or a transition.
import type { IssueRecord, JsonObject, UserRecord } from '../data.ts'
import { jiraTimestamp, userJson } from '../json.ts'
import type { SandboxState } from '../state.ts'

/**
 * Adds a comment by `author` (POST comment, and the `comment` update of an edit or transition).
 * Moves `updated` but writes no changelog: JIRA keeps comments out of the history.
 */
export function appendComment(issue: IssueRecord, author: UserRecord, text: string, state: SandboxState, nowMs: number): JsonObject {
  const now = jiraTimestamp(nowMs)
  const id = state.nextCommentId()
  const authorJson = userJson(author, state.baseUrl)
  const comment: JsonObject = {
    self: `${state.baseUrl}/rest/api/2/issue/${issue.id}/comment/${id}`,
    id,
    author: authorJson,
    body: text,
    updateAuthor: structuredClone(authorJson),
    created: now,
    updated: now,
  }
  const page = issue.fields['comment'] as { comments: JsonObject[]; total: number; maxResults: number }
  page.comments.push(comment)
  page.total = page.comments.length
  page.maxResults = page.comments.length
  issue.fields['updated'] = now
  return structuredClone(comment)
}
