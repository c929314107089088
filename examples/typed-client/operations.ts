// The operations this example app uses. `npm run codegen` turns each into a TypedDocumentNode in
// ./gql, so results and variables are typed from the gateway's schema.
import { graphql } from './gql/index.ts'

export const StartAuthorization = graphql(`
  mutation StartAuthorization {
    startAuthorization(callbackUrl: "oob") {
      authorizeUrl
      requestToken
      expiresAt
    }
  }
`)

export const CompleteAuthorization = graphql(`
  mutation CompleteAuthorization($requestToken: String!, $verifier: String!) {
    completeAuthorization(requestToken: $requestToken, verifier: $verifier) {
      sessionToken
      viewer {
        displayName
      }
    }
  }
`)

export const IssueSummary = graphql(`
  query IssueSummary($key: String!) {
    issue(key: $key) {
      key
      summary
      status {
        name
        category {
          key
        }
      }
      assignee {
        displayName
      }
      updated
    }
  }
`)
