// Issues as a graph: search paging, batching, field push-down, nested issues, custom fields, projects and users.
import { beforeAll, describe, expect, it } from 'vitest'
import { authorize, bearer, gql, restCalls, useSandboxAndGateway } from './helpers/harness.ts'

const BULK = 2500
const CAP = 40
// JIRA caps maxResults below what the gateway asks for, as real servers do.
const jira = useSandboxAndGateway({ sandbox: { bulkIssues: BULK, maxResultsCap: CAP } })
let admin: string
let alana: string

beforeAll(async () => {
  admin = await authorize(jira.gateway, jira.sandbox, 'admin')
  alana = await authorize(jira.gateway, jira.sandbox, 'alana')
})

const as = (token: string, query: string, variables: Record<string, unknown> = {}) => gql(jira.gateway.url, query, variables, bearer(token))

describe('search', () => {
  const PAGE = `query($jql: String!, $after: String) {
    search(jql: $jql, first: 100, after: $after) { totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor } }
  }`

  it(`pages through all ${BULK} BULK issues, each exactly once, with opaque cursors, across a JIRA cap of ${CAP}`, async () => {
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    jira.sandbox.resetCalls()
    for (;;) {
      const result = await as(admin, PAGE, { jql: 'project = BULK ORDER BY key ASC', after })
      expect(result.errors).toBeUndefined()
      const search = result.data!.search
      expect(search.totalCount).toBe(BULK)
      for (const edge of search.edges) {
        expect(edge.cursor).not.toMatch(/^\d+$/)
        seen.push(edge.node.key)
      }
      pages++
      if (!search.pageInfo.hasNextPage) break
      after = search.pageInfo.endCursor
    }
    expect(pages).toBe(BULK / 100)
    expect(seen).toHaveLength(BULK)
    expect(new Set(seen).size).toBe(BULK)
    expect(seen[0]).toBe('BULK-1')
    expect(seen.at(-1)).toBe(`BULK-${BULK}`)
    // Each page of 100 takes ceil(100 / CAP) JIRA calls, each asking only for what is left.
    const calls = restCalls(jira.sandbox)
    expect(calls).toHaveLength(pages * Math.ceil(100 / CAP))
    expect(calls.slice(0, 3).map((call) => Number(call.query.maxResults))).toEqual([100, 60, 20])
  })

  it('asks JIRA for nothing but summary when only summary is selected', async () => {
    jira.sandbox.resetCalls()
    const result = await as(admin, '{ search(jql: "project = JJ", first: 5) { edges { node { key summary } } } }')
    expect(result.errors).toBeUndefined()
    expect(restCalls(jira.sandbox).map((call) => call.query.fields)).toEqual(['summary'])
  })

  it('carries JQL with unicode, quotes, &, =, +, % and # to JIRA intact', async () => {
    const jql = 'summary ~ "Ünïcode ☃" OR summary ~ "a & b = c + d % e # f" OR summary ~ "\\"quoted\\""'
    jira.sandbox.resetCalls()
    const result = await as(admin, '{ search(jql: $jql, first: 10) { totalCount edges { node { key summary } } } }'.replace('$jql', JSON.stringify(jql)))
    expect(result.errors).toBeUndefined()
    expect(restCalls(jira.sandbox)[0]!.query.jql).toBe(jql)
    expect(result.data!.search.totalCount).toBeGreaterThanOrEqual(1)
  })

  it('sends a long JQL by POST', async () => {
    const keysList = Array.from({ length: 400 }, (_, i) => `BULK-${i + 1}`).join(', ')
    jira.sandbox.resetCalls()
    const result = await as(admin, 'query($jql: String!) { search(jql: $jql, first: 3) { totalCount } }', { jql: `key in (${keysList})` })
    expect(result.data).toEqual({ search: { totalCount: 400 } })
    const [call] = restCalls(jira.sandbox)
    expect(call!.method).toBe('POST')
    expect((call!.body as { jql: string }).jql).toBe(`key in (${keysList})`)
  })

  it('returns a JQL error as BAD_USER_INPUT with JIRA\'s message', async () => {
    const result = await as(admin, '{ search(jql: "project = = JJ") { totalCount } }')
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(result.errors![0]!.message).toMatch(/Error in the JQL Query/)
  })

  it.each([[0], [101], [-1]])('refuses first: %i before calling JIRA', async (first) => {
    jira.sandbox.resetCalls()
    const result = await as(admin, 'query($f: Int) { search(jql: "project = JJ", first: $f) { totalCount } }', { f: first })
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(result.errors![0]!.message).toMatch(/first must be between 1 and 100/)
    expect(restCalls(jira.sandbox)).toEqual([])
  })

  it('refuses a cursor that is not one of its own', async () => {
    const result = await as(admin, '{ search(jql: "project = JJ", after: "bm90IGEgY3Vyc29y") { totalCount } }')
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })
})

