// The request/reply shapes the sandbox's handlers work with: handlers are plain functions from a
// parsed request to a reply, so the server alone deals with sockets, recording and latency.
import type { IncomingHttpHeaders } from 'node:http'
import { parseFormPairs } from './oauth/encoding.ts'

export interface Reply {
  status: number
  headers: Record<string, string>
  body: string
}

export interface SandboxRequest {
  method: string
  /** the request target exactly as received, e.g. `/jira/rest/api/2/search?jql=a+b` */
  rawTarget: string
  /** raw (undecoded) path of the request target, context path included */
  rawPath: string
  /** path relative to the context path, raw */
  path: string
  /** raw query string, without `?` */
  rawQuery: string
  /** decoded query pairs (form rules), in order, repeats kept */
  queryPairs: Array<[string, string]>
  headers: IncomingHttpHeaders
  /** the Host header lowercased, as the base string URI is built from it */
  host: string
  body: string
}

export function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value.join(', ') : value
}

export function isFormBody(req: SandboxRequest): boolean {
  const type = header(req, 'content-type') ?? ''
  return type.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded'
}

/** decoded pairs of a form-encoded body; none for any other content type */
export function formPairs(req: SandboxRequest): Array<[string, string]> {
  return isFormBody(req) ? parseFormPairs(req.body) : []
}

/** first value of a query parameter */
export function queryParam(req: SandboxRequest, name: string): string | undefined {
  return req.queryPairs.find(([n]) => n === name)?.[1]
}

export function textReply(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers }, body }
}

export function htmlReply(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/html;charset=UTF-8', ...headers }, body }
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json;charset=UTF-8', ...headers }, body: JSON.stringify(value) }
}

/** JIRA's REST error shape */
export function jsonError(status: number, errorMessages: string[], errors: Record<string, string> = {}): Reply {
  return jsonReply(status, { errorMessages, errors })
}

/** 204, as JIRA answers a successful edit, assignment or transition */
export function noContent(): Reply {
  return { status: 204, headers: {}, body: '' }
}
