// Reading an OAuth message off a request and running the checks every signed request goes
// through, in JIRA's order: repeated parameter → version → signature method → required
// parameters → consumer → timestamp → nonce → signature.
import type { KeyObject } from 'node:crypto'
import { formPairs, header, isFormBody, type SandboxRequest } from '../http.ts'
import { signatureBaseString } from './base-string.ts'
import { parseAuthorizationHeader } from './header.ts'
import { OAuthProblem } from './problem.ts'
import type { NonceStore } from './store.ts'
import { verifyRsaSha1 } from './verify.ts'

/** ± seconds a timestamp may be off the server's clock */
export const TIMESTAMP_WINDOW_SEC = 300

export interface RegisteredConsumer {
  key: string
  name: string
  publicKey: KeyObject
}

export interface OAuthMessage {
  /** oauth_* parameters from wherever the client put them (header, query, form body), one each */
  oauth: Map<string, string>
  /** what the signature is checked against */
  baseString: string
  signature: string
}

/**
 * Collects the protocol parameters. Like net.oauth's OAuthServlet.getMessage, JIRA takes them from
 * the Authorization header, the query and a form body alike; a name given twice anywhere is refused.
 */
export function readOAuthMessage(req: SandboxRequest): OAuthMessage {
  const headerParams = parseAuthorizationHeader(header(req, 'authorization'))?.params ?? []
  const all: Array<[string, string]> = [
    ...headerParams.filter(([name]) => name.startsWith('oauth_')),
    ...req.queryPairs.filter(([name]) => name.startsWith('oauth_')),
    ...formPairs(req).filter(([name]) => name.startsWith('oauth_')),
  ]
  const oauth = new Map<string, string>()
  const repeated: string[] = []
  for (const [name, value] of all) {
    if (oauth.has(name)) {
      if (!repeated.includes(name)) repeated.push(name)
    } else oauth.set(name, value)
  }
  if (repeated.length > 0) throw new OAuthProblem('parameter_rejected', [['oauth_parameters_rejected', repeated.join('&')]])

  const baseString = signatureBaseString({
    method: req.method,
    // The URL the client signed: it addressed us through the Host header, with this raw target.
    url: `http://${req.host}${req.rawTarget}`,
    headerParams,
    formBody: isFormBody(req) ? req.body : undefined,
  })
  return { oauth, baseString, signature: oauth.get('oauth_signature') ?? '' }
}

export interface CheckContext {
  consumers: Map<string, RegisteredConsumer>
  nonces: NonceStore
  now: () => number
}

const ALWAYS_REQUIRED = ['oauth_consumer_key', 'oauth_signature_method', 'oauth_signature', 'oauth_timestamp', 'oauth_nonce']

/**
 * Everything up to (not including) the signature. Returns the consumer; throws OAuthProblem.
 * `required` lists endpoint-specific parameters (oauth_token, oauth_callback).
 */
export function checkMessage(message: OAuthMessage, ctx: CheckContext, required: string[]): RegisteredConsumer {
  const { oauth } = message
  const version = oauth.get('oauth_version')
  if (version !== undefined && version !== '1.0') {
    throw new OAuthProblem('version_rejected', [['oauth_acceptable_versions', '1.0-1.0']])
  }
  const method = oauth.get('oauth_signature_method')
  if (method !== undefined && method !== 'RSA-SHA1') throw new OAuthProblem('signature_method_rejected')

  const absent = [...ALWAYS_REQUIRED, ...required].filter((name) => !oauth.has(name))
  if (absent.length > 0) throw new OAuthProblem('parameter_absent', [['oauth_parameters_absent', absent.join('&')]])

  const consumer = ctx.consumers.get(oauth.get('oauth_consumer_key') ?? '')
  if (!consumer) throw new OAuthProblem('consumer_key_unknown')

  const nowSec = Math.floor(ctx.now() / 1000)
  const timestampText = oauth.get('oauth_timestamp') ?? ''
  const timestamp = /^\d{1,15}$/.test(timestampText) ? Number(timestampText) : NaN
  if (!(Math.abs(timestamp - nowSec) <= TIMESTAMP_WINDOW_SEC)) {
    throw new OAuthProblem('timestamp_refused', [
      ['oauth_acceptable_timestamps', `${nowSec - TIMESTAMP_WINDOW_SEC}-${nowSec + TIMESTAMP_WINDOW_SEC}`],
    ])
  }

  if (!ctx.nonces.use(consumer.key, oauth.get('oauth_nonce') ?? '', timestamp, oauth.get('oauth_token') ?? '')) {
    throw new OAuthProblem('nonce_used')
  }
  return consumer
}

/** the last check: throws signature_invalid, reporting the base string the sandbox computed */
export function checkSignature(message: OAuthMessage, consumer: RegisteredConsumer): void {
  if (!verifyRsaSha1(message.baseString, message.signature, consumer.publicKey)) {
    throw new OAuthProblem('signature_invalid', [['oauth_signature_base_string', message.baseString]])
  }
}