describe('batching', () => {
  it('turns 50 aliased issue lookups into exactly one JIRA search with the union of their fields', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `i${i}: issue(key: "BULK-${i + 1}") { key ${i % 2 ? 'summary' : 'status { name }'} }`).join('\n')
    jira.sandbox.resetCalls()
    const result = await as(admin, `{ ${aliases} }`)
    expect(result.errors).toBeUndefined()
    expect(Object.values(result.data!).map((issue: any) => issue.key)).toEqual(Array.from({ length: 50 }, (_, i) => `BULK-${i + 1}`))
    const calls = restCalls(jira.sandbox)
    expect(calls).toHaveLength(Math.ceil(50 / CAP))
    expect(calls.every((call) => call.path === '/rest/api/2/search')).toBe(true)
    expect(calls[0]!.query.fields).toBe('status,summary')
  })

  it('resolves a moved issue by its old key, and a missing key to null, in the same batch', async () => {
    const result = await as(admin, '{ moved: issue(key: "OLD-7") { key } here: issue(key: "JJ-2") { key } gone: issue(key: "JJ-9999") { key } }')
    expect(result.data).toEqual({ moved: { key: 'JJ-7' }, here: { key: 'JJ-2' }, gone: null })
  })

  it('answers nested issues from JIRA\'s stubs when it can, and batches them when it cannot', async () => {
    const found = await as(admin, '{ search(jql: "project = JJ", first: 50) { edges { node { key subtasks { key } parent { key } } } } }')
    const withSubtasks = found.data!.search.edges.map((edge: any) => edge.node).filter((node: any) => node.subtasks.length > 0)
    expect(withSubtasks.length).toBeGreaterThan(0)

    jira.sandbox.resetCalls()
    const stubOnly = await as(admin, '{ search(jql: "project = JJ", first: 50) { edges { node { key subtasks { key summary status { name } } parent { key summary } } } } }')
    expect(stubOnly.errors).toBeUndefined()
    expect(restCalls(jira.sandbox)).toHaveLength(1)

    jira.sandbox.resetCalls()
    const deeper = await as(admin, '{ search(jql: "project = JJ", first: 50) { edges { node { key subtasks { key description assignee { name } } links { relation issue { key created } } } } } }')
    expect(deeper.errors).toBeUndefined()
    const calls = restCalls(jira.sandbox)
    expect(calls).toHaveLength(2) // the page, then one batch for every nested issue
    expect(calls[1]!.path).toBe('/rest/api/2/search')
  })
})

describe('the issue model', () => {
  it('reads links, subtasks, versions, components, attachments, time tracking, rendered description, changelog and transitions', async () => {
    const result = await as(
      admin,
      `{ search(jql: "project = JJ", first: 50) { edges { node {
        key dueDate environment votes watchCount resolutionDate renderedDescription
        resolution { name } components { name } fixVersions { name released } versions { name }
        attachments { filename size mimeType url author { name } }
        timeTracking { originalEstimate timeSpentSeconds }
        links { type direction relation issue { key } }
        transitions { id name to { name } }
        changelog(first: 5) { edges { node { author { name } items { field fromString toString } } } }
      } } } }`,
    )
    expect(result.errors).toBeUndefined()
    const nodes = result.data!.search.edges.map((edge: any) => edge.node)
    const some = (predicate: (node: any) => boolean) => expect(nodes.some(predicate)).toBe(true)
    some((node) => node.links.some((link: any) => link.relation === 'blocks' && link.direction === 'OUTWARD'))
    some((node) => node.links.some((link: any) => link.relation === 'is blocked by' && link.direction === 'INWARD'))
    some((node) => node.components.length > 0)
    some((node) => node.fixVersions.length > 0)
    some((node) => node.attachments.length > 0 && node.attachments[0].url.startsWith(jira.sandbox.url))
    some((node) => node.timeTracking?.originalEstimate)
    some((node) => node.resolution?.name && node.resolutionDate)
    some((node) => /^\d{4}-\d{2}-\d{2}$/.test(node.dueDate ?? ''))
    some((node) => (node.renderedDescription ?? '').includes('<p>'))
    some((node) => node.transitions.length > 0)
    some((node) => node.changelog.edges.length > 0)
  })
})

