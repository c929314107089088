// JSON builders: the nested objects JIRA embeds in issues and lists, with self URLs on this
// instance. Shapes follow the tutorial's JJ-2 payload where it has them, JIRA 8.x REST v2 elsewhere.
import type {
  ComponentRecord,
  IssueRecord,
  IssueTypeName,
  IssueTypeRecord,
  Json,
  JsonObject,
  LinkTypeRecord,
  PriorityRecord,
  ProjectRecord,
  ResolutionRecord,
  StatusRecord,
  UserRecord,
  VersionRecord,
} from './data.ts'

function avatarUrls(user: UserRecord): JsonObject {
  const avatar = (size: number) => `https://secure.gravatar.com/avatar/${user.avatarHash}?d=mm&s=${size}`
  return { '48x48': avatar(48), '24x24': avatar(24), '16x16': avatar(16), '32x32': avatar(32) }
}

export function userJson(user: UserRecord, baseUrl: string): JsonObject {
  return {
    self: `${baseUrl}/rest/api/2/user?username=${encodeURIComponent(user.name)}`,
    name: user.name,
    key: user.key,
    emailAddress: user.emailAddress,
    avatarUrls: avatarUrls(user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
  }
}

/** the short user JIRA puts in a project's `lead` (no e-mail, no time zone) */
export function userSummaryJson(user: UserRecord, baseUrl: string): JsonObject {
  return {
    self: `${baseUrl}/rest/api/2/user?username=${encodeURIComponent(user.name)}`,
    key: user.key,
    name: user.name,
    avatarUrls: avatarUrls(user),
    displayName: user.displayName,
    active: user.active,
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

/** GET priority adds the colour and description that issues leave out */
export function priorityListJson(priority: PriorityRecord, baseUrl: string): JsonObject {
  return {
    self: `${baseUrl}/rest/api/2/priority/${priority.id}`,
    statusColor: priority.statusColor ?? '#cccccc',
    description: priority.description ?? '',
    iconUrl: `${baseUrl}/images/icons/priorities/${priority.icon}`,
    name: priority.name,
    id: priority.id,
  }
}

export function resolutionJson(resolution: ResolutionRecord, baseUrl: string): JsonObject {
  return {
    self: `${baseUrl}/rest/api/2/resolution/${resolution.id}`,
    id: resolution.id,
    description: resolution.description,
    name: resolution.name,
  }
}

// The tutorial's Bug and Task, and JIRA's Story and Sub-task, for callers that only have a name.
const KNOWN_TYPES: Record<IssueTypeName, Omit<IssueTypeRecord, 'name'>> = {
  Bug: { id: '1', avatarId: 10803, description: 'A problem which impairs or prevents the functions of the product.', subtask: false },
  Task: { id: '3', avatarId: 10818, description: 'A task that needs to be done.', subtask: false },
  Story: { id: '10001', avatarId: 10815, description: 'A user story. Created by JIRA Software - do not edit or delete.', subtask: false },
  'Sub-task': { id: '5', avatarId: 10316, description: 'The sub-task of the issue', subtask: true },
}

export function issueTypeJson(type: IssueTypeName | IssueTypeRecord, baseUrl: string): JsonObject {
  const record: IssueTypeRecord = typeof type === 'string' ? { name: type, ...KNOWN_TYPES[type] } : type
  return {
    self: `${baseUrl}/rest/api/2/issuetype/${record.id}`,
    id: record.id,
    description: record.description,
    iconUrl: `${baseUrl}/secure/viewavatar?size=xsmall&avatarId=${record.avatarId}&avatarType=issuetype`,
    name: record.name,
    subtask: record.subtask,
    avatarId: record.avatarId,
  }
}

export function componentJson(component: ComponentRecord, baseUrl: string): JsonObject {
  return {
    self: `${baseUrl}/rest/api/2/component/${component.id}`,
    id: component.id,
    name: component.name,
    ...(component.description !== undefined ? { description: component.description } : {}),
  }
}

/** a version as issues embed it (fixVersions, versions); GET project adds projectId */
export function versionJson(version: VersionRecord, baseUrl: string): JsonObject {
  return {
    self: `${baseUrl}/rest/api/2/version/${version.id}`,
    id: version.id,
    ...(version.description !== undefined ? { description: version.description } : {}),
    name: version.name,
    archived: version.archived,
    released: version.released,
    ...(version.releaseDate !== undefined ? { releaseDate: version.releaseDate } : {}),
  }
}

export function linkTypeJson(type: LinkTypeRecord, baseUrl: string): JsonObject {
  return {
    id: type.id,
    name: type.name,
    inward: type.inward,
    outward: type.outward,
    self: `${baseUrl}/rest/api/2/issueLinkType/${type.id}`,
  }
}

/** The short form of an issue that links, sub-task lists and `parent` embed. */
export function issueStub(issue: IssueRecord, baseUrl: string): JsonObject {
  const pick = (id: string): Json => structuredClone(issue.fields[id] ?? null)
  return {
    id: issue.id,
    key: issue.key,
    self: `${baseUrl}/rest/api/2/issue/${issue.id}`,
    fields: { summary: pick('summary'), status: pick('status'), priority: pick('priority'), issuetype: pick('issuetype') },
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
