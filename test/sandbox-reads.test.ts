// The sandbox's read side beyond the tutorial's issue: the whole issue model (links, sub-tasks,
// versions, attachments, time tracking…), paging through thousands of generated issues, search
// expansions, and the project, user, serverInfo and catalogue resources.
import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox/index.ts'
import { oauthHeader, sandboxAccessToken } from './helpers/sandbox-signer.ts'

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
const CLOCK = Date.UTC(2024, 2, 1, 8, 30, 0)
const BULK = 2500
const CAP = 100

let sandbox: Sandbox
let base: string
const tokens: Record<string, string> = {}

function sign(method: string, url: string, token?: string, oauth?: Record<string, string>): string {
  return oauthHeader({ method, url, consumerKey: 'OAuthKey', privateKey, token, oauth, timestamp: Math.floor(CLOCK / 1000) })
}

const login = (user: string) => sandboxAccessToken(sandbox, user, sign)

beforeAll(async () => {
  sandbox = await startSandbox({
    contextPath: '/jira',
    consumers: [{ key: 'OAuthKey', name: 'Reads', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string }],
    now: () => CLOCK,
    bulkIssues: BULK,
    maxResultsCap: CAP,
  })
  base = sandbox.url
  for (const user of ['admin', 'alana', 'william']) tokens[user] = await login(user)
})
afterAll(() => sandbox.close())

/** a signed REST call as `user`; `path` below /rest/api/2/ */
async function call(user: string, path: string, init: { method?: string; json?: unknown } = {}): Promise<Response> {
  const url = `${sandbox.url}/rest/api/2/${path}`
  const method = init.method ?? 'GET'
  const headers: Record<string, string> = { authorization: sign(method, url, tokens[user]) }
  if (init.json !== undefined) headers['content-type'] = 'application/json'
  return fetch(url, { method, headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) })
}

async function get(user: string, path: string): Promise<any> {
  const res = await call(user, path)
  expect(res.status, `${path}: ${res.status}`).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8')
  return res.json()
}

const fieldsOf = async (key: string, fields: string) => (await get('alana', `issue/${key}?fields=${fields}`)).fields
/** what links, sub-task lists and parents embed of an issue, read from the issue itself */
async function stubOf(key: string): Promise<unknown> {
  const issue = await get('admin', `issue/${key}?fields=summary,status,priority,issuetype`)
  return { id: issue.id, key, self: `${base}/rest/api/2/issue/${issue.id}`, fields: issue.fields }
}

