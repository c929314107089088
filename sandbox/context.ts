// What the handlers of one sandbox instance share.
import type { RegisteredConsumer } from './oauth/message.ts'
import type { NonceStore, TokenStore } from './oauth/store.ts'
import type { SandboxState } from './state.ts'

export interface SandboxContext {
  /** the sandbox's own base URL, context path included: self URLs and the OAuth realm */
  baseUrl: string
  contextPath: string
  state: SandboxState
  tokens: TokenStore
  nonces: NonceStore
  consumers: Map<string, RegisteredConsumer>
  now: () => number
  maxResultsCap: number
  accessTokenTtlSec: number
}
