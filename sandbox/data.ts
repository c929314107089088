// The sandbox's JIRA content: people, projects, statuses, priorities, fields and issues, as the
// plain JSON-shaped objects JIRA's REST API serves. createSandboxData builds a fresh, unshared copy
// for every sandbox instance (self URLs point at that instance), so tests can mutate it freely.
import { FIELD_DEFINITIONS, type FieldDefinition } from './fixtures/fields.ts'
import { ISSUE_FIXTURES, MOVED_KEYS, type IssueFixture } from './fixtures/issues.ts'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export interface UserRecord {
  key: string
  name: string
  displayName: string
  emailAddress: string
  timeZone: string
  /** gravatar hash the avatar URLs are built from (as in the tutorial's payload) */
  avatarHash: string
  active: boolean
}

export interface ProjectRecord {
  id: string
  key: string
  name: string
  avatarId: number
  /** user names allowed to browse the project; 'everyone' for a public project */
  browsers: 'everyone' | string[]
}

export interface StatusRecord {
  id: string
  name: string
  description: string
  icon: string
  category: { id: number; key: string; colorName: string; name: string }
}

export interface PriorityRecord {
  id: string
  name: string
  icon: string
}

export interface ChangelogHistory {
  id: string
  author: JsonObject
  created: string
  items: JsonObject[]
}

/** One issue as stored: `fields` is exactly what REST serves (mutable, for later create/update/transition work). */
export interface IssueRecord {
  id: string
  key: string
  fields: JsonObject
  changelog: ChangelogHistory[]
}

export interface SandboxData {
  baseUrl: string
  users: UserRecord[]
  projects: ProjectRecord[]
  statuses: StatusRecord[]
  priorities: PriorityRecord[]
  fields: FieldDefinition[]
  issues: IssueRecord[]
  /** keys an issue had before it was moved to another project → its current key */
  movedKeys: Map<string, string>
}

export const USERS: readonly UserRecord[] = [
  // hashes of admin and alana as in the tutorial's JJ-2 payload
  { key: 'admin', name: 'admin', displayName: 'Administrator', emailAddress: 'admin@example.com', timeZone: 'Australia/Sydney', avatarHash: '4beac5df66a475580809e0', active: true },
  { key: 'alana', name: 'alana', displayName: 'Alana Example', emailAddress: 'alana@example.com', timeZone: 'Australia/Sydney', avatarHash: 'b259e2a7fd37a83b02015192ee247e96', active: true },
  { key: 'william', name: 'william', displayName: 'William Example', emailAddress: 'william@example.com', timeZone: 'Europe/Berlin', avatarHash: '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f', active: true },
]

export const PROJECTS: readonly ProjectRecord[] = [
  { id: '10200', key: 'JJ', name: 'JIRA Junior', avatarId: 10700, browsers: 'everyone' },
  { id: '10300', key: 'SEC', name: 'Security', avatarId: 10701, browsers: ['admin'] },
]

export const STATUSES: readonly StatusRecord[] = [
  { id: '1', name: 'Open', description: 'The issue is open and ready for the assignee to start work on it.', icon: 'open.png', category: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } },
  { id: '3', name: 'In Progress', description: 'This issue is being actively worked on at the moment by the assignee.', icon: 'inprogress.png', category: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' } },
  { id: '10001', name: 'Done', description: 'Work on this issue is complete.', icon: 'generic.png', category: { id: 3, key: 'done', colorName: 'green', name: 'Done' } },
]

/** JIRA's default priorities; a lower id is a higher priority */
export const PRIORITIES: readonly PriorityRecord[] = [
  { id: '1', name: 'Blocker', icon: 'blocker.svg' },
  { id: '2', name: 'Critical', icon: 'critical.svg' },
  { id: '3', name: 'Major', icon: 'major.svg' },
  { id: '4', name: 'Minor', icon: 'minor.svg' },
  { id: '5', name: 'Trivial', icon: 'trivial.svg' },
]

// ---- JSON builders: the nested objects JIRA embeds in issues, with self URLs on this instance ----

export function userJson(user: UserRecord, baseUrl: string): JsonObject {
  const avatar = (size: number) => `https://secure.gravatar.com/avatar/${user.avatarHash}?d=mm&s=${size}`
  return {
    self: `${baseUrl}/rest/api/2/user?username=${encodeURIComponent(user.name)}`,
    name: user.name,
    key: user.key,
    emailAddress: user.emailAddress,
    avatarUrls: { '48x48': avatar(48), '24x24': avatar(24), '16x16': avatar(16), '32x32': avatar(32) },
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
  }
}

export function projectJson(project: ProjectRecord, baseUrl: string): JsonObject {
  const avatar = (size: string) =>
    `${baseUrl}/secure/projectavatar?${size === '' ? '' : `size=${size}&`}pid=${project.id}&avatarId=${project.avatarId}`
  return {
    self: `${baseUrl}/rest/api/2/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    avatarUrls: { '48x48': avatar(''), '24x24': avatar('small'), '16x16': avatar('xsmall'), '32x32': avatar('medium') },
  }
}

export function statusJson(status: StatusRecord, baseUrl: string): JsonObject {
  return {
    self: `${baseUrl}/rest/api/2/status/${status.id}`,
    description: status.description,
    iconUrl: `${baseUrl}/images/icons/statuses/${status.icon}`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${baseUrl}/rest/api/2/statuscategory/${status.category.id}`,
      id: status.category.id,
      key: status.category.key,
      colorName: status.category.colorName,
      name: status.category.name,
    },
  }
}

