// GET issue/{idOrKey}, GET|POST issue/{idOrKey}/comment.
import type { JsonObject } from '../data.ts'
import { jsonError, jsonReply, queryParam, type Reply } from '../http.ts'
import { commentsOf } from '../state.ts'
import { ISSUE_NOT_FOUND, writableIssue } from './access.ts'
import { integerParam, readJsonBody } from './body.ts'
import { appendComment } from './comments.ts'
import { issueView, parseExpand } from './issue-view.ts'
import type { RestCall } from './router.ts'
import { renderWikiText } from './render.ts'
import { transitionsJson } from './transitions.ts'

export function getIssue(call: RestCall): Reply {
  const issue = call.ctx.state.findVisibleIssue(call.user, call.params['idOrKey']!)
  if (!issue) return jsonError(404, ISSUE_NOT_FOUND)
  return jsonReply(
    200,
    issueView(issue, {
      baseUrl: call.ctx.baseUrl,
      apiVersion: call.apiVersion,
      fields: queryParam(call.req, 'fields'),
      defaultFields: '*all',
      expand: parseExpand(queryParam(call.req, 'expand')),
      definitions: call.ctx.state.data.fields,
      transitions: (i) => transitionsJson(i, call),
    }),
  )
}

export function getComments(call: RestCall): Reply {
  const issue = call.ctx.state.findVisibleIssue(call.user, call.params['idOrKey']!)
  if (!issue) return jsonError(404, ISSUE_NOT_FOUND)
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
  const access = writableIssue(call)
  if ('reply' in access) return access.reply
  const body = readJsonBody(call.req)
  if ('reply' in body) return body.reply
  const text = (body.value as { body?: unknown } | null)?.body
  if (typeof text !== 'string' || text.trim() === '') {
    return jsonError(400, [], { comment: 'Comment body can not be empty!' })
  }
  const comment = appendComment(access.issue, call.user, text, state, call.ctx.now())
  return jsonReply(201, comment, { location: String(comment['self']) })
}
