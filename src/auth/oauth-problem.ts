/**
 * JIRA's refusals follow the OAuth Problem Reporting extension: `oauth_problem` in the
 * WWW-Authenticate header and again in a form-encoded body. This reads it and says what to check.
 */
import { GatewayError, type ErrorCode } from '../errors.ts'

/** What each problem means for the person running the gateway or authorizing. */
const ADVICE: Record<string, string> = {
  consumer_key_unknown: 'JIRA has no Application Link with this consumer key: check JIRA_CONSUMER_KEY against the consumer key of the incoming Application Link (JIRA administration > Applications > Application links).',
  consumer_key_rejected: 'JIRA refuses this consumer: check the Application Link is enabled for incoming OAuth.',
  consumer_key_refused: 'JIRA refuses this consumer: check the Application Link is enabled for incoming OAuth.',
  signature_invalid: 'JIRA could not verify the signature: the public key in the Application Link must match the private key in JIRA_PRIVATE_KEY_FILE (`npm run keys` prints the public key), and JIRA_BASE_URL must be the address JIRA knows itself by.',
  signature_method_rejected: 'JIRA accepts only RSA-SHA1.',
  timestamp_refused: "JIRA refused the request's timestamp: this machine's clock differs from JIRA's by more than 5 minutes.",
  nonce_used: 'JIRA saw this nonce before (a replayed request): try again.',
  version_rejected: 'JIRA accepts only OAuth 1.0.',
  parameter_absent: 'A required OAuth parameter was missing.',
  parameter_rejected: 'JIRA refused an OAuth parameter.',
  token_rejected: 'JIRA does not accept this token (unknown, already used, or the verifier is wrong).',
  token_expired: 'The token has expired.',
  token_revoked: 'The token was revoked in JIRA.',
  token_used: 'The token was already used.',
  permission_unknown: 'The request token has not been approved in JIRA yet: open authorizeUrl and click Allow first.',
  permission_denied: 'Access was denied in JIRA.',
  user_refused: 'Access was denied in JIRA.',
  additional_authorization_required: 'JIRA requires more authorization for this request.',
}

export function adviceFor(problem: string): string {
  return ADVICE[problem] ?? 'JIRA refused the OAuth request.'
}

export class OAuthProblemError extends GatewayError {
  readonly problem: string

  constructor(problem: string, status: number, context: string, code: ErrorCode = 'OAUTH_PROBLEM') {
    super(code, `${context}: JIRA answered oauth_problem=${problem}. ${adviceFor(problem)}`, { oauthProblem: problem, status })
    this.problem = problem
  }
}

/** Reads oauth_problem from `WWW-Authenticate: OAuth realm="…", oauth_problem="…"` or from a form-encoded body. */
export function readOAuthProblem(wwwAuthenticate: string | null, body: string): string | undefined {
  if (wwwAuthenticate && /^\s*OAuth\b/i.test(wwwAuthenticate)) {
    const match = /oauth_problem="([^"]*)"/i.exec(wwwAuthenticate)
    if (match?.[1]) return decodeURIComponentSafe(match[1])
  }
  if (body.length < 8192 && /(^|&)oauth_problem=/.test(body)) {
    const problem = new URLSearchParams(body.trim()).get('oauth_problem')
    if (problem) return problem
  }
  return undefined
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Problems after which the token can never work again. */
export const DEAD_TOKEN_PROBLEMS = new Set(['token_rejected', 'token_revoked', 'token_used', 'permission_denied', 'consumer_key_unknown', 'consumer_key_rejected'])
