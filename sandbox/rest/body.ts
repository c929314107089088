// JSON request bodies and integer parameters, refused the way JIRA's REST layer refuses them.
import { header, jsonError, type Reply, type SandboxRequest } from '../http.ts'

export type Parsed<T> = { value: T } | { reply: Reply }

export function readJsonBody(req: SandboxRequest): Parsed<unknown> {
  const type = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  // JIRA (Jersey) refuses a body it cannot consume before looking at it.
  if (type !== 'application/json') return { reply: jsonError(415, ['Unsupported Media Type: send Content-Type: application/json.']) }
  try {
    return { value: JSON.parse(req.body) as unknown }
  } catch (error) {
    return { reply: jsonError(400, [`Unexpected JSON in request body: ${(error as Error).message}`]) }
  }
}

/** an optional integer (query text or JSON number); undefined when absent */
export function integerParam(name: string, raw: unknown): Parsed<number | undefined> {
  if (raw === undefined || raw === null || raw === '') return { value: undefined }
  const text = String(raw)
  if (!/^-?\d+$/.test(text)) return { reply: jsonError(400, [`The value '${text}' is not a valid integer for '${name}'.`]) }
  return { value: Number(text) }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** a JSON body that must be an object (every write resource takes one) */
export function readJsonObject(req: SandboxRequest): Parsed<Record<string, unknown>> {
  const body = readJsonBody(req)
  if ('reply' in body) return body
  if (!isObject(body.value)) return { reply: jsonError(400, ['The request body must be a JSON object.']) }
  return { value: body.value }
}
