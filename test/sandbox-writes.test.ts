// The sandbox's write side: transitions through the workflow, create, edit, assign, their
// refusals with JIRA's messages, the changelog every write leaves, and the read-only user.
import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox/index.ts'
import { oauthHeader, sandboxAccessToken } from './helpers/sandbox-signer.ts'

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
const START = Date.UTC(2024, 4, 10, 9, 0, 0)
let clock = START
/** JIRA's timestamp of the sandbox clock */
const stamp = () => new Date(clock).toISOString().replace('Z', '+0000')

let sandbox: Sandbox
let base: string
const tokens: Record<string, string> = {}

function sign(method: string, url: string, token?: string, oauth?: Record<string, string>): string {
  return oauthHeader({ method, url, consumerKey: 'OAuthKey', privateKey, token, oauth, timestamp: Math.floor(clock / 1000) })
}

const login = (user: string) => sandboxAccessToken(sandbox, user, sign)

beforeAll(async () => {
  sandbox = await startSandbox({
    consumers: [{ key: 'OAuthKey', name: 'Writes', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string }],
    now: () => clock,
  })
  base = sandbox.url
  for (const user of ['admin', 'alana', 'william']) tokens[user] = await login(user)
})
afterAll(() => sandbox.close())
beforeEach(() => {
  // every test writes at its own minute, so timestamps tell the writes apart
  clock += 60_000
})

async function call(user: string, method: string, path: string, json?: unknown): Promise<Response> {
  const url = `${base}/rest/api/2/${path}`
  const headers: Record<string, string> = { authorization: sign(method, url, tokens[user]) }
  if (json !== undefined) headers['content-type'] = 'application/json'
  return fetch(url, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) })
}

async function get(user: string, path: string): Promise<any> {
  const res = await call(user, 'GET', path)
  expect(res.status, path).toBe(200)
  return res.json()
}

/** a write that must succeed with 204 and no body */
async function ok(user: string, method: string, path: string, json: unknown): Promise<void> {
  const res = await call(user, method, path, json)
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(204)
  expect(await res.text()).toBe('')
}

/** a write that must fail: the status and JIRA's error body */
async function refused(user: string, method: string, path: string, json: unknown): Promise<{ status: number; body: unknown }> {
  const res = await call(user, method, path, json)
  expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8')
  return { status: res.status, body: await res.json() }
}

const fieldErrors = (errors: Record<string, string>) => ({ status: 400, body: { errorMessages: [], errors } })
const changelogOf = async (key: string) => (await get('admin', `issue/${key}?fields=summary&expand=changelog`)).changelog
const userRef = async (name: string) => {
  const { locale, groups, applicationRoles, expand, ...user } = await get('admin', `user?username=${name}`)
  return user
}
const statusNamed = async (name: string) => (await get('admin', 'status')).find((s: { name: string }) => s.name === name)

