// GET myself: the user the access token acts for.
import { userJson } from '../data.ts'
import { jsonReply, type Reply } from '../http.ts'
import type { RestCall } from './router.ts'

export function getMyself(call: RestCall): Reply {
  return jsonReply(200, {
    ...userJson(call.user, call.ctx.baseUrl),
    locale: 'en_AU',
    groups: { size: 0, items: [] },
    applicationRoles: { size: 0, items: [] },
    expand: 'groups,applicationRoles',
  })
}