export function priorityJson(priority: PriorityRecord, baseUrl: string): JsonObject {
  return {
    self: `${baseUrl}/rest/api/2/priority/${priority.id}`,
    iconUrl: `${baseUrl}/images/icons/priorities/${priority.icon}`,
    name: priority.name,
    id: priority.id,
  }
}

export function issueTypeJson(name: 'Bug' | 'Task' | 'Story', baseUrl: string): JsonObject {
  const types = {
    Bug: { id: '1', avatarId: 10803, description: 'A problem which impairs or prevents the functions of the product.' },
    Task: { id: '3', avatarId: 10818, description: 'A task that needs to be done.' },
    Story: { id: '10001', avatarId: 10815, description: 'A user story. Created by JIRA Software - do not edit or delete.' },
  } as const
  const type = types[name]
  return {
    self: `${baseUrl}/rest/api/2/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${baseUrl}/secure/viewavatar?size=xsmall&avatarId=${type.avatarId}&avatarType=issuetype`,
    name,
    subtask: false,
    avatarId: type.avatarId,
  }
}

/** JIRA's timestamp format, e.g. 2013-05-29T13:56:24.224+1000; written in UTC for new content */
export function jiraTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000')
}

/** parses JIRA's timestamp format (offset without colon) */
export function parseJiraTimestamp(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
}

export function findUser(data: { users: UserRecord[] }, name: string): UserRecord | undefined {
  const lower = name.toLowerCase()
  return data.users.find((u) => u.name.toLowerCase() === lower)
}

/** a fresh copy of everything, self URLs on `baseUrl` */
export function createSandboxData(baseUrl: string): SandboxData {
  const data: SandboxData = {
    baseUrl,
    users: USERS.map((u) => ({ ...u })),
    projects: PROJECTS.map((p) => ({ ...p, browsers: p.browsers === 'everyone' ? 'everyone' : [...p.browsers] })),
    statuses: STATUSES.map((s) => ({ ...s, category: { ...s.category } })),
    priorities: PRIORITIES.map((p) => ({ ...p })),
    fields: structuredClone(FIELD_DEFINITIONS) as FieldDefinition[],
    issues: [],
    movedKeys: new Map(Object.entries(MOVED_KEYS)),
  }
  data.issues = ISSUE_FIXTURES.map((fixture) => buildIssue(fixture, data))
  return data
}

function buildIssue(fixture: IssueFixture, data: SandboxData): IssueRecord {
  const { baseUrl } = data
  const user = (name: string | null): Json => {
    if (name === null) return null
    const found = findUser(data, name)
    if (!found) throw new Error(`fixture refers to unknown user ${name}`)
    return userJson(found, baseUrl)
  }
  const project = data.projects.find((p) => p.key === fixture.key.split('-')[0])
  const status = data.statuses.find((s) => s.name === fixture.status)
  const priority = data.priorities.find((p) => p.name === fixture.priority)
  if (!project || !status || !priority) throw new Error(`fixture ${fixture.key} refers to unknown project/status/priority`)

  const comments: Json[] = fixture.comments.map((c) => ({
    self: `${baseUrl}/rest/api/2/issue/${fixture.id}/comment/${c.id}`,
    id: c.id,
    author: user(c.author),
    body: c.body,
    updateAuthor: user(c.author),
    created: c.created,
    updated: c.updated ?? c.created,
  }))
  const resolved = status.category.key === 'done'

  // Field order follows the tutorial's JJ-2 payload; `extra` carries fixture-specific values
  // (custom fields, lastViewed…) verbatim.
  const fields: JsonObject = {
    issuetype: issueTypeJson(fixture.issuetype, baseUrl),
    timespent: null,
    project: projectJson(project, baseUrl),
    fixVersions: [],
    aggregatetimespent: null,
    resolution: resolved
      ? { self: `${baseUrl}/rest/api/2/resolution/10000`, id: '10000', description: 'Work has been completed on this issue.', name: 'Done' }
      : null,
    resolutiondate: resolved ? fixture.updated : null,
    workratio: -1,
    lastViewed: null,
    watches: { self: `${baseUrl}/rest/api/2/issue/${fixture.key}/watchers`, isWatching: false, watchCount: 0 },
    created: fixture.created,
    priority: priorityJson(priority, baseUrl),
    labels: [...fixture.labels],
    timeestimate: null,
    aggregatetimeoriginalestimate: null,
    versions: [],
    issuelinks: [],
    assignee: user(fixture.assignee),
    updated: fixture.updated,
    status: statusJson(status, baseUrl),
    components: [],
    timeoriginalestimate: null,
    description: fixture.description,
    timetracking: {},
    attachment: [],
    aggregatetimeestimate: null,
    summary: fixture.summary,
    creator: user(fixture.reporter),
    subtasks: [],
    reporter: user(fixture.reporter),
    aggregateprogress: { total: 0, progress: 0 },
    environment: null,
    duedate: null,
    progress: { total: 0, progress: 0 },
    comment: { comments, maxResults: comments.length, total: comments.length, startAt: 0 },
    votes: { self: `${baseUrl}/rest/api/2/issue/${fixture.key}/votes`, votes: 0, hasVoted: false },
  }
  // every custom field exists on every issue (null when unset), as JIRA serves them
  for (const field of data.fields) if (field.custom) fields[field.id] = null
  Object.assign(fields, structuredClone(fixture.extra(baseUrl)))

  const changelog: ChangelogHistory[] = fixture.changelog.map((h) => ({
    id: h.id,
    author: userJson(findUser(data, h.author) ?? data.users[0]!, baseUrl),
    created: h.created,
    items: h.items.map((i) => ({ ...i })),
  }))
  return { id: fixture.id, key: fixture.key, fields, changelog }
}
