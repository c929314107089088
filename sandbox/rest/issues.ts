// GET issue/{idOrKey}, GET|POST issue/{idOrKey}/comment.
import { jiraTimestamp, userJson, type JsonObject } from '../data.ts'
import { jsonError, jsonReply, queryParam, type Reply } from '../http.ts'
import { commentsOf } from '../state.ts'
import { integerParam, readJsonBody } from './body.ts'
import { issueView, parseExpand } from './issue-view.ts'
import type { RestCall } from './router.ts'
import { renderWikiText } from './render.ts'

const NOT_FOUND = ['Issue Does Not Exist']

export function getIssue(call: RestCall): Reply {
  const issue = call.ctx.state.findVisibleIssue(call.user, call.params['idOrKey']!)
  if (!issue) return jsonError(404, NOT_FOUND)
  return jsonReply(
    200,
    issueView(issue, {
      baseUrl: call.ctx.baseUrl,
      apiVersion: call.apiVersion,
      fields: queryParam(call.req, 'fields'),
      defaultFields: '*all',
      expand: parseExpand(queryParam(call.req, 'expand')),
      definitions: call.ctx.state.data.fields,
    }),
  )
}

export function getComments(call: RestCall): Reply {
  const issue = call.ctx.state.findVisibleIssue(call.user, call.params['idOrKey']!)
  if (!issue) return jsonError(404, NOT_FOUND)
  const startAtParam = integerParam('startAt', queryParam(call.req, 'startAt'))
  if ('reply' in startAtParam) return startAtParam.reply
  const maxParam = integerParam('maxResults', queryParam(call.req, 'maxResults'))
  if ('reply' in maxParam) return maxParam.reply

  const all = commentsOf(issue)
  const startAt = Math.max(0, startAtParam.value ?? 0)
  // JIRA's default page of comments is large enough to mean "all" for any real issue
  const maxResults = maxParam.value === undefined || maxParam.value < 0 ? 5000 : maxParam.value
  const rendered = parseExpand(queryParam(call.req, 'expand')).has('renderedbody')
  const comments = all.slice(startAt, startAt + maxResults).map((comment) => {
    const copy = structuredClone(comment) as JsonObject
    if (rendered) copy['renderedBody'] = renderWikiText(String(comment['body']))
    return copy
  })
  return jsonReply(200, { startAt, maxResults: comments.length, total: all.length, comments })
}

export function addComment(call: RestCall): Reply {
  const { state } = call.ctx
  const issue = state.findVisibleIssue(call.user, call.params['idOrKey']!)
  if (!issue) return jsonError(404, NOT_FOUND)
  const body = readJsonBody(call.req)
  if ('reply' in body) return body.reply
  const text = (body.value as { body?: unknown } | null)?.body
  if (typeof text !== 'string' || text.trim() === '') {
    return jsonError(400, [], { comment: 'Comment body can not be empty!' })
  }

  const now = jiraTimestamp(call.ctx.now())
  const id = state.nextCommentId()
  const author = userJson(call.user, state.baseUrl)
  const comment: JsonObject = {
    self: `${state.baseUrl}/rest/api/2/issue/${issue.id}/comment/${id}`,
    id,
    author,
    body: text,
    updateAuthor: structuredClone(author),
    created: now,
    updated: now,
  }
  const page = issue.fields['comment'] as { comments: JsonObject[]; total: number; maxResults: number }
  page.comments.push(comment)
  page.total = page.comments.length
  page.maxResults = page.comments.length
  issue.fields['updated'] = now
  return jsonReply(201, comment, { location: String(comment['self']) })
}
