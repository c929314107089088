// Writes as the user, within JIRA's permissions, and the rest(path) pass-through with its refusals.
import { beforeAll, describe, expect, it } from 'vitest'
import { authorize, bearer, gql, restCalls, useSandboxAndGateway } from './helpers/harness.ts'

const jira = useSandboxAndGateway({ sandbox: { contextPath: '/jira' } })
let admin: string
let william: string

beforeAll(async () => {
  admin = await authorize(jira.gateway, jira.sandbox, 'admin')
  william = await authorize(jira.gateway, jira.sandbox, 'william')
})

const as = (token: string, query: string, variables: Record<string, unknown> = {}) => gql(jira.gateway.url, query, variables, bearer(token))
const code = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code

describe('createIssue and updateIssue', () => {
  it('creates an issue as the viewer and returns it; updates it and returns the change', async () => {
    const created = await as(admin, 'mutation { createIssue(projectKey: "JJ", issueType: "Task", summary: "Made through GraphQL", description: "Hello *world*", labels: ["api", "gql"]) { key summary description labels reporter { name } status { name } } }')
    expect(created.errors).toBeUndefined()
    const issue = created.data!.createIssue
    expect(issue).toMatchObject({ summary: 'Made through GraphQL', description: 'Hello *world*', labels: ['api', 'gql'], reporter: { name: 'admin' } })
    expect(issue.key).toMatch(/^JJ-\d+$/)

    const updated = await as(admin, `mutation { updateIssue(issueKey: "${issue.key}", summary: "Renamed", labels: []) { key summary labels changelog { edges { node { items { field fromString toString } } } } } }`)
    expect(updated.errors).toBeUndefined()
    expect(updated.data!.updateIssue).toMatchObject({ key: issue.key, summary: 'Renamed', labels: [] })
    const items = updated.data!.updateIssue.changelog.edges.flatMap((edge: any) => edge.node.items)
    expect(items).toContainEqual(expect.objectContaining({ field: 'summary', fromString: 'Made through GraphQL', toString: 'Renamed' }))
  })

  it('refuses an empty summary before JIRA, and returns JIRA\'s field errors as BAD_USER_INPUT with the field names', async () => {
    jira.sandbox.resetCalls()
    const empty = await as(admin, 'mutation { createIssue(projectKey: "JJ", issueType: "Task", summary: "  ") { key } }')
    expect(code(empty)).toBe('BAD_USER_INPUT')
    expect(restCalls(jira.sandbox)).toEqual([])

    const badProject = await as(admin, 'mutation { createIssue(projectKey: "NOPE", issueType: "Task", summary: "x") { key } }')
    expect(code(badProject)).toBe('BAD_USER_INPUT')
    expect(badProject.errors![0]!.extensions!.jiraErrors).toEqual({ project: 'project is required' })
    expect(badProject.errors![0]!.message).toContain('project: project is required')

    const badType = await as(admin, 'mutation { createIssue(projectKey: "JJ", issueType: "Saga", summary: "x") { key } }')
    expect(badType.errors![0]!.extensions!.jiraErrors).toEqual({ issuetype: 'valid issue type is required' })

    const noFields = await as(admin, 'mutation { updateIssue(issueKey: "JJ-2") { key } }')
    expect(code(noFields)).toBe('BAD_USER_INPUT')
  })

  it('answers FORBIDDEN when JIRA does not let the viewer edit', async () => {
    const result = await as(william, 'mutation { updateIssue(issueKey: "JJ-1", summary: "nope") { key } }')
    expect(code(result)).toBe('FORBIDDEN')
    expect(result.errors![0]!.message).toMatch(/permission/)
  })
})

