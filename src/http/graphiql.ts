/**
 * What GraphiQL opens with: one tab per step of the dance and an example query, so a newcomer can
 * start at once, and a Headers tab that explains Bearer use. Comment lines stay short enough for
 * the editor's width on a laptop screen.
 */

const START = `# 1. Start: run this, open authorizeUrl,
#    and click Allow in JIRA. JIRA sends this
#    browser back to the gateway, which signs
#    GraphiQL in (an HttpOnly cookie).
#    Then go to the "Issue" tab.
#
# With callbackUrl: "oob", JIRA shows a code
# instead: use it in the "Complete" tab.
mutation Start {
  startAuthorization {
    authorizeUrl
    requestToken
    expiresAt
  }
}
`

const COMPLETE = `# 2. Complete an out-of-band dance with the
#    code JIRA showed. Apps send the returned
#    sessionToken as a header (see Headers).
mutation Complete {
  completeAuthorization(
    requestToken: ""
    verifier: ""
  ) {
    sessionToken
    viewer { displayName }
  }
}
`

const ISSUE = `# 3. Read JIRA as the person who approved.
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

export const GRAPHIQL_DEFAULT_TABS = [{ query: START }, { query: COMPLETE }, { query: ISSUE }]

/** Comments only: GraphiQL sends no header, so the browser's session cookie is used. */
export const GRAPHIQL_DEFAULT_HEADERS = `// Signed in through /oauth/callback?
// Add nothing: this browser's session
// cookie is used.
// From an app, send completeAuthorization's
// sessionToken instead:
// { "Authorization": "Bearer jgw_..." }
`