describe('custom fields', () => {
  it('maps names to ids through /field, fetched once per person and cached across requests', async () => {
    jira.sandbox.resetCalls()
    const first = await as(alana, '{ issue(key: "JJ-2") { points: customField(name: "story points") { id name value } } }')
    expect(first.data).toEqual({ issue: { points: { id: 'customfield_10006', name: 'Story Points', value: '10' } } })
    const second = await as(alana, '{ issue(key: "JJ-2") { byId: customField(id: "customfield_10006") { value } all: customFields { id } } }')
    expect(second.errors).toBeUndefined()
    expect(second.data!.issue.byId).toEqual({ value: '10' })
    expect(second.data!.issue.all.map((f: any) => f.id)).toContain('customfield_10006')
    const calls = restCalls(jira.sandbox)
    expect(calls.filter((call) => call.path === '/rest/api/2/field')).toHaveLength(1)
    // Push-down: the one custom field asked for by name is the only field fetched.
    expect(calls.find((call) => call.path === '/rest/api/2/issue/JJ-2')!.query.fields).toBe('customfield_10006')
  })

  it('is null for an unknown name, and refuses both or neither of name and id', async () => {
    const result = await as(alana, '{ issue(key: "JJ-2") { customField(name: "No Such Field") { id } } }')
    expect(result.data).toEqual({ issue: { customField: null } })
    const both = await as(alana, '{ issue(key: "JJ-2") { customField(name: "x", id: "y") { id } } }')
    expect(both.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })
})

describe('projects and users', () => {
  it('reads a project with its lead, the visible projects, and users', async () => {
    const result = await as(alana, '{ project(key: "jj") { key name lead { name } } projects { key } user(username: "admin") { displayName } nobody: user(username: "nobody") { name } hidden: project(key: "SEC") { key } }')
    expect(result.errors).toBeUndefined()
    expect(result.data!.project.key).toBe('JJ')
    expect(result.data!.project.lead.name).toEqual(expect.any(String))
    expect(result.data!.projects.map((p: any) => p.key)).not.toContain('SEC')
    expect(result.data!.user).toEqual({ displayName: 'Administrator' })
    expect(result.data!.nobody).toBeNull()
    expect(result.data!.hidden).toBeNull()
  })
})

describe('Relay nodes', () => {
  it('refetches an issue by its global id, and nodes() in order with null for what cannot be seen', async () => {
    const first = await as(alana, '{ issue(key: "JJ-2") { id jiraId } }')
    const { id, jiraId } = first.data!.issue
    expect(jiraId).toBe('10300')
    expect(id).not.toBe(jiraId)
    const again = await as(alana, `{ node(id: "${id}") { id ... on Issue { key summary } } }`)
    expect(again.data).toEqual({ node: { id, key: 'JJ-2', summary: 'JIRA Junior logo is not pink enough' } })
    const secret = await as(admin, '{ issue(key: "SEC-1") { id } }')
    const many = await as(alana, `{ nodes(ids: ["${secret.data!.issue.id}", "${id}"]) { ... on Issue { key } } }`)
    expect(many.data).toEqual({ nodes: [null, { key: 'JJ-2' }] })
  })
})

describe('users', () => {
  it('gives email addresses as EmailAddress', async () => {
    const result = await as(alana, '{ viewer { emailAddress } }')
    expect(result.data!.viewer.emailAddress).toMatch(/^alana@/)
  })
})
