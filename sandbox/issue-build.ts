// Turning an issue fixture (hand-written, generated or created over REST) into the stored issue,
// and keeping the issue stubs that other issues embed (parent, sub-tasks, links) current.
import type { ChangelogHistory, IssueRecord, Json, JsonObject, SandboxData, UserRecord } from './data.ts'
import type { IssueFixture } from './fixtures/issues.ts'
import {
  componentJson,
  issueStub,
  issueTypeJson,
  linkTypeJson,
  priorityJson,
  projectJson,
  resolutionJson,
  statusJson,
  userJson,
  versionJson,
} from './json.ts'

/** JIRA's time tracking defaults: a week is 5 days, a day 8 hours */
const UNIT_SECONDS: Record<string, number> = { w: 5 * 8 * 3600, d: 8 * 3600, h: 3600, m: 60 }

/** seconds of a JIRA duration such as `1d 4h` or `0m`; throws on anything else */
export function durationSeconds(text: string): number {
  const parts = text.trim().split(/\s+/)
  let seconds = 0
  for (const part of parts) {
    const match = /^(\d+)([wdhm])$/.exec(part)
    if (!match) throw new Error(`not a JIRA duration: ${text}`)
    seconds += Number(match[1]) * UNIT_SECONDS[match[2]!]!
  }
  return seconds
}

function lookUpUser(data: SandboxData, name: string): UserRecord {
  const lower = name.toLowerCase()
  const found = data.users.find((u) => u.name.toLowerCase() === lower)
  if (!found) throw new Error(`fixture refers to unknown user ${name}`)
  return found
}

export function projectKeyOf(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'))
}

export function buildIssue(fixture: IssueFixture, data: SandboxData): IssueRecord {
  const { baseUrl } = data
  const user = (name: string | null): Json => (name === null ? null : userJson(lookUpUser(data, name), baseUrl))
  const project = data.projects.find((p) => p.key === projectKeyOf(fixture.key))
  const status = data.statuses.find((s) => s.name === fixture.status)
  const priority = data.priorities.find((p) => p.name === fixture.priority)
  const issueType = data.issueTypes.find((t) => t.name === fixture.issuetype)
  if (!project || !status || !priority || !issueType) throw new Error(`fixture ${fixture.key} refers to unknown project/status/priority/type`)

  const named = <T extends { name: string }>(kind: string, all: readonly T[] | undefined, names: string[] | undefined): T[] =>
    (names ?? []).map((name) => {
      const found = all?.find((item) => item.name === name)
      if (!found) throw new Error(`fixture ${fixture.key} refers to unknown ${kind} ${name}`)
      return found
    })
  const components = named('component', project.components, fixture.components).map((c) => componentJson(c, baseUrl))
  const fixVersions = named('version', project.versions, fixture.fixVersions).map((v) => versionJson(v, baseUrl))
  const versions = named('version', project.versions, fixture.versions).map((v) => versionJson(v, baseUrl))

  const comments: Json[] = fixture.comments.map((c) => ({
    self: `${baseUrl}/rest/api/2/issue/${fixture.id}/comment/${c.id}`,
    id: c.id,
    author: user(c.author),
    body: c.body,
    updateAuthor: user(c.author),
    created: c.created,
    updated: c.updated ?? c.created,
  }))
  const attachments: Json[] = (fixture.attachments ?? []).map((a) => ({
    self: `${baseUrl}/rest/api/2/attachment/${a.id}`,
    id: a.id,
    filename: a.filename,
    author: user(a.author),
    created: a.created,
    size: a.size,
    mimeType: a.mimeType,
    content: `${baseUrl}/secure/attachment/${a.id}/${encodeURIComponent(a.filename)}`,
    ...(a.mimeType.startsWith('image/') ? { thumbnail: `${baseUrl}/secure/thumbnail/${a.id}/_thumb_${a.id}.png` } : {}),
  }))

  const resolved = status.category.key === 'done'
  const resolution = resolved ? data.resolutions.find((r) => r.name === (fixture.resolution ?? 'Done')) : undefined
  if (resolved && !resolution) throw new Error(`fixture ${fixture.key} refers to unknown resolution ${fixture.resolution}`)

  const time = fixture.timetracking
  const original = time ? durationSeconds(time.originalEstimate) : null
  const remaining = time ? durationSeconds(time.remainingEstimate) : null
  const spent = time ? durationSeconds(time.timeSpent) : null
  const progress: JsonObject =
    spent !== null && remaining !== null && spent + remaining > 0
      ? { progress: spent, total: spent + remaining, percent: Math.round((spent * 100) / (spent + remaining)) }
      : { total: 0, progress: 0 }

  // Field order follows the tutorial's JJ-2 payload; `extra` carries fixture-specific values
  // (custom fields, lastViewed…) verbatim.
  const fields: JsonObject = {
    issuetype: issueTypeJson(issueType, baseUrl),
    // filled in by wireRelations once every issue exists
    ...(fixture.parent !== undefined ? { parent: null } : {}),
    timespent: spent,
    project: projectJson(project, baseUrl),
    fixVersions,
    aggregatetimespent: spent,
    resolution: resolution ? resolutionJson(resolution, baseUrl) : null,
    resolutiondate: resolved ? fixture.updated : null,
    workratio: original && spent !== null ? Math.round((spent * 100) / original) : -1,
    lastViewed: null,
    watches: { self: `${baseUrl}/rest/api/2/issue/${fixture.key}/watchers`, isWatching: false, watchCount: 0 },
    created: fixture.created,
    priority: priorityJson(priority, baseUrl),
    labels: [...fixture.labels],
    timeestimate: remaining,
    aggregatetimeoriginalestimate: original,
    versions,
    issuelinks: [],
    assignee: user(fixture.assignee),
    updated: fixture.updated,
    status: statusJson(status, baseUrl),
    components,
    timeoriginalestimate: original,
    description: fixture.description,
    timetracking: time
      ? {
          originalEstimate: time.originalEstimate,
          remainingEstimate: time.remainingEstimate,
          timeSpent: time.timeSpent,
          originalEstimateSeconds: original,
          remainingEstimateSeconds: remaining,
          timeSpentSeconds: spent,
        }
      : {},
    attachment: attachments,
    aggregatetimeestimate: remaining,
    summary: fixture.summary,
    creator: user(fixture.reporter),
    subtasks: [],
    reporter: user(fixture.reporter),
    aggregateprogress: structuredClone(progress),
    environment: fixture.environment ?? null,
    duedate: fixture.duedate ?? null,
    progress,
    comment: { comments, maxResults: comments.length, total: comments.length, startAt: 0 },
    votes: { self: `${baseUrl}/rest/api/2/issue/${fixture.key}/votes`, votes: 0, hasVoted: false },
  }
  // every custom field exists on every issue (null when unset), as JIRA serves them
  for (const field of data.fields) if (field.custom) fields[field.id] = null
  Object.assign(fields, structuredClone(fixture.extra(baseUrl)))

  const changelog: ChangelogHistory[] = fixture.changelog.map((h) => ({
    id: h.id,
    author: userJson(data.users.find((u) => u.name === h.author) ?? data.users[0]!, baseUrl),
    created: h.created,
    items: h.items.map((i) => ({ ...i })),
  }))
  return { id: fixture.id, key: fixture.key, fields, changelog }
}

