// GET|POST search: JQL over the issues the caller may see, paged, with fields/expand per issue.
import type { Json, JsonObject } from '../data.ts'
import { jsonError, jsonReply, queryParam, type Reply } from '../http.ts'
import { JqlError, parseJql } from '../jql.ts'
import { integerParam, readJsonBody } from './body.ts'
import { fieldNames, fieldSchemas, issueView, parseExpand, selectFieldIds } from './issue-view.ts'
import { runJql } from './jql-match.ts'
import type { RestCall } from './router.ts'
import { transitionsJson } from './transitions.ts'

const DEFAULT_MAX_RESULTS = 50

interface SearchRequest {
  jql: unknown
  startAt: unknown
  maxResults: unknown
  fields: unknown
  expand: unknown
}

export function searchGet(call: RestCall): Reply {
  const q = (name: string) => queryParam(call.req, name)
  return search(call, { jql: q('jql'), startAt: q('startAt'), maxResults: q('maxResults'), fields: q('fields'), expand: q('expand') })
}

/** the POST form takes the same parameters as a JSON body (what long JQL needs); validateQuery is ignored */
export function searchPost(call: RestCall): Reply {
  const body = readJsonBody(call.req)
  if ('reply' in body) return body.reply
  if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
    return jsonError(400, ['The search request must be a JSON object.'])
  }
  const v = body.value as Partial<SearchRequest>
  return search(call, { jql: v.jql, startAt: v.startAt, maxResults: v.maxResults, fields: v.fields, expand: v.expand })
}

function search(call: RestCall, request: SearchRequest): Reply {
  const { ctx, user } = call
  const startAtParam = integerParam('startAt', request.startAt)
  if ('reply' in startAtParam) return startAtParam.reply
  const maxParam = integerParam('maxResults', request.maxResults)
  if ('reply' in maxParam) return maxParam.reply
  const fields = stringList(request.fields)
  const expandList = stringList(request.expand)
  if (fields === null || expandList === null || (request.jql !== undefined && request.jql !== null && typeof request.jql !== 'string')) {
    return jsonError(400, ['jql must be a string; fields and expand a string or a list of strings.'])
  }

  let query
  try {
    query = parseJql(typeof request.jql === 'string' ? request.jql : '')
  } catch (error) {
    if (error instanceof JqlError) return jsonError(400, [`Error in the JQL Query: ${error.message}`])
    throw error
  }

  // past the end is simply an empty page, total still exact
  const startAt = Math.max(0, startAtParam.value ?? 0)
  const requested = maxParam.value === undefined || maxParam.value < 0 ? DEFAULT_MAX_RESULTS : maxParam.value
  // The server caps the page size and says so in maxResults: clients must read it back.
  const maxResults = Math.min(requested, ctx.maxResultsCap)

  const matches = runJql(query, ctx.state, user)
  const page = matches.slice(startAt, startAt + maxResults)
  const expand = parseExpand(expandList)
  const definitions = ctx.state.data.fields
  const issues = page.map((issue) =>
    issueView(issue, {
      baseUrl: ctx.baseUrl,
      apiVersion: call.apiVersion,
      fields,
      defaultFields: '*navigable',
      // names and schema are answered once for the whole page, not per issue
      expand: new Set([...expand].filter((e) => e !== 'names' && e !== 'schema')),
      definitions,
      transitions: (i) => transitionsJson(i, call),
    }),
  )

  const answer: JsonObject = { expand: 'schema,names', startAt, maxResults, total: matches.length, issues: issues as Json[] }
  if (expand.has('names') || expand.has('schema')) {
    const ids = [...new Set(page.flatMap((issue) => selectFieldIds(issue, fields, '*navigable', definitions)))]
    if (expand.has('names')) answer['names'] = fieldNames(ids, definitions)
    if (expand.has('schema')) answer['schema'] = fieldSchemas(ids, definitions)
  }
  return jsonReply(200, answer)
}

/** a comma list (query) or an array (JSON); undefined when absent, null when malformed */
function stringList(value: unknown): string[] | undefined | null {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value.split(',')
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[]
  return null
}
