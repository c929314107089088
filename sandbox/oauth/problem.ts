// OAuth Problem Reporting (the oauth_problem extension JIRA's provider uses) and its HTTP statuses.
import type { Reply } from '../http.ts'
import { formEncode } from './encoding.ts'

export type OAuthProblemName =
  | 'version_rejected'
  | 'parameter_absent'
  | 'parameter_rejected'
  | 'timestamp_refused'
  | 'signature_method_rejected'
  | 'nonce_used'
  | 'token_used'
  | 'token_expired'
  | 'token_revoked'
  | 'token_rejected'
  | 'token_not_authorized'
  | 'signature_invalid'
  | 'consumer_key_unknown'
  | 'consumer_key_rejected'
  | 'additional_authorization_required'
  | 'permission_unknown'
  | 'permission_denied'
  | 'user_refused'
  | 'consumer_key_refused'

// The status table of jira-oauth-provider.md; anything not listed is 403.
const STATUS: Partial<Record<OAuthProblemName, number>> = {
  version_rejected: 400,
  parameter_absent: 400,
  parameter_rejected: 400,
  timestamp_refused: 400,
  signature_method_rejected: 400,
  nonce_used: 401,
  token_used: 401,
  token_expired: 401,
  token_revoked: 401,
  token_rejected: 401,
  token_not_authorized: 401,
  signature_invalid: 401,
  consumer_key_unknown: 401,
  consumer_key_rejected: 401,
  additional_authorization_required: 401,
  permission_unknown: 401,
  permission_denied: 401,
  user_refused: 503,
  consumer_key_refused: 503,
}

export function problemStatus(problem: OAuthProblemName): number {
  return STATUS[problem] ?? 403
}

export class OAuthProblem extends Error {
  constructor(
    readonly problem: OAuthProblemName,
    /** extra report parameters, e.g. oauth_acceptable_timestamps */
    readonly extra: Array<[string, string]> = [],
  ) {
    super(problem)
  }
}

/**
 * A refusal as JIRA sends it: the status from the table, `WWW-Authenticate: OAuth realm="…",
 * oauth_problem="…"` and the report as a form-encoded text/plain body.
 */
export function problemReply(problem: OAuthProblem, realm: string): Reply {
  return {
    status: problemStatus(problem.problem),
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      'www-authenticate': `OAuth realm="${realm}", oauth_problem="${problem.problem}"`,
    },
    body: formEncode([['oauth_problem', problem.problem], ...problem.extra]),
  }
}