/** an issue link as seen from one side: `side` names where the other issue is */
export function linkJson(id: string, typeName: string, side: 'inwardIssue' | 'outwardIssue', other: IssueRecord, data: SandboxData): JsonObject {
  const type = data.linkTypes.find((t) => t.name === typeName)
  if (!type) throw new Error(`unknown link type ${typeName}`)
  return {
    id,
    self: `${data.baseUrl}/rest/api/2/issueLink/${id}`,
    type: linkTypeJson(type, data.baseUrl),
    [side]: issueStub(other, data.baseUrl),
  }
}

/** parents ↔ sub-tasks and both halves of every link, from the fixtures' `parent` and `links` */
export function wireRelations(fixtures: readonly IssueFixture[], data: SandboxData): void {
  const byKey = new Map(data.issues.map((issue) => [issue.key, issue]))
  const get = (key: string) => {
    const issue = byKey.get(key)
    if (!issue) throw new Error(`fixture refers to unknown issue ${key}`)
    return issue
  }
  for (const fixture of fixtures) {
    if (fixture.parent === undefined && fixture.links === undefined) continue
    const issue = get(fixture.key)
    if (fixture.parent !== undefined) addSubtask(get(fixture.parent), issue, data.baseUrl)
    for (const link of fixture.links ?? []) {
      const other = get(link.outward)
      ;(issue.fields['issuelinks'] as Json[]).push(linkJson(link.id, link.type, 'outwardIssue', other, data))
      ;(other.fields['issuelinks'] as Json[]).push(linkJson(link.id, link.type, 'inwardIssue', issue, data))
    }
  }
}

export function addSubtask(parent: IssueRecord, subtask: IssueRecord, baseUrl: string): void {
  subtask.fields['parent'] = issueStub(parent, baseUrl)
  ;(parent.fields['subtasks'] as Json[]).push(issueStub(subtask, baseUrl))
}

/** After `changed` was written: every stub of it that other issues embed gets its new summary, status… */
export function refreshStubs(issues: readonly IssueRecord[], changed: IssueRecord, baseUrl: string): void {
  const isStub = (value: Json | undefined): value is JsonObject =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && value['id'] === changed.id
  for (const issue of issues) {
    const fields = issue.fields
    if (isStub(fields['parent'])) fields['parent'] = issueStub(changed, baseUrl)
    const subtasks = fields['subtasks']
    if (Array.isArray(subtasks)) fields['subtasks'] = subtasks.map((s) => (isStub(s) ? issueStub(changed, baseUrl) : s))
    const links = fields['issuelinks']
    if (Array.isArray(links)) {
      for (const link of links as JsonObject[]) {
        for (const side of ['inwardIssue', 'outwardIssue'] as const) {
          if (isStub(link[side])) link[side] = issueStub(changed, baseUrl)
        }
      }
    }
  }
}
