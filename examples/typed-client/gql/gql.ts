/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation StartAuthorization {\n    startAuthorization(callbackUrl: \"oob\") {\n      authorizeUrl\n      requestToken\n      expiresAt\n    }\n  }\n": typeof types.StartAuthorizationDocument,
    "\n  mutation CompleteAuthorization($requestToken: String!, $verifier: String!) {\n    completeAuthorization(requestToken: $requestToken, verifier: $verifier) {\n      sessionToken\n      viewer {\n        displayName\n      }\n    }\n  }\n": typeof types.CompleteAuthorizationDocument,
    "\n  query IssueSummary($key: String!) {\n    issue(key: $key) {\n      key\n      summary\n      status {\n        name\n        category {\n          key\n        }\n      }\n      assignee {\n        displayName\n      }\n      updated\n    }\n  }\n": typeof types.IssueSummaryDocument,
};
const documents: Documents = {
    "\n  mutation StartAuthorization {\n    startAuthorization(callbackUrl: \"oob\") {\n      authorizeUrl\n      requestToken\n      expiresAt\n    }\n  }\n": types.StartAuthorizationDocument,
    "\n  mutation CompleteAuthorization($requestToken: String!, $verifier: String!) {\n    completeAuthorization(requestToken: $requestToken, verifier: $verifier) {\n      sessionToken\n      viewer {\n        displayName\n      }\n    }\n  }\n": types.CompleteAuthorizationDocument,
    "\n  query IssueSummary($key: String!) {\n    issue(key: $key) {\n      key\n      summary\n      status {\n        name\n        category {\n          key\n        }\n      }\n      assignee {\n        displayName\n      }\n      updated\n    }\n  }\n": types.IssueSummaryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAuthorization {\n    startAuthorization(callbackUrl: \"oob\") {\n      authorizeUrl\n      requestToken\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation StartAuthorization {\n    startAuthorization(callbackUrl: \"oob\") {\n      authorizeUrl\n      requestToken\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteAuthorization($requestToken: String!, $verifier: String!) {\n    completeAuthorization(requestToken: $requestToken, verifier: $verifier) {\n      sessionToken\n      viewer {\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteAuthorization($requestToken: String!, $verifier: String!) {\n    completeAuthorization(requestToken: $requestToken, verifier: $verifier) {\n      sessionToken\n      viewer {\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IssueSummary($key: String!) {\n    issue(key: $key) {\n      key\n      summary\n      status {\n        name\n        category {\n          key\n        }\n      }\n      assignee {\n        displayName\n      }\n      updated\n    }\n  }\n"): (typeof documents)["\n  query IssueSummary($key: String!) {\n    issue(key: $key) {\n      key\n      summary\n      status {\n        name\n        category {\n          key\n        }\n      }\n      assignee {\n        displayName\n      }\n      updated\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;