/**
 * The gateway as an app uses it: GraphQL over HTTP (Node's fetch, keep-alive), the out-of-band
 * dance through the two mutations, then `Authorization: Bearer <session token>` on every request.
 */

export interface GraphQLResult<T = any> {
  data?: T | null
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>
}

export const SINGLE_ISSUE_QUERY = '{ issue(key: "JJ-2") { key summary status { name } } }'
export const SUMMARY_ONLY_QUERY = '{ issue(key: "JJ-2") { summary } }'

/** Fifty issues in one query, by aliases: i1 … i50 for BULK-1 … BULK-50. */
export function batchQuery(keys: readonly string[]): string {
  return `{ ${keys.map((key, i) => `i${i + 1}: issue(key: "${key}") { key summary status { name } }`).join(' ')} }`
}

export class GatewayClient {
  private sessionToken: string | undefined

  constructor(readonly url: string) {}

  get headers(): Record<string, string> {
    return {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(this.sessionToken ? { authorization: `Bearer ${this.sessionToken}` } : {}),
    }
  }

  /** A request body made once, to send many times. */
  static body(query: string, variables?: Record<string, unknown>): string {
    return JSON.stringify(variables ? { query, variables } : { query })
  }

  async post<T = any>(body: string): Promise<GraphQLResult<T>> {
    const response = await fetch(`${this.url}/graphql`, { method: 'POST', headers: this.headers, body })
    return (await response.json()) as GraphQLResult<T>
  }

  async query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
    return this.post<T>(GatewayClient.body(query, variables))
  }

  /** startAuthorization(oob) → the person's Allow (`approve` returns the verifier) → completeAuthorization. */
  async authorize(approve: (requestToken: string) => Promise<string>): Promise<void> {
    const started = await this.query('mutation { startAuthorization(callbackUrl: "oob") { requestToken } }')
    if (started.errors) throw new Error(`startAuthorization: ${JSON.stringify(started.errors)}`)
    const requestToken = started.data.startAuthorization.requestToken as string
    const verifier = await approve(requestToken)
    const completed = await this.query(
      'mutation($t: String!, $v: String!) { completeAuthorization(requestToken: $t, verifier: $v) { sessionToken } }',
      { t: requestToken, v: verifier },
    )
    if (completed.errors) throw new Error(`completeAuthorization: ${JSON.stringify(completed.errors)}`)
    this.sessionToken = completed.data.completeAuthorization.sessionToken as string
  }
}
