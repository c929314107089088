// GET field: every system and custom field; how a client maps customfield_10006 to "Story Points".
import { jsonReply, type Reply } from '../http.ts'
import type { RestCall } from './router.ts'

export function getFields(call: RestCall): Reply {
  return jsonReply(200, call.ctx.state.data.fields)
}
