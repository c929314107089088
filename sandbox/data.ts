// The sandbox's JIRA content: people, projects, statuses, priorities, resolutions, issue types,
// link types, fields and issues, as the plain JSON-shaped objects JIRA's REST API serves.
// createSandboxData builds a fresh, unshared copy for every sandbox instance (self URLs point at
// that instance), so tests can mutate it freely. The JSON builders live in json.ts.
import { FIELD_DEFINITIONS, type FieldDefinition } from './fixtures/fields.ts'
import { bulkIssueFixtures } from './fixtures/bulk.ts'
import { ISSUE_FIXTURES, MOVED_KEYS } from './fixtures/issues.ts'
import { buildIssue, wireRelations } from './issue-build.ts'

// The builders used to live here; re-exported so existing imports keep working.
export { issueTypeJson, jiraTimestamp, parseJiraTimestamp, priorityJson, projectJson, statusJson, userJson } from './json.ts'

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

export interface ComponentRecord {
  id: string
  name: string
  description?: string
}

export interface VersionRecord {
  id: string
  name: string
  description?: string
  released: boolean
  archived: boolean
  /** YYYY-MM-DD */
  releaseDate?: string
}

export interface ProjectRecord {
  id: string
  key: string
  name: string
  avatarId: number
  /** user names allowed to browse the project; 'everyone' for a public project */
  browsers: 'everyone' | string[]
  /**
   * user names allowed to create, edit, transition, assign and comment on its issues (they must
   * also be browsers); absent: whoever may browse
   */
  editors?: 'everyone' | string[]
  /** user name of the project lead */
  lead?: string
  description?: string
  /** 'software' or 'business', as JIRA's project types */
  projectTypeKey?: string
  components?: ComponentRecord[]
  versions?: VersionRecord[]
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
  /** what GET priority says about it (not embedded in issues) */
  description?: string
  statusColor?: string
}

export interface ResolutionRecord {
  id: string
  name: string
  description: string
}

export type IssueTypeName = 'Bug' | 'Task' | 'Story' | 'Sub-task'

export interface IssueTypeRecord {
  id: string
  name: IssueTypeName
  description: string
  avatarId: number
  subtask: boolean
}

export interface LinkTypeRecord {
  id: string
  name: string
  inward: string
  outward: string
}

export interface ChangelogHistory {
  id: string
  author: JsonObject
  created: string
  items: JsonObject[]
}

/** One issue as stored: `fields` is exactly what REST serves, kept current by every write. */
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
  resolutions: ResolutionRecord[]
  issueTypes: IssueTypeRecord[]
  linkTypes: LinkTypeRecord[]
  fields: FieldDefinition[]
  issues: IssueRecord[]
  /** keys an issue had before it was moved to another project → its current key */
  movedKeys: Map<string, string>
}

export interface SandboxDataOptions {
  /** how many generated BULK-n issues to add (default 0) */
  bulkIssues?: number
}

export const USERS: readonly UserRecord[] = [
  // hashes of admin and alana as in the tutorial's JJ-2 payload
  { key: 'admin', name: 'admin', displayName: 'Administrator', emailAddress: 'admin@example.com', timeZone: 'Australia/Sydney', avatarHash: '4beac5df66a475580809e0', active: true },
  { key: 'alana', name: 'alana', displayName: 'Alana Example', emailAddress: 'alana@example.com', timeZone: 'Australia/Sydney', avatarHash: 'b259e2a7fd37a83b02015192ee247e96', active: true },
  { key: 'william', name: 'william', displayName: 'William Example', emailAddress: 'william@example.com', timeZone: 'Europe/Berlin', avatarHash: '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f', active: true },
]

// william may look at JJ and BULK but not change anything there: the read-only user of the tests.
export const PROJECTS: readonly ProjectRecord[] = [
  {
    id: '10200',
    key: 'JJ',
    name: 'JIRA Junior',
    avatarId: 10700,
    browsers: 'everyone',
    editors: ['admin', 'alana'],
    lead: 'admin',
    description: 'The JIRA Junior project of the OAuth tutorial.',
    projectTypeKey: 'software',
    components: [
      { id: '10000', name: 'Administration', description: 'Project set-up and housekeeping' },
      { id: '10001', name: 'Branding', description: 'Logo, colours and fonts' },
      { id: '10002', name: 'Search' },
      { id: '10003', name: 'i18n', description: 'Translations and unicode' },
    ],
    versions: [
      { id: '10000', name: '1.0', description: 'First release', released: true, archived: false, releaseDate: '2013-08-09' },
      { id: '10001', name: '2.0', description: 'The pink release', released: false, archived: false, releaseDate: '2026-12-24' },
      { id: '10002', name: '3.0', released: false, archived: false },
    ],
  },
  { id: '10300', key: 'SEC', name: 'Security', avatarId: 10701, browsers: ['admin'], lead: 'admin', description: 'Security issues: the administrator only.', projectTypeKey: 'software' },
  { id: '10400', key: 'BULK', name: 'Bulk', avatarId: 10702, browsers: 'everyone', editors: ['admin', 'alana'], lead: 'alana', description: 'Generated issues for paging tests.', projectTypeKey: 'business' },
]