describe('transitions', () => {
  it('GET lists the moves from the current status; transitionId filters', async () => {
    expect(await get('alana', 'issue/JJ-2/transitions')).toEqual({
      expand: 'transitions',
      transitions: [{ id: '21', name: 'Start Progress', to: await statusNamed('In Progress') }],
    })
    expect((await get('alana', 'issue/JJ-2/transitions?transitionId=21')).transitions).toHaveLength(1)
    expect((await get('alana', 'issue/JJ-2/transitions?transitionId=31')).transitions).toEqual([])
    expect((await get('alana', 'issue/JJ-3/transitions')).transitions.map((t: { id: string; name: string }) => [t.id, t.name])).toEqual([
      ['11', 'Stop Progress'],
      ['31', 'Done'],
    ])
  })

  it('refuses a transition not available now, an unknown one, and none at all', async () => {
    const message = (action: string) =>
      `It seems that you have tried to perform a workflow operation (${action}) that is not valid for the current state of this issue (JJ-2). The likely cause is that somebody has changed the issue recently, please look at the issue history for details.`
    expect(await refused('alana', 'POST', 'issue/JJ-2/transitions', { transition: { id: '31' } })).toEqual({ status: 400, body: { errorMessages: [message('Done')], errors: {} } })
    expect(await refused('alana', 'POST', 'issue/JJ-2/transitions', { transition: { id: '999' } })).toEqual({ status: 400, body: { errorMessages: [message('999')], errors: {} } })
    expect(await refused('alana', 'POST', 'issue/JJ-2/transitions', {})).toEqual({ status: 400, body: { errorMessages: ["Missing 'transition' identifier"], errors: {} } })
    // the resolution is only on the way into Done; other fields are on no transition screen
    expect(await refused('alana', 'POST', 'issue/JJ-2/transitions', { transition: { id: '21' }, fields: { resolution: { name: 'Done' } } })).toEqual(
      fieldErrors({ resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown." }),
    )
    expect(await refused('alana', 'POST', 'issue/JJ-3/transitions', { transition: { id: '31' }, fields: { resolution: { name: 'Fixed' } } })).toEqual(
      fieldErrors({ resolution: "Could not find valid 'id' or 'name' in resolution object." }),
    )
    // nothing changed
    expect((await changelogOf('JJ-2')).total).toBe(0)
    expect((await get('alana', 'issue/JJ-3?fields=status')).fields.status.name).toBe('In Progress')
  })

  it('Open → In Progress → Done (with resolution and comment) → Reopen: status, resolution, changelog', async () => {
    const alana = await userRef('alana')
    const statusItem = (from: string, fromString: string, to: string, toString: string) => ({ field: 'status', fieldtype: 'jira', from, fromString, to, toString })

    await ok('alana', 'POST', 'issue/JJ-2/transitions', { transition: { id: '21' } })
    const started = stamp()
    let issue = await get('alana', 'issue/JJ-2?fields=status,resolution,resolutiondate,updated,comment')
    expect(issue.fields).toMatchObject({ status: await statusNamed('In Progress'), resolution: null, resolutiondate: null, updated: started })
    expect((await changelogOf('JJ-2')).histories).toEqual([{ id: '10501', author: alana, created: started, items: [statusItem('1', 'Open', '3', 'In Progress')] }])

    clock += 1000
    await ok('alana', 'POST', 'issue/JJ-2/transitions', {
      transition: { id: 31 },
      fields: { resolution: { name: "Won't Do" } },
      update: { comment: [{ add: { body: 'Closing: pink enough.' } }] },
    })
    const resolved = stamp()
    issue = await get('alana', 'issue/JJ-2?fields=status,resolution,resolutiondate,updated,comment')
    expect(issue.fields.status.name).toBe('Done')
    expect(issue.fields.resolution).toEqual({ self: `${base}/rest/api/2/resolution/10001`, id: '10001', description: "This issue won't be actioned.", name: "Won't Do" })
    expect(issue.fields.resolutiondate).toBe(resolved)
    expect(issue.fields.updated).toBe(resolved)
    expect(issue.fields.comment.total).toBe(2)
    expect(issue.fields.comment.comments[1]).toMatchObject({ body: 'Closing: pink enough.', author: { name: 'alana' }, created: resolved })

    clock += 1000
    await ok('admin', 'POST', 'issue/JJ-2/transitions', { transition: { id: '41' } })
    issue = await get('alana', 'issue/JJ-2?fields=status,resolution,resolutiondate,updated')
    expect(issue.fields).toMatchObject({ status: await statusNamed('Open'), resolution: null, resolutiondate: null, updated: stamp() })

    // the comment is not in the changelog; each transition is one history, resolution first
    expect((await changelogOf('JJ-2')).histories).toEqual([
      { id: '10501', author: alana, created: started, items: [statusItem('1', 'Open', '3', 'In Progress')] },
      {
        id: '10502',
        author: alana,
        created: resolved,
        items: [
          { field: 'resolution', fieldtype: 'jira', from: null, fromString: null, to: '10001', toString: "Won't Do" },
          statusItem('3', 'In Progress', '10001', 'Done'),
        ],
      },
      {
        id: '10503',
        author: await userRef('admin'),
        created: stamp(),
        items: [
          { field: 'resolution', fieldtype: 'jira', from: '10001', fromString: "Won't Do", to: null, toString: null },
          statusItem('10001', 'Done', '1', 'Open'),
        ],
      },
    ])
  })

  it('Done without a resolution given is resolved Done; search and the stubs of related issues follow', async () => {
    await ok('alana', 'POST', 'issue/JJ-4/transitions', { transition: { id: '21' } })
    await ok('alana', 'POST', 'issue/JJ-4/transitions', { transition: { id: '31' } })
    const done = await get('alana', 'issue/JJ-4?fields=status,resolution,resolutiondate')
    expect(done.fields.resolution.name).toBe('Done')
    expect(done.fields.resolutiondate).toBe(stamp())
    // JJ-3 lists JJ-4 as a sub-task and JJ-7 links to it: both embed its new status
    const parent = await get('alana', 'issue/JJ-3?fields=subtasks')
    expect(parent.fields.subtasks.find((s: { key: string }) => s.key === 'JJ-4').fields.status).toEqual(done.fields.status)
    const linked = await get('alana', 'issue/JJ-7?fields=issuelinks')
    expect(linked.fields.issuelinks[0].inwardIssue.fields.status).toEqual(done.fields.status)
    const search = await get('alana', `search?jql=${encodeURIComponent('status = Done ORDER BY key')}&fields=summary`)
    expect(search.issues.map((i: { key: string }) => i.key)).toEqual(['JJ-1', 'JJ-4'])
  })
})

describe('create', () => {
  it('201 with id, key and self; the issue is the caller’s, Open, with the next key', async () => {
    const res = await call('alana', 'POST', 'issue', {
      fields: { project: { key: 'JJ' }, issuetype: { name: 'Task' }, summary: 'Made over REST', description: 'With *markup*', labels: ['api', 'rest', 'api'] },
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ id: '10401', key: 'JJ-8', self: `${base}/rest/api/2/issue/10401` })
    const issue = await get('william', 'issue/JJ-8?expand=changelog')
    const alana = await userRef('alana')
    expect(issue.fields).toMatchObject({
      summary: 'Made over REST',
      description: 'With *markup*',
      labels: ['api', 'rest'],
      reporter: alana,
      creator: alana,
      assignee: null,
      status: await statusNamed('Open'),
      resolution: null,
      priority: { name: 'Major', id: '3' },
      issuetype: { name: 'Task', id: '3', subtask: false },
      project: { key: 'JJ', id: '10200' },
      created: stamp(),
      updated: stamp(),
      subtasks: [],
      issuelinks: [],
      comment: { comments: [], maxResults: 0, total: 0, startAt: 0 },
    })
    expect(issue.fields.watches.self).toBe(`${base}/rest/api/2/issue/JJ-8/watchers`)
    // creating writes no history
    expect(issue.changelog).toEqual({ startAt: 0, maxResults: 0, total: 0, histories: [] })

    // by id, with more fields; then the next key
    const second = await call('admin', 'POST', 'issue', {
      fields: {
        project: { id: '10200' },
        issuetype: { id: '1' },
        summary: 'Second',
        priority: { name: 'Blocker' },
        assignee: { name: 'william' },
        duedate: '2026-12-24',
        environment: 'Linux',
        customfield_10006: 3,
      },
    })
    expect(await second.json()).toEqual({ id: '10402', key: 'JJ-9', self: `${base}/rest/api/2/issue/10402` })
    expect((await get('admin', 'issue/JJ-9?fields=issuetype,priority,assignee,duedate,environment,customfield_10006,reporter')).fields).toMatchObject({
      issuetype: { name: 'Bug' },
      priority: { name: 'Blocker' },
      assignee: { name: 'william' },
      duedate: '2026-12-24',
      environment: 'Linux',
      customfield_10006: 3,
      reporter: { name: 'admin' },
    })
    // another project counts on its own; and search finds the new issues
    expect(await (await call('alana', 'POST', 'issue', { fields: { project: { key: 'BULK' }, issuetype: { name: 'Task' }, summary: 'First bulk' } })).json()).toMatchObject({ key: 'BULK-1' })
    const found = await get('alana', `search?jql=${encodeURIComponent('summary ~ "made over rest"')}&fields=summary`)
    expect(found.issues.map((i: { key: string }) => i.key)).toEqual(['JJ-8'])
  })

  it('a sub-task needs a parent in the same project, and joins its sub-tasks', async () => {
    const noParent = await refused('alana', 'POST', 'issue', { fields: { project: { key: 'JJ' }, issuetype: { name: 'Sub-task' }, summary: 'Orphan' } })
    expect(noParent).toEqual(fieldErrors({ issuetype: 'Issue type is a sub-task but parent issue key or id not specified.' }))
    const wrongParent = await refused('admin', 'POST', 'issue', { fields: { project: { key: 'JJ' }, issuetype: { name: 'Sub-task' }, parent: { key: 'SEC-1' }, summary: 'x' } })
    expect(wrongParent).toEqual(fieldErrors({ parent: 'Could not find valid parent issue.' }))
    const notSubtask = await refused('alana', 'POST', 'issue', { fields: { project: { key: 'JJ' }, issuetype: { name: 'Task' }, parent: { key: 'JJ-3' }, summary: 'x' } })
    expect(notSubtask).toEqual(fieldErrors({ parent: "Field 'parent' cannot be set. It is not on the appropriate screen, or unknown." }))

    const res = await call('alana', 'POST', 'issue', { fields: { project: { key: 'JJ' }, issuetype: { name: 'Sub-task' }, parent: { key: 'JJ-3' }, summary: 'Translate the logo' } })
    expect(res.status).toBe(201)
    const { key } = await res.json()
    const subtask = await get('alana', `issue/${key}?fields=parent,issuetype`)
    expect(subtask.fields.parent.key).toBe('JJ-3')
    expect(subtask.fields.issuetype).toMatchObject({ name: 'Sub-task', subtask: true })
    const parent = await get('alana', 'issue/JJ-3?fields=subtasks')
    expect(parent.fields.subtasks.map((s: { key: string }) => s.key)).toEqual(['JJ-4', 'JJ-5', key])
    expect(parent.fields.subtasks[2].fields.summary).toBe('Translate the logo')
  })

  it('refuses with JIRA’s field errors: project, type, summary, labels, unknown fields', async () => {
    const create = (fields: Record<string, unknown>) => refused('alana', 'POST', 'issue', { fields })
    const valid = { project: { key: 'JJ' }, issuetype: { name: 'Task' }, summary: 'x' }
    expect(await create({ ...valid, summary: undefined })).toEqual(fieldErrors({ summary: 'You must specify a summary of the issue.' }))
    expect(await create({ ...valid, summary: '   ' })).toEqual(fieldErrors({ summary: 'You must specify a summary of the issue.' }))
    expect(await create({ ...valid, project: { key: 'NOPE' } })).toEqual(fieldErrors({ project: 'project is required' }))
    // a project the caller cannot see does not exist for them
    expect(await create({ ...valid, project: { key: 'SEC' } })).toEqual(fieldErrors({ project: 'project is required' }))
    expect(await create({ ...valid, issuetype: { name: 'Saga' } })).toEqual(fieldErrors({ issuetype: 'valid issue type is required' }))
    expect(await create({ summary: 'x' })).toEqual(fieldErrors({ project: 'project is required', issuetype: 'valid issue type is required' }))
    expect(await create({ ...valid, labels: ['ok', 'a b'] })).toEqual(fieldErrors({ labels: "The label 'a b' contains spaces which is invalid." }))
    expect(await create({ ...valid, nosuchfield: 1, status: { name: 'Done' } })).toEqual(
      fieldErrors({
        nosuchfield: "Field 'nosuchfield' cannot be set. It is not on the appropriate screen, or unknown.",
        status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.",
      }),
    )
    expect(await create({ ...valid, assignee: { name: 'ghost' }, duedate: '2026-02-30', priority: { name: 'Urgent' } })).toEqual(
      fieldErrors({ assignee: "User 'ghost' does not exist.", duedate: 'Error parsing date string: 2026-02-30', priority: 'The priority selected is invalid.' }),
    )
    expect(await refused('alana', 'POST', 'issue', [])).toEqual({ status: 400, body: { errorMessages: ['The request body must be a JSON object.'], errors: {} } })
    const keyBefore = (await get('alana', 'search?jql=project%20%3D%20JJ%20ORDER%20BY%20key%20DESC&maxResults=1&fields=summary')).issues[0].key
    expect(keyBefore).toBe('JJ-10') // refusals used no key
  })
})

describe('edit', () => {
  it('PUT fields: 204, the new values, one history of what changed, updated moved', async () => {
    await ok('alana', 'PUT', 'issue/JJ-5', { fields: { summary: 'Logo colour follow-up, again', description: 'Dark & light.', labels: ['design', 'pink'] } })
    const issue = await get('alana', 'issue/JJ-5?fields=summary,description,labels,updated')
    expect(issue.fields).toEqual({ summary: 'Logo colour follow-up, again', description: 'Dark & light.', labels: ['design', 'pink'], updated: stamp() })
    const last = (await changelogOf('JJ-5')).histories.at(-1)
    expect(last).toEqual({
      id: expect.any(String),
      author: await userRef('alana'),
      created: stamp(),
      items: [
        { field: 'summary', fieldtype: 'jira', from: null, fromString: 'Logo colour follow-up', to: null, toString: 'Logo colour follow-up, again' },
        { field: 'description', fieldtype: 'jira', from: null, fromString: 'Check the new logo on light and dark backgrounds.', to: null, toString: 'Dark & light.' },
        { field: 'labels', fieldtype: 'jira', from: null, fromString: 'design logo', to: null, toString: 'design pink' },
      ],
    })
    // the parent's sub-task stub shows the new summary
    const parent = await get('alana', 'issue/JJ-3?fields=subtasks')
    expect(parent.fields.subtasks.find((s: { key: string }) => s.key === 'JJ-5').fields.summary).toBe('Logo colour follow-up, again')
    // the call records what was sent
    expect(sandbox.calls.filter((c) => c.method === 'PUT').at(-1)).toMatchObject({
      path: '/rest/api/2/issue/JJ-5',
      status: 204,
      bytes: 0,
      user: 'alana',
      body: { fields: { summary: 'Logo colour follow-up, again', description: 'Dark & light.', labels: ['design', 'pink'] } },
    })
  })

  it('priority, due date, a custom field and `update` operations; an unchanged value writes no history', async () => {
    const before = (await changelogOf('JJ-5')).total
    await ok('admin', 'PUT', 'issue/JJ-5', {
      fields: { priority: { name: 'Blocker' }, duedate: '2026-12-24', customfield_10006: 8 },
      update: { labels: [{ add: 'urgent' }, { remove: 'design' }], comment: [{ add: { body: 'Bumped.' } }] },
    })
    const issue = await get('admin', 'issue/JJ-5?fields=priority,duedate,customfield_10006,labels,comment')
    expect(issue.fields.priority.name).toBe('Blocker')
    expect(issue.fields.labels).toEqual(['pink', 'urgent'])
    expect(issue.fields.comment.comments.at(-1)).toMatchObject({ body: 'Bumped.', author: { name: 'admin' } })
    const changelog = await changelogOf('JJ-5')
    expect(changelog.total).toBe(before + 1)
    expect(changelog.histories.at(-1).items).toEqual([
      { field: 'priority', fieldtype: 'jira', from: '2', fromString: 'Critical', to: '1', toString: 'Blocker' },
      { field: 'duedate', fieldtype: 'jira', from: null, fromString: null, to: '2026-12-24', toString: '2026-12-24 00:00:00.0' },
      { field: 'Story Points', fieldtype: 'custom', from: null, fromString: '2', to: null, toString: '8' },
      { field: 'labels', fieldtype: 'jira', from: null, fromString: 'design pink', to: null, toString: 'pink urgent' },
    ])

    const updated = (await get('admin', 'issue/JJ-5?fields=updated')).fields.updated
    clock += 5000
    await ok('admin', 'PUT', 'issue/JJ-5', { fields: { priority: { id: '1' }, customfield_10006: 8 } })
    expect((await changelogOf('JJ-5')).total).toBe(before + 1)
    expect((await get('admin', 'issue/JJ-5?fields=updated')).fields.updated).toBe(updated)
    // `update` with set
    await ok('admin', 'PUT', 'issue/JJ-5', { update: { summary: [{ set: 'Set by update' }], duedate: [{ set: null }] } })
    expect((await get('admin', 'issue/JJ-5?fields=summary,duedate')).fields).toEqual({ summary: 'Set by update', duedate: null })
  })

  it('refuses an empty summary, unknown and read-only fields, bad values; nothing is changed', async () => {
    const before = await get('alana', 'issue/JJ-1?fields=summary,updated')
    const cannot = (field: string) => `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`
    expect(await refused('alana', 'PUT', 'issue/JJ-1', { fields: { summary: '' } })).toEqual(fieldErrors({ summary: 'You must specify a summary of the issue.' }))
    expect(await refused('alana', 'PUT', 'issue/JJ-1', { fields: { summary: 'x'.repeat(256) } })).toEqual(fieldErrors({ summary: 'Summary must be less than 255 characters.' }))
    expect(await refused('alana', 'PUT', 'issue/JJ-1', { fields: { summary: 'fine', nosuch: 'x' } })).toEqual(fieldErrors({ nosuch: cannot('nosuch') }))
    expect(await refused('alana', 'PUT', 'issue/JJ-1', { fields: { status: { name: 'Open' }, customfield_10007: [] } })).toEqual(
      fieldErrors({ status: cannot('status'), customfield_10007: cannot('customfield_10007') }),
    )
    expect(await refused('alana', 'PUT', 'issue/JJ-1', { fields: { labels: ['two words'], customfield_10006: 'three' } })).toEqual(
      fieldErrors({ labels: "The label 'two words' contains spaces which is invalid.", customfield_10006: 'Operation value must be a number' }),
    )
    expect(await refused('alana', 'PUT', 'issue/JJ-1', { update: { resolution: [{ set: { name: 'Done' } }] } })).toEqual(fieldErrors({ resolution: cannot('resolution') }))
    expect(await get('alana', 'issue/JJ-1?fields=summary,updated')).toEqual(before)
  })
})

describe('assignee', () => {
  it('assigns, unassigns and says so in the changelog; unknown or unassignable users are refused', async () => {
    await ok('alana', 'PUT', 'issue/JJ-4/assignee', { name: 'alana' })
    expect((await get('alana', 'issue/JJ-4?fields=assignee')).fields.assignee).toEqual(await userRef('alana'))
    await ok('alana', 'PUT', 'issue/JJ-4/assignee', { name: null })
    expect((await get('alana', 'issue/JJ-4?fields=assignee')).fields.assignee).toBeNull()
    expect((await changelogOf('JJ-4')).histories.slice(-2).map((h: { items: unknown[] }) => h.items)).toEqual([
      [{ field: 'assignee', fieldtype: 'jira', from: null, fromString: null, to: 'alana', toString: 'Alana Example' }],
      [{ field: 'assignee', fieldtype: 'jira', from: 'alana', fromString: 'Alana Example', to: null, toString: null }],
    ])
    // "-1": automatic, the project lead
    await ok('alana', 'PUT', 'issue/JJ-4/assignee', { name: '-1' })
    expect((await get('alana', 'issue/JJ-4?fields=assignee')).fields.assignee.name).toBe('admin')

    expect(await refused('alana', 'PUT', 'issue/JJ-4/assignee', { name: 'ghost' })).toEqual(fieldErrors({ assignee: "User 'ghost' does not exist." }))
    expect(await refused('admin', 'PUT', 'issue/SEC-1/assignee', { name: 'william' })).toEqual(fieldErrors({ assignee: "User 'william' cannot be assigned issues." }))
    await ok('admin', 'PUT', 'issue/SEC-1/assignee', { name: 'admin' })
  })
})

describe('permissions', () => {
  const EDIT = { status: 403, body: { errorMessages: ['You do not have permission to edit issues in this project.'], errors: {} } }
  const MISSING = { status: 404, body: { errorMessages: ['Issue Does Not Exist'], errors: {} } }

  it('william may read JJ but change nothing there', async () => {
    const before = await get('william', 'issue/JJ-1?expand=changelog')
    expect(await refused('william', 'PUT', 'issue/JJ-1', { fields: { summary: 'Mine now' } })).toEqual(EDIT)
    expect(await refused('william', 'POST', 'issue/JJ-1/transitions', { transition: { id: '41' } })).toEqual(EDIT)
    expect(await refused('william', 'PUT', 'issue/JJ-1/assignee', { name: 'william' })).toEqual(EDIT)
    expect(await refused('william', 'POST', 'issue/JJ-1/comment', { body: 'Hello' })).toEqual(EDIT)
    expect(await refused('william', 'POST', 'issue', { fields: { project: { key: 'JJ' }, issuetype: { name: 'Task' }, summary: 'x' } })).toEqual({
      status: 403,
      body: { errorMessages: ['You do not have permission to create issues in this project.'], errors: {} },
    })
    expect(await refused('william', 'POST', 'issue', { fields: { project: { key: 'BULK' }, issuetype: { name: 'Task' }, summary: 'x' } })).toMatchObject({ status: 403 })
    // and he is offered no transitions
    expect(await get('william', 'issue/JJ-1/transitions')).toEqual({ expand: 'transitions', transitions: [] })
    expect(await get('william', 'issue/JJ-1?expand=changelog')).toEqual(before)
  })

  it('an issue the caller cannot see is 404 for every write, as for GET', async () => {
    expect(await refused('alana', 'PUT', 'issue/SEC-1', { fields: { summary: 'x' } })).toEqual(MISSING)
    expect(await refused('alana', 'POST', 'issue/SEC-1/transitions', { transition: { id: '31' } })).toEqual(MISSING)
    expect(await refused('alana', 'PUT', 'issue/SEC-1/assignee', { name: 'alana' })).toEqual(MISSING)
    expect(await refused('alana', 'GET', 'issue/SEC-1/transitions', undefined)).toEqual(MISSING)
    expect(await refused('william', 'PUT', 'issue/NOPE-1', { fields: { summary: 'x' } })).toEqual(MISSING)
    // a moved issue's old key works for writes too
    await ok('alana', 'PUT', 'issue/OLD-7', { fields: { labels: ['moved'] } })
    expect((await get('alana', 'issue/JJ-7?fields=labels')).fields.labels).toEqual(['moved'])
  })

  it('writes need JSON', async () => {
    const url = `${base}/rest/api/2/issue/JJ-1`
    const res = await fetch(url, { method: 'PUT', headers: { authorization: sign('PUT', url, tokens['alana']), 'content-type': 'text/plain' }, body: '{}' })
    expect(res.status).toBe(415)
    const broken = await fetch(url, { method: 'PUT', headers: { authorization: sign('PUT', url, tokens['alana']), 'content-type': 'application/json' }, body: '{"fields":' })
    expect(broken.status).toBe(400)
    expect(sandbox.calls.at(-1)).toMatchObject({ method: 'PUT', status: 400 })
    expect(sandbox.calls.at(-1)).not.toHaveProperty('body')
  })
})
