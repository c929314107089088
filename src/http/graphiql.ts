/** What GraphiQL opens with: the dance and an example query, so a newcomer can start at once. */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to the JIRA GraphQL Gateway.
#
# 1. Run startAuthorization, open authorizeUrl and click Allow in JIRA.
#    JIRA sends this browser back to the gateway, which signs GraphiQL in (an HttpOnly cookie).
#    With callbackUrl: "oob" JIRA shows a verifier instead: run completeAuthorization with it.
# 2. Then ask for what you need, as that JIRA user.
#
# Apps: send the sessionToken from completeAuthorization as a header,
#   { "Authorization": "Bearer jgw_..." }   (the Headers tab below)

mutation Start {
  startAuthorization {
    authorizeUrl
    requestToken
    expiresAt
  }
}

mutation Complete {
  completeAuthorization(requestToken: "", verifier: "") {
    sessionToken
    viewer { displayName }
  }
}

query Issue {
  viewer { displayName }
  issue(key: "JJ-2") {
    key
    summary
    status { name category { key } }
    assignee { displayName }
  }
}
`