export const STATUSES: readonly StatusRecord[] = [
  { id: '1', name: 'Open', description: 'The issue is open and ready for the assignee to start work on it.', icon: 'open.png', category: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } },
  { id: '3', name: 'In Progress', description: 'This issue is being actively worked on at the moment by the assignee.', icon: 'inprogress.png', category: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' } },
  { id: '10001', name: 'Done', description: 'Work on this issue is complete.', icon: 'generic.png', category: { id: 3, key: 'done', colorName: 'green', name: 'Done' } },
]

/** JIRA's default priorities; a lower id is a higher priority */
export const PRIORITIES: readonly PriorityRecord[] = [
  { id: '1', name: 'Blocker', icon: 'blocker.svg', description: 'Blocks development and/or testing work, production could not run.', statusColor: '#cc0000' },
  { id: '2', name: 'Critical', icon: 'critical.svg', description: 'Crashes, loss of data, severe memory leak.', statusColor: '#ff0000' },
  { id: '3', name: 'Major', icon: 'major.svg', description: 'Major loss of function.', statusColor: '#009900' },
  { id: '4', name: 'Minor', icon: 'minor.svg', description: 'Minor loss of function, or other problem where easy workaround is present.', statusColor: '#006600' },
  { id: '5', name: 'Trivial', icon: 'trivial.svg', description: 'Cosmetic problem like misspelt words or misaligned text.', statusColor: '#003300' },
]

/** JIRA Software's resolutions; Done is what the workflow sets when none is given */
export const RESOLUTIONS: readonly ResolutionRecord[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed, or not enough information was available to reproduce the issue.' },
]

/** ids and avatars as on the tutorial's JIRA (Bug, Task) and JIRA's defaults (Sub-task, Story) */
export const ISSUE_TYPES: readonly IssueTypeRecord[] = [
  { id: '1', name: 'Bug', description: 'A problem which impairs or prevents the functions of the product.', avatarId: 10803, subtask: false },
  { id: '3', name: 'Task', description: 'A task that needs to be done.', avatarId: 10818, subtask: false },
  { id: '10001', name: 'Story', description: 'A user story. Created by JIRA Software - do not edit or delete.', avatarId: 10815, subtask: false },
  { id: '5', name: 'Sub-task', description: 'The sub-task of the issue', avatarId: 10316, subtask: true },
]

/** JIRA's default link types */
export const LINK_TYPES: readonly LinkTypeRecord[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
]

export function findUser(data: { users: UserRecord[] }, name: string): UserRecord | undefined {
  const lower = name.toLowerCase()
  return data.users.find((u) => u.name.toLowerCase() === lower)
}

/** a fresh copy of everything, self URLs on `baseUrl` */
export function createSandboxData(baseUrl: string, options: SandboxDataOptions = {}): SandboxData {
  const data: SandboxData = {
    baseUrl,
    users: USERS.map((u) => ({ ...u })),
    projects: PROJECTS.map((p) => structuredClone(p)),
    statuses: STATUSES.map((s) => ({ ...s, category: { ...s.category } })),
    priorities: PRIORITIES.map((p) => ({ ...p })),
    resolutions: RESOLUTIONS.map((r) => ({ ...r })),
    issueTypes: ISSUE_TYPES.map((t) => ({ ...t })),
    linkTypes: LINK_TYPES.map((t) => ({ ...t })),
    fields: structuredClone(FIELD_DEFINITIONS) as FieldDefinition[],
    issues: [],
    movedKeys: new Map(Object.entries(MOVED_KEYS)),
  }
  const fixtures = [...ISSUE_FIXTURES, ...bulkIssueFixtures(options.bulkIssues ?? 0)]
  data.issues = fixtures.map((fixture) => buildIssue(fixture, data))
  // parents, sub-tasks and links embed each other's summary and status: built once all exist
  wireRelations(fixtures, data)
  return data
}
