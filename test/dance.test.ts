// The whole dance, both ways, against the sandbox JIRA over real HTTP, then issue(key) as that person.
import { describe, expect, it } from 'vitest'
import { authorize, bearer, gql, restCalls, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway({ ownCallback: true })

const ISSUE_QUERY = `query($key: String!) {
  issue(key: $key) {
    jiraId key url summary description labels created updated
    status { name category { key name } }
    issueType { name subtask }
    priority { name }
    project { key name }
    assignee { name displayName }
    reporter { displayName }
    creator { displayName }
    comments { id body author { displayName } created }
  }
}`

describe('out of band (callbackUrl: "oob")', () => {
  it('gives a session that reads JJ-2 as the tutorial shows it, from one signed REST call', async () => {
    const started = await gql(jira.gateway.url, 'mutation { startAuthorization(callbackUrl: "oob") { authorizeUrl requestToken callbackUrl expiresAt } }')
    expect(started.errors).toBeUndefined()
    const start = started.data!.startAuthorization
    expect(start.callbackUrl).toBe('oob')
    expect(start.authorizeUrl).toBe(`${jira.sandbox.url}/plugins/servlet/oauth/authorize?oauth_token=${start.requestToken}`)
    const lifetime = Date.parse(start.expiresAt) - Date.now()
    expect(lifetime).toBeGreaterThan(9 * 60_000)
    expect(lifetime).toBeLessThanOrEqual(10 * 60_000)

    const { verifier } = jira.sandbox.approve(start.requestToken, 'alana')
    expect(verifier).toMatch(/^[A-Za-z0-9]{6}$/)
    const completed = await gql(
      jira.gateway.url,
      'mutation($t: String!, $v: String!) { completeAuthorization(requestToken: $t, verifier: $v) { sessionToken viewer { name displayName } } }',
      { t: start.requestToken, v: verifier },
    )
    expect(completed.errors).toBeUndefined()
    const { sessionToken, viewer } = completed.data!.completeAuthorization
    expect(sessionToken).toMatch(/^jgw_[A-Za-z0-9_-]{43}$/)
    expect(viewer).toEqual({ name: 'alana', displayName: 'Alana Example' })

    jira.sandbox.resetCalls()
    const result = await gql(jira.gateway.url, ISSUE_QUERY, { key: 'JJ-2' }, bearer(sessionToken))
    expect(result.errors).toBeUndefined()
    expect(result.data!.issue).toMatchObject({
      jiraId: '10300',
      key: 'JJ-2',
      url: `${jira.sandbox.url}/browse/JJ-2`,
      summary: 'JIRA Junior logo is not pink enough',
      description: "The logo is currently a light cerise. I'd like to see it with a deep pink color.",
      labels: [],
      created: '2013-05-29T03:56:24.224Z',
      updated: '2016-08-01T01:23:38.022Z',
      status: { name: 'Open', category: { key: 'NEW', name: 'To Do' } },
      issueType: { name: 'Bug', subtask: false },
      priority: { name: 'Major' },
      project: { key: 'JJ', name: 'JIRA Junior' },
      assignee: { name: 'alana', displayName: 'Alana Example' },
      reporter: { displayName: 'Administrator' },
      creator: { displayName: 'Administrator' },
      comments: [
        {
          id: '10100',
          body: 'Hi [~william] JIRA is *super fun* (see JJ-1). Alana is going to fix the logo.',
          author: { displayName: 'Administrator' },
          created: '2013-06-04T06:11:24.505Z',
        },
      ],
    })
    const calls = restCalls(jira.sandbox)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/rest/api/2/issue/JJ-2', status: 200, user: 'alana' })
    expect(calls[0]!.query.fields!.split(',').sort()).toEqual(
      ['assignee', 'comment', 'created', 'creator', 'description', 'issuetype', 'labels', 'priority', 'project', 'reporter', 'status', 'summary', 'updated'].sort(),
    )
  })

  it('asks JIRA only for the fields the query selects', async () => {
    const token = await authorize(jira.gateway, jira.sandbox, 'alana')
    jira.sandbox.resetCalls()
    const result = await gql(jira.gateway.url, '{ issue(key: "jj-2") { key summary } }', {}, bearer(token))
    expect(result.data).toEqual({ issue: { key: 'JJ-2', summary: 'JIRA Junior logo is not pink enough' } })
    expect(restCalls(jira.sandbox).map((call) => call.query.fields)).toEqual(['summary'])
  })

  it('answers viewer from /myself, and null without a session', async () => {
    const token = await authorize(jira.gateway, jira.sandbox, 'admin')
    const me = await gql(jira.gateway.url, '{ viewer { key name displayName emailAddress } }', {}, bearer(token))
    expect(me.data!.viewer).toMatchObject({ name: 'admin', displayName: 'Administrator' })
    const anonymous = await gql(jira.gateway.url, '{ viewer { name } }')
    expect(anonymous).toEqual({ data: { viewer: null } })
  })

  it("keeps one person's session to their own token: an issue only admin may see is null for alana", async () => {
    const alana = await authorize(jira.gateway, jira.sandbox, 'alana')
    const admin = await authorize(jira.gateway, jira.sandbox, 'admin')
    const forAlana = await gql(jira.gateway.url, '{ issue(key: "SEC-1") { key } viewer { name } }', {}, bearer(alana))
    const forAdmin = await gql(jira.gateway.url, '{ issue(key: "SEC-1") { key } viewer { name } }', {}, bearer(admin))
    expect(forAlana.data).toEqual({ issue: null, viewer: { name: 'alana' } })
    expect(forAdmin.data).toEqual({ issue: { key: 'SEC-1' }, viewer: { name: 'admin' } })
  })

  it('signOut ends the session', async () => {
    const token = await authorize(jira.gateway, jira.sandbox, 'william')
    expect((await gql(jira.gateway.url, 'mutation { signOut }', {}, bearer(token))).data).toEqual({ signOut: true })
    const after = await gql(jira.gateway.url, '{ issue(key: "JJ-2") { key } }', {}, bearer(token))
    expect(after.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
  })
})

/** A minimal cookie jar: what a browser would send back. */
class Browser {
  cookies = new Map<string, string>()
  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const [name, ...rest] = pair!.split('=')
      const value = rest.join('=')
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(header) || value === '') this.cookies.delete(name!.trim())
      else this.cookies.set(name!.trim(), value)
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
  async fetch(url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers)
    if (this.cookies.size && new URL(url).origin === new URL(jira.gateway.url).origin) headers.set('cookie', this.header())
    const response = await fetch(url, { ...init, headers, redirect: 'manual' })
    if (new URL(url).origin === new URL(jira.gateway.url).origin) this.store(response)
    return response
  }
  graphql(query: string, extra: Record<string, string> = {}) {
    return this.fetch(`${jira.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin: jira.gateway.url, ...extra },
      body: JSON.stringify({ query }),
    })
  }
}

describe("callback to the gateway's own /oauth/callback", () => {
  async function approveInBrowser(browser: Browser, authorizeUrl: string, user: string, decision = 'allow'): Promise<string> {
    const approvalPage = await browser.fetch(authorizeUrl)
    expect(approvalPage.status).toBe(200)
    const html = await approvalPage.text()
    expect(html).toContain('name="user"')
    const answer = await browser.fetch(authorizeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user, decision, oauth_token: new URL(authorizeUrl).searchParams.get('oauth_token')! }).toString(),
    })
    expect(answer.status).toBe(302)
    return answer.headers.get('location')!
  }

  it('signs the browser that started the dance in with an HttpOnly cookie, and GraphiQL-style requests then act as that user', async () => {
    const browser = new Browser()
    const started = await (await browser.graphql('mutation { startAuthorization { authorizeUrl callbackUrl } }')).json()
    expect(started.data.startAuthorization.callbackUrl).toBe(`${jira.gateway.url}/oauth/callback`)
    expect(browser.cookies.has('jgw_pending')).toBe(true)

    const location = await approveInBrowser(browser, started.data.startAuthorization.authorizeUrl, 'alana')
    expect(location.startsWith(`${jira.gateway.url}/oauth/callback?oauth_token=`)).toBe(true)
    const callback = await browser.fetch(location)
    const page = await callback.text()
    expect(callback.status).toBe(200)
    expect(page).toContain('Alana Example (alana)')
    expect(page).toContain('Authorization: Bearer')
    expect(page).not.toMatch(/jgw_[A-Za-z0-9_-]{43}/)
    const setCookie = callback.headers.getSetCookie().find((c) => c.startsWith('jgw_session='))!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)

    const viewer = await (await browser.graphql('{ viewer { name } }')).json()
    expect(viewer.data).toEqual({ viewer: { name: 'alana' } })

    // CSRF: the cookie is ignored on requests another site could forge.
    const crossSite = await (await browser.graphql('{ viewer { name } }', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).json()
    expect(crossSite.data).toEqual({ viewer: null })
    const getQuery = await (await browser.fetch(`${jira.gateway.url}/graphql?query=${encodeURIComponent('{ viewer { name } }')}`, { headers: { accept: 'application/json' } })).json()
    expect(getQuery.data).toEqual({ viewer: null })
    const formPost = await (
      await browser.fetch(`${jira.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ query: '{ viewer { name } }' }).toString(),
      })
    ).json().catch(() => ({ data: { viewer: null } }))
    expect(formPost.data?.viewer ?? null).toBeNull()
  })

  it('does not sign in a browser that did not start the dance: it shows the verifier to finish elsewhere', async () => {
    const starter = new Browser()
    const other = new Browser()
    const started = await (await starter.graphql('mutation { startAuthorization { authorizeUrl requestToken } }')).json()
    const location = await approveInBrowser(other, started.data.startAuthorization.authorizeUrl, 'admin')
    const callback = await other.fetch(location)
    const page = await callback.text()
    expect(page).toContain('completeAuthorization')
    expect(page).toContain(new URL(location).searchParams.get('oauth_verifier')!)
    expect(other.cookies.has('jgw_session')).toBe(false)
    // The person who started it finishes with the mutation.
    const completed = await gql(jira.gateway.url, `mutation { completeAuthorization(requestToken: "${started.data.startAuthorization.requestToken}", verifier: "${new URL(location).searchParams.get('oauth_verifier')}") { viewer { name } } }`)
    expect(completed.data).toEqual({ completeAuthorization: { viewer: { name: 'admin' } } })
  })

  it('Deny comes back as a clear page and stores nothing', async () => {
    const browser = new Browser()
    const started = await (await browser.graphql('mutation { startAuthorization { authorizeUrl } }')).json()
    const location = await approveInBrowser(browser, started.data.startAuthorization.authorizeUrl, 'alana', 'deny')
    expect(new URL(location).searchParams.get('oauth_verifier')).toBe('denied')
    const callback = await browser.fetch(location)
    expect(await callback.text()).toContain('Access denied')
    expect(browser.cookies.has('jgw_session')).toBe(false)
  })
})