describe('transitionIssue', () => {
  it('moves an issue by transition name with a comment, and returns its new status', async () => {
    const before = await as(admin, '{ issue(key: "JJ-1") { status { name } transitions { id name to { name } } } }')
    const transition = before.data!.issue.transitions[0]
    const moved = await as(admin, `mutation { transitionIssue(issueKey: "JJ-1", transition: "${transition.name.toUpperCase()}", comment: "Moving on") { status { name } comments { body } } }`)
    expect(moved.errors).toBeUndefined()
    expect(moved.data!.transitionIssue.status.name).toBe(transition.to.name)
    expect(moved.data!.transitionIssue.comments.at(-1).body).toBe('Moving on')
  })

  it('refuses an unavailable transition and lists the available ones', async () => {
    const result = await as(admin, 'mutation { transitionIssue(issueKey: "JJ-1", transition: "Teleport") { key } }')
    expect(code(result)).toBe('BAD_USER_INPUT')
    expect(result.errors![0]!.message).toMatch(/No transition "Teleport" is available for JJ-1 now\. Available: .+\(\d+\)/)
  })

  it('is NOT_FOUND for an issue the viewer cannot see', async () => {
    const result = await as(william, 'mutation { transitionIssue(issueKey: "SEC-1", transition: "11") { key } }')
    expect(code(result)).toBe('NOT_FOUND')
  })
})

describe('assignIssue and addComment', () => {
  it('assigns, unassigns, and refuses an unknown user with the field name', async () => {
    const assigned = await as(admin, 'mutation { assignIssue(issueKey: "JJ-2", username: "william") { assignee { name } } }')
    expect(assigned.data).toEqual({ assignIssue: { assignee: { name: 'william' } } })
    const unassigned = await as(admin, 'mutation { assignIssue(issueKey: "JJ-2", username: null) { assignee { name } } }')
    expect(unassigned.data).toEqual({ assignIssue: { assignee: null } })
    const unknown = await as(admin, 'mutation { assignIssue(issueKey: "JJ-2", username: "ghost") { key } }')
    expect(code(unknown)).toBe('BAD_USER_INPUT')
    expect(unknown.errors![0]!.extensions!.jiraErrors).toEqual({ assignee: "User 'ghost' does not exist." })
  })

  it('adds a comment as the viewer; refuses an empty one', async () => {
    const added = await as(admin, 'mutation { addComment(issueKey: "JJ-2", body: "Pink ✓") { body author { name } created } }')
    expect(added.data!.addComment).toMatchObject({ body: 'Pink ✓', author: { name: 'admin' } })
    expect(code(await as(admin, 'mutation { addComment(issueKey: "JJ-2", body: " ") { id } }'))).toBe('BAD_USER_INPUT')
    expect(code(await as(admin, 'mutation { addComment(issueKey: "not a key", body: "x") { id } }'))).toBe('BAD_USER_INPUT')
  })
})

describe('rest(path, query)', () => {
  it('makes a signed GET of a JIRA REST path as the viewer', async () => {
    const result = await as(admin, '{ me: rest(path: "/rest/api/2/myself") info: rest(path: "/rest/api/2/serverInfo") issue: rest(path: "/rest/api/2/issue/JJ-2", query: {fields: "summary"}) }')
    expect(result.errors).toBeUndefined()
    expect(result.data!.me.name).toBe('admin')
    expect(result.data!.info.serverTitle).toBe('Sandbox JIRA')
    expect(Object.keys(result.data!.issue.fields)).toEqual(['summary'])
  })

  it.each([
    'https://evil.example.com/rest/api/2/myself',
    '//evil.example.com/rest/api/2/myself',
    'rest/api/2/myself',
    '/secure/Dashboard.jspa',
    '/rest/../secure/Dashboard.jspa',
    '/rest/%2e%2e/secure/x',
    '/rest/%252e%252e/secure/x',
    '/rest/api/2/..%2f..%2fsecure',
    '/rest/api/2/issue%2f..%2f..%2f..%2fsecure',
    '/rest/api\\..\\secure',
    '/rest/api/2/myself?x=1',
    '/rest/api/2/myself#x',
    '/rest/api/2/my\u0000self',
    '/rest/api/2/my%0aself',
    '/rest//api',
    '/rest/./api/2/myself',
    '/rest/api/%zz',
  ])('refuses %j before any JIRA call', async (path) => {
    jira.sandbox.resetCalls()
    const result = await as(admin, 'query($p: String!) { rest(path: $p) }', { p: path })
    expect(code(result)).toBe('BAD_USER_INPUT')
    expect(result.errors![0]!.message).toMatch(/^path refused/)
    expect(jira.sandbox.calls).toEqual([])
  })

  it('refuses a query that is not an object of scalars', async () => {
    const result = await as(admin, '{ rest(path: "/rest/api/2/myself", query: {a: {b: 1}}) }')
    expect(code(result)).toBe('BAD_USER_INPUT')
  })
})
