// A minimal typed GraphQL client: fetch plus the TypedDocumentNodes from ./gql. Any client that
// understands TypedDocumentNode (urql, Apollo, graphql-request) works the same way.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { print } from 'graphql'

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
  }
}

export class GatewayClient {
  constructor(
    private readonly url: string,
    private sessionToken?: string,
  ) {}

  useSession(token: string): void {
    this.sessionToken = token
  }

  async execute<Result, Variables extends Record<string, unknown>>(document: TypedDocumentNode<Result, Variables>, variables?: Variables): Promise<Result> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.sessionToken ? { authorization: `Bearer ${this.sessionToken}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    })
    const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string; extensions?: { code?: string } }> }
    const [error] = body.errors ?? []
    if (error) throw new GatewayError(error.message, error.extensions?.code)
    return body.data as Result
  }
}
