// GET myself: the user the access token acts for.
import { jsonReply, type Reply } from '../http.ts'
import type { RestCall } from './router.ts'
import { userResourceJson } from './users.ts'

export function getMyself(call: RestCall): Reply {
  return jsonReply(200, userResourceJson(call.user, call.ctx.baseUrl))
}