const BLOCKS = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks', self: '' }
const RELATES = { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to', self: '' }
const linkType = (type: typeof BLOCKS) => ({ ...type, self: `${base}/rest/api/2/issueLinkType/${type.id}` })

describe('the issue model', () => {
  it('links appear on both sides, with the other issue as a stub', async () => {
    expect((await fieldsOf('JJ-1', 'issuelinks')).issuelinks).toEqual([
      { id: '10100', self: `${base}/rest/api/2/issueLink/10100`, type: linkType(BLOCKS), outwardIssue: await stubOf('JJ-3') },
    ])
    expect((await fieldsOf('JJ-3', 'issuelinks')).issuelinks).toEqual([
      { id: '10100', self: `${base}/rest/api/2/issueLink/10100`, type: linkType(BLOCKS), inwardIssue: await stubOf('JJ-1') },
    ])
    expect((await fieldsOf('JJ-4', 'issuelinks')).issuelinks).toEqual([
      { id: '10101', self: `${base}/rest/api/2/issueLink/10101`, type: linkType(RELATES), outwardIssue: await stubOf('JJ-7') },
    ])
    expect((await fieldsOf('JJ-7', 'issuelinks')).issuelinks).toEqual([
      { id: '10101', self: `${base}/rest/api/2/issueLink/10101`, type: linkType(RELATES), inwardIssue: await stubOf('JJ-4') },
    ])
    const stub = (await fieldsOf('JJ-1', 'issuelinks')).issuelinks[0].outwardIssue
    expect(Object.keys(stub.fields)).toEqual(['summary', 'status', 'priority', 'issuetype'])
    expect(stub.fields.summary).toBe('Ünïcode ☃ summary')
    expect(stub.fields.status.name).toBe('In Progress')
  })

  it('a parent lists its sub-tasks; a sub-task has its parent and a sub-task type', async () => {
    expect((await fieldsOf('JJ-3', 'subtasks')).subtasks).toEqual([await stubOf('JJ-4'), await stubOf('JJ-5')])
    const subtask = await fieldsOf('JJ-4', 'parent,issuetype,subtasks')
    expect(subtask.parent).toEqual(await stubOf('JJ-3'))
    expect(subtask.subtasks).toEqual([])
    expect(subtask.issuetype).toEqual({
      self: `${base}/rest/api/2/issuetype/5`,
      id: '5',
      description: 'The sub-task of the issue',
      iconUrl: `${base}/secure/viewavatar?size=xsmall&avatarId=10316&avatarType=issuetype`,
      name: 'Sub-task',
      subtask: true,
      avatarId: 10316,
    })
    // only sub-tasks carry `parent`
    expect(await fieldsOf('JJ-3', 'parent')).toEqual({})
    // and GET field knows it, as every other field an issue carries
    const known = new Set((await get('alana', 'field')).map((f: { id: string }) => f.id))
    for (const key of ['JJ-1', 'JJ-3', 'JJ-4', 'JJ-5']) {
      for (const id of Object.keys((await get('alana', `issue/${key}`)).fields)) expect(known.has(id), `${key}.${id}`).toBe(true)
    }
  })

  it('a Done issue: resolution and date, components, fix version, votes, completed time tracking', async () => {
    const fields = await fieldsOf('JJ-1', 'resolution,resolutiondate,components,fixVersions,versions,votes,timetracking,timespent,timeestimate,timeoriginalestimate,aggregatetimespent,workratio,progress,aggregateprogress')
    expect(fields).toEqual({
      fixVersions: [{ self: `${base}/rest/api/2/version/10000`, id: '10000', description: 'First release', name: '1.0', archived: false, released: true, releaseDate: '2013-08-09' }],
      aggregatetimespent: 36000,
      resolution: { self: `${base}/rest/api/2/resolution/10000`, id: '10000', description: 'Work has been completed on this issue.', name: 'Done' },
      resolutiondate: '2013-05-28T17:40:02.310+1000',
      timespent: 36000,
      workratio: 125,
      timeestimate: 0,
      versions: [],
      components: [{ self: `${base}/rest/api/2/component/10000`, id: '10000', name: 'Administration', description: 'Project set-up and housekeeping' }],
      timeoriginalestimate: 28800,
      timetracking: { originalEstimate: '1d', remainingEstimate: '0m', timeSpent: '1d 2h', originalEstimateSeconds: 28800, remainingEstimateSeconds: 0, timeSpentSeconds: 36000 },
      aggregateprogress: { progress: 36000, total: 36000, percent: 100 },
      progress: { progress: 36000, total: 36000, percent: 100 },
      votes: { self: `${base}/rest/api/2/issue/JJ-1/votes`, votes: 2, hasVoted: false },
    })
  })

  it('an issue in progress: due date, watchers, affects and fix versions, estimates, custom fields', async () => {
    const fields = await fieldsOf('JJ-3', 'duedate,watches,versions,fixVersions,components,timetracking,progress,workratio,resolution,customfield_10006,customfield_10013,customfield_10017')
    expect(fields).toEqual({
      fixVersions: [{ self: `${base}/rest/api/2/version/10001`, id: '10001', description: 'The pink release', name: '2.0', archived: false, released: false, releaseDate: '2026-12-24' }],
      resolution: null,
      workratio: 50,
      watches: { self: `${base}/rest/api/2/issue/JJ-3/watchers`, isWatching: false, watchCount: 2 },
      versions: [{ self: `${base}/rest/api/2/version/10000`, id: '10000', description: 'First release', name: '1.0', archived: false, released: true, releaseDate: '2013-08-09' }],
      components: [{ self: `${base}/rest/api/2/component/10003`, id: '10003', name: 'i18n', description: 'Translations and unicode' }],
      timetracking: { originalEstimate: '3d', remainingEstimate: '1d 4h', timeSpent: '1d 4h', originalEstimateSeconds: 86400, remainingEstimateSeconds: 43200, timeSpentSeconds: 43200 },
      duedate: '2026-12-24',
      progress: { progress: 43200, total: 86400, percent: 50 },
      customfield_10006: 5.5,
      customfield_10013: 40,
      customfield_10017: '2016-07-01',
    })
    const names = (await get('alana', 'issue/JJ-3?fields=customfield_10013,customfield_10017&expand=names')).names
    expect(names).toEqual({ customfield_10013: 'Business Value', customfield_10017: 'Start date' })
  })

  it('attachments, with content URLs on the sandbox (encoded names) and thumbnails for images', async () => {
    const { attachment } = await fieldsOf('JJ-5', 'attachment')
    const alana = (await get('alana', 'myself')) as Record<string, unknown>
    const author = Object.fromEntries(Object.entries(alana).filter(([k]) => !['locale', 'groups', 'applicationRoles', 'expand'].includes(k)))
    expect(attachment).toEqual([
      {
        self: `${base}/rest/api/2/attachment/10200`,
        id: '10200',
        filename: 'logo-light.png',
        author,
        created: '2016-08-02T10:00:00.000+1000',
        size: 48213,
        mimeType: 'image/png',
        content: `${base}/secure/attachment/10200/logo-light.png`,
        thumbnail: `${base}/secure/thumbnail/10200/_thumb_10200.png`,
      },
      {
        self: `${base}/rest/api/2/attachment/10201`,
        id: '10201',
        filename: 'logo dark (v2).png',
        author,
        created: '2016-08-02T10:01:30.000+1000',
        size: 51877,
        mimeType: 'image/png',
        content: `${base}/secure/attachment/10201/logo%20dark%20(v2).png`,
        thumbnail: `${base}/secure/thumbnail/10201/_thumb_10201.png`,
      },
    ])
  })

  it('environment, raw and rendered; votes on a sub-task', async () => {
    const issue = await get('alana', 'issue/JJ-4?fields=environment,votes,components&expand=renderedFields')
    expect(issue.fields).toEqual({
      votes: { self: `${base}/rest/api/2/issue/JJ-4/votes`, votes: 3, hasVoted: false },
      components: [{ self: `${base}/rest/api/2/component/10002`, id: '10002', name: 'Search' }],
      environment: 'Firefox 47 & Chrome 52 on <Windows 10>',
    })
    expect(issue.renderedFields).toEqual({ votes: null, components: null, environment: '<p>Firefox 47 &amp; Chrome 52 on &lt;Windows 10&gt;</p>' })
  })

  it('expand=transitions: what the caller may do now (nothing for a read-only user)', async () => {
    const statuses = await get('admin', 'status')
    const status = (name: string) => statuses.find((s: { name: string }) => s.name === name)
    const issue = await get('alana', 'issue/JJ-3?fields=status&expand=transitions')
    expect(Object.keys(issue)).toEqual(['expand', 'id', 'self', 'key', 'fields', 'transitions'])
    expect(issue.transitions).toEqual([
      { id: '11', name: 'Stop Progress', to: status('Open') },
      { id: '31', name: 'Done', to: status('Done') },
    ])
    expect((await get('alana', 'issue/JJ-1?fields=status&expand=transitions')).transitions).toEqual([{ id: '41', name: 'Reopen', to: status('Open') }])
    expect((await get('william', 'issue/JJ-3?fields=status&expand=transitions')).transitions).toEqual([])
  })
})

describe('search over the BULK project', () => {
  const keys = (answer: { issues: Array<{ key: string }> }) => answer.issues.map((issue) => issue.key)
  const search = (user: string, params: Record<string, string>) => get(user, `search?${new URLSearchParams(params)}`)

  it(`pages through ${BULK} issues with a cap of ${CAP}: each key exactly once, in numeric key order`, async () => {
    const seen: string[] = []
    for (let startAt = 0; ; ) {
      const page = await search('alana', { jql: 'project = BULK ORDER BY key', startAt: String(startAt), maxResults: '1000', fields: 'summary' })
      expect(page).toMatchObject({ startAt, maxResults: CAP, total: BULK })
      if (page.issues.length === 0) break
      seen.push(...keys(page))
      startAt += page.maxResults
    }
    expect(seen).toHaveLength(BULK)
    expect(new Set(seen).size).toBe(BULK)
    expect(seen).toEqual(Array.from({ length: BULK }, (_, i) => `BULK-${i + 1}`))
  })

  it('startAt past the end: no issues, exact total; maxResults says the effective size', async () => {
    expect(await search('alana', { jql: 'project = BULK', startAt: '5000', maxResults: '10' })).toEqual({ expand: 'schema,names', startAt: 5000, maxResults: 10, total: BULK, issues: [] })
    const last = await search('alana', { jql: 'project = BULK ORDER BY key', startAt: String(BULK - 3), fields: 'summary' })
    expect(last).toMatchObject({ startAt: BULK - 3, maxResults: 50, total: BULK })
    expect(keys(last)).toEqual([`BULK-${BULK - 2}`, `BULK-${BULK - 1}`, `BULK-${BULK}`])
    expect((await search('alana', { jql: 'project = BULK', maxResults: '0' })).maxResults).toBe(0)
  })

  it('orders keys numerically within a project, both ways; by created too', async () => {
    expect(keys(await search('alana', { jql: 'key in (BULK-10, BULK-2, BULK-1, BULK-100, JJ-10, JJ-2) ORDER BY key' }))).toEqual(['BULK-1', 'BULK-2', 'BULK-10', 'BULK-100', 'JJ-2'])
    expect(keys(await search('alana', { jql: 'project = BULK ORDER BY key DESC', maxResults: '3' }))).toEqual(['BULK-2500', 'BULK-2499', 'BULK-2498'])
    expect(keys(await search('alana', { jql: 'project = BULK ORDER BY created DESC', maxResults: '2' }))).toEqual(['BULK-2500', 'BULK-2499'])
  })

  it('generated issues: deterministic summary, times and cycling status', async () => {
    const answer = await search('alana', { jql: 'key in (BULK-1, BULK-2, BULK-3) ORDER BY key', fields: 'summary,status,created,updated,resolution,resolutiondate,labels,customfield_10006' })
    const view = answer.issues.map((issue: any) => ({
      key: issue.key,
      summary: issue.fields.summary,
      status: issue.fields.status.name,
      created: issue.fields.created,
      updated: issue.fields.updated,
      resolution: issue.fields.resolution?.name ?? null,
      resolutiondate: issue.fields.resolutiondate,
      labels: issue.fields.labels,
      points: issue.fields.customfield_10006,
    }))
    expect(view).toEqual([
      { key: 'BULK-1', summary: 'Bulk issue 1', status: 'Open', created: '2020-01-01T01:00:00.000+0000', updated: '2020-01-01T01:30:00.000+0000', resolution: null, resolutiondate: null, labels: ['bulk'], points: 1 },
      { key: 'BULK-2', summary: 'Bulk issue 2', status: 'In Progress', created: '2020-01-01T02:00:00.000+0000', updated: '2020-01-01T02:30:00.000+0000', resolution: null, resolutiondate: null, labels: ['bulk'], points: 2 },
      { key: 'BULK-3', summary: 'Bulk issue 3', status: 'Done', created: '2020-01-01T03:00:00.000+0000', updated: '2020-01-01T03:30:00.000+0000', resolution: 'Done', resolutiondate: '2020-01-01T03:30:00.000+0000', labels: ['bulk'], points: 3 },
    ])
    expect((await search('alana', { jql: 'project = BULK AND status = Done', maxResults: '0' })).total).toBe(833)
    // BULK is visible to everyone; the fixtures of JJ are still all there
    expect((await search('william', { jql: 'project = BULK', maxResults: '0' })).total).toBe(BULK)
    expect((await search('alana', { jql: 'project = JJ', maxResults: '0' })).total).toBe(6)
  })

  it('POST: fields as a list, expand as a comma string, validateQuery ignored; the call records the body', async () => {
    sandbox.resetCalls()
    const body = { jql: 'key in (JJ-3, BULK-7) ORDER BY key', startAt: 0, maxResults: 5, fields: ['summary', 'status'], expand: 'names,transitions', validateQuery: 'strict' }
    const res = await call('alana', 'search', { method: 'POST', json: body })
    expect(res.status).toBe(200)
    const answer = await res.json()
    expect(keys(answer)).toEqual(['BULK-7', 'JJ-3'])
    expect(answer.names).toEqual({ summary: 'Summary', status: 'Status' })
    expect(answer.issues.map((issue: any) => issue.transitions.map((t: { id: string }) => t.id))).toEqual([['21'], ['11', '31']])
    expect(Object.keys(answer.issues[0].fields)).toEqual(['status', 'summary'])
    expect(sandbox.calls).toEqual([{ method: 'POST', path: '/rest/api/2/search', query: {}, status: 200, bytes: expect.any(Number), user: 'alana', body }])

    const arrays = await call('alana', 'search', { method: 'POST', json: { jql: 'key = JJ-7', fields: ['summary'], expand: ['changelog', 'renderedFields'] } })
    const moved = (await arrays.json()).issues[0]
    expect(moved.changelog.total).toBe(1)
    expect(moved.changelog.histories[0].items[0]).toMatchObject({ field: 'Key', fromString: 'OLD-7', toString: 'JJ-7' })
    expect(moved.renderedFields).toEqual({ summary: null })
  })
})

describe('projects, users, serverInfo and the catalogues', () => {
  it('GET project: the visible projects, by name', async () => {
    const jj = {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: `${base}/rest/api/2/project/10200`,
      id: '10200',
      key: 'JJ',
      name: 'JIRA Junior',
      avatarUrls: {
        '48x48': `${base}/secure/projectavatar?pid=10200&avatarId=10700`,
        '24x24': `${base}/secure/projectavatar?size=small&pid=10200&avatarId=10700`,
        '16x16': `${base}/secure/projectavatar?size=xsmall&pid=10200&avatarId=10700`,
        '32x32': `${base}/secure/projectavatar?size=medium&pid=10200&avatarId=10700`,
      },
      projectTypeKey: 'software',
      archived: false,
    }
    const forAlana = await get('alana', 'project')
    expect(forAlana.map((p: { key: string }) => p.key)).toEqual(['BULK', 'JJ'])
    expect(forAlana[1]).toEqual(jj)
    expect(forAlana[0]).toMatchObject({ key: 'BULK', name: 'Bulk', projectTypeKey: 'business' })
    expect((await get('admin', 'project')).map((p: { key: string }) => p.key)).toEqual(['BULK', 'JJ', 'SEC'])
  })

  it('GET project/{key or id}: lead, components, versions, issue types; hidden or unknown → 404', async () => {
    const project = await get('alana', 'project/JJ')
    expect(Object.keys(project)).toEqual([
      'expand', 'self', 'id', 'key', 'description', 'lead', 'components', 'issueTypes', 'assigneeType', 'versions', 'name', 'avatarUrls', 'projectKeys', 'projectTypeKey', 'archived',
    ])
    expect(project).toMatchObject({ id: '10200', key: 'JJ', name: 'JIRA Junior', description: 'The JIRA Junior project of the OAuth tutorial.', assigneeType: 'UNASSIGNED', projectKeys: ['JJ'] })
    expect(project.lead).toEqual({
      self: `${base}/rest/api/2/user?username=admin`,
      key: 'admin',
      name: 'admin',
      avatarUrls: {
        '48x48': 'https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=48',
        '24x24': 'https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=24',
        '16x16': 'https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=16',
        '32x32': 'https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=32',
      },
      displayName: 'Administrator',
      active: true,
    })
    expect(project.components.map((c: { name: string }) => c.name)).toEqual(['Administration', 'Branding', 'Search', 'i18n'])
    expect(project.components[2]).toEqual({ self: `${base}/rest/api/2/component/10002`, id: '10002', name: 'Search', isAssigneeTypeValid: false })
    expect(project.versions).toEqual([
      { self: `${base}/rest/api/2/version/10000`, id: '10000', description: 'First release', name: '1.0', archived: false, released: true, releaseDate: '2013-08-09', projectId: 10200 },
      { self: `${base}/rest/api/2/version/10001`, id: '10001', description: 'The pink release', name: '2.0', archived: false, released: false, releaseDate: '2026-12-24', projectId: 10200 },
      { self: `${base}/rest/api/2/version/10002`, id: '10002', name: '3.0', archived: false, released: false, projectId: 10200 },
    ])
    expect(project.issueTypes.map((t: { name: string; subtask: boolean }) => [t.name, t.subtask])).toEqual([['Bug', false], ['Task', false], ['Story', false], ['Sub-task', true]])
    expect(await get('alana', 'project/10200')).toEqual(project)
    expect(await get('alana', 'project/jj')).toEqual(project)

    for (const [who, idOrKey, message] of [
      ['alana', 'SEC', "No project could be found with key 'SEC'."],
      ['alana', 'NOPE', "No project could be found with key 'NOPE'."],
      ['alana', '10300', "No project could be found with id '10300'."],
    ] as const) {
      const res = await call(who, `project/${idOrKey}`)
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual({ errorMessages: [message], errors: {} })
    }
    expect((await get('admin', 'project/SEC')).lead.name).toBe('admin')
  })

  it('GET user?username=: anyone; unknown → 404', async () => {
    expect(await get('alana', 'user?username=william')).toEqual({
      self: `${base}/rest/api/2/user?username=william`,
      name: 'william',
      key: 'william',
      emailAddress: 'william@example.com',
      avatarUrls: {
        '48x48': 'https://secure.gravatar.com/avatar/9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f?d=mm&s=48',
        '24x24': 'https://secure.gravatar.com/avatar/9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f?d=mm&s=24',
        '16x16': 'https://secure.gravatar.com/avatar/9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f?d=mm&s=16',
        '32x32': 'https://secure.gravatar.com/avatar/9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f?d=mm&s=32',
      },
      displayName: 'William Example',
      active: true,
      timeZone: 'Europe/Berlin',
      locale: 'en_AU',
      groups: { size: 0, items: [] },
      applicationRoles: { size: 0, items: [] },
      expand: 'groups,applicationRoles',
    })
    expect((await get('william', 'user?username=ADMIN')).name).toBe('admin')
    expect((await get('william', 'user?key=alana')).name).toBe('alana')
    for (const [query, name] of [['username=ghost', 'ghost'], ['', 'null']]) {
      const res = await call('alana', `user?${query}`)
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual({ errorMessages: [`The user named '${name}' does not exist`], errors: {} })
    }
  })

  it('GET serverInfo answers without authentication; signed, it is checked and answered as the user', async () => {
    const expected = {
      baseUrl: base,
      version: '8.20.10',
      versionNumbers: [8, 20, 10],
      deploymentType: 'Server',
      buildNumber: 820010,
      buildDate: '2022-06-21T00:00:00.000+0000',
      serverTime: '2024-03-01T08:30:00.000+0000',
      scmInfo: '3a2c0b1f8b9e6d4c5a7f2e1d0c9b8a7f6e5d4c3b',
      serverTitle: 'Sandbox JIRA',
    }
    sandbox.resetCalls()
    const anonymous = await fetch(`${base}/rest/api/2/serverInfo`)
    expect(anonymous.status).toBe(200)
    expect(await anonymous.json()).toEqual(expected)
    expect(await get('william', 'serverInfo')).toEqual(expected)
    expect(await (await fetch(`${base}/rest/api/latest/serverInfo`)).json()).toEqual(expected)
    const badToken = await fetch(`${base}/rest/api/2/serverInfo`, { headers: { authorization: sign('GET', `${base}/rest/api/2/serverInfo`, 'not-a-token') } })
    expect(badToken.status).toBe(401)
    expect(sandbox.calls.map((c) => [c.path, c.status, c.user])).toEqual([
      ['/rest/api/2/serverInfo', 200, undefined],
      ['/rest/api/2/serverInfo', 200, 'william'],
      ['/rest/api/latest/serverInfo', 200, undefined],
      ['/rest/api/2/serverInfo', 401, undefined],
    ])
    // everything else still needs a token
    expect((await fetch(`${base}/rest/api/2/project`)).status).toBe(401)
  })

  it('GET priority, status, issuetype, resolution', async () => {
    const priorities = await get('william', 'priority')
    expect(priorities.map((p: { name: string }) => p.name)).toEqual(['Blocker', 'Critical', 'Major', 'Minor', 'Trivial'])
    expect(priorities[2]).toEqual({
      self: `${base}/rest/api/2/priority/3`,
      statusColor: '#009900',
      description: 'Major loss of function.',
      iconUrl: `${base}/images/icons/priorities/major.svg`,
      name: 'Major',
      id: '3',
    })
    const statuses = await get('william', 'status')
    expect(statuses.map((s: { id: string; name: string }) => [s.id, s.name])).toEqual([['1', 'Open'], ['3', 'In Progress'], ['10001', 'Done']])
    expect(statuses[0]).toEqual((await fieldsOf('JJ-2', 'status')).status)
    const types = await get('william', 'issuetype')
    expect(types.map((t: { id: string; name: string }) => [t.id, t.name])).toEqual([['1', 'Bug'], ['3', 'Task'], ['10001', 'Story'], ['5', 'Sub-task']])
    expect(types[0]).toEqual((await fieldsOf('JJ-2', 'issuetype')).issuetype)
    const resolutions = await get('william', 'resolution')
    expect(resolutions.map((r: { name: string }) => r.name)).toEqual(['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce'])
    expect(resolutions[0]).toEqual((await fieldsOf('JJ-1', 'resolution')).resolution)
  })
})
