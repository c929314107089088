/**
 * The gateway's typed errors. Plain Error subclasses (no GraphQL here): src/auth and src/jira throw
 * them, and the yoga error masker (src/http/mask-error.ts) turns exactly these into GraphQL errors
 * with `extensions.code`. Anything else is masked as an unexpected error, so a stray message can
 * never carry a secret to a client.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'OAUTH_PROBLEM'
  | 'JIRA_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'JIRA_ERROR'
  | 'INTERNAL_SERVER_ERROR'

export class GatewayError extends Error {
  readonly code: ErrorCode
  /** Safe, client-visible details (never secrets). */
  readonly details: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message)
    this.name = new.target.name
    this.code = code
    this.details = details
  }
}

export class BadUserInputError extends GatewayError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, details)
  }
}

/** Says how to authorize, because every UNAUTHENTICATED answer should leave the person able to fix it. */
export const HOW_TO_AUTHORIZE =
  'Run the mutation startAuthorization, approve in JIRA, then completeAuthorization; ' +
  'send the sessionToken it returns as "Authorization: Bearer <sessionToken>".'

export class UnauthenticatedError extends GatewayError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('UNAUTHENTICATED', `${message} ${HOW_TO_AUTHORIZE}`, details)
  }
}

export class ForbiddenError extends GatewayError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, details)
  }
}

export class NotFoundError extends GatewayError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('NOT_FOUND', message, details)
  }
}
