// GET user?username=x (or ?key=x; keys and names are the same in the sandbox): anyone, visible to all.
import type { JsonObject, UserRecord } from '../data.ts'
import { jsonError, jsonReply, queryParam, type Reply } from '../http.ts'
import { userJson } from '../json.ts'
import type { RestCall } from './router.ts'

/** a user as the user resource (and myself) answer it */
export function userResourceJson(user: UserRecord, baseUrl: string): JsonObject {
  return {
    ...userJson(user, baseUrl),
    locale: 'en_AU',
    groups: { size: 0, items: [] },
    applicationRoles: { size: 0, items: [] },
    expand: 'groups,applicationRoles',
  }
}

export function getUser(call: RestCall): Reply {
  const { state } = call.ctx
  const name = queryParam(call.req, 'username') ?? queryParam(call.req, 'key')
  const user = name === undefined ? undefined : state.user(name)
  if (!user) return jsonError(404, [`The user named '${name ?? 'null'}' does not exist`])
  return jsonReply(200, userResourceJson(user, state.baseUrl))
}
