// The mutable JIRA state of one sandbox instance, with the lookups every REST resource needs
// (issue by id, key or former key; who may browse or change what) and the bookkeeping writes
// share (ids, keys, changelog, the stubs other issues embed).
import { createSandboxData, findUser, type IssueRecord, type JsonObject, type ProjectRecord, type SandboxData, type UserRecord } from './data.ts'
import { projectKeyOf, refreshStubs } from './issue-build.ts'
import { jiraTimestamp, userJson } from './json.ts'

export interface SandboxStateOptions {
  /** generated BULK-1 … BULK-n issues (default 0) */
  bulkIssues?: number
}

export class SandboxState {
  readonly data: SandboxData
  private commentSeq: number
  private historySeq: number
  private issueSeq: number
  private readonly byId = new Map<string, IssueRecord>()
  private readonly byKey = new Map<string, IssueRecord>()
  /** last issue number used per project key */
  private readonly keySeq = new Map<string, number>()

  constructor(baseUrl: string, options: SandboxStateOptions = {}) {
    this.data = createSandboxData(baseUrl, options)
    // new comments, histories and issues get ids above every fixture's
    const ids = this.data.issues.flatMap((issue) => commentsOf(issue).map((c) => Number(c['id'])))
    this.commentSeq = Math.max(10_000, ...ids)
    this.historySeq = Math.max(10_000, ...this.data.issues.flatMap((issue) => issue.changelog.map((h) => Number(h.id))))
    this.issueSeq = Math.max(10_000, ...this.data.issues.map((issue) => Number(issue.id)))
    for (const issue of this.data.issues) this.index(issue)
  }

  get baseUrl(): string {
    return this.data.baseUrl
  }

  user(name: string): UserRecord | undefined {
    return findUser(this.data, name)
  }

  project(idOrKey: string): ProjectRecord | undefined {
    const upper = idOrKey.toUpperCase()
    return this.data.projects.find((p) => p.id === idOrKey || p.key === upper)
  }

  projectOf(issue: IssueRecord): ProjectRecord {
    const project = this.project(projectKeyOf(issue.key))
    if (!project) throw new Error(`issue ${issue.key} has no project`)
    return project
  }

  canBrowse(user: UserRecord, project: ProjectRecord): boolean {
    return project.browsers === 'everyone' || project.browsers.includes(user.name)
  }

  /** create, edit, transition, assign, comment: browsing is a precondition */
  canEdit(user: UserRecord, project: ProjectRecord): boolean {
    const editors = project.editors ?? project.browsers
    return this.canBrowse(user, project) && (editors === 'everyone' || editors.includes(user.name))
  }

  /** id, key (any case) or a key the issue had before it was moved; undefined when not there */
  findIssue(idOrKey: string): IssueRecord | undefined {
    if (/^\d+$/.test(idOrKey)) return this.byId.get(idOrKey)
    let key = idOrKey.toUpperCase()
    key = this.data.movedKeys.get(key) ?? key
    return this.byKey.get(key)
  }

  /** JIRA answers "does not exist" for issues the user may not see, so callers get undefined for both */
  findVisibleIssue(user: UserRecord, idOrKey: string): IssueRecord | undefined {
    const issue = this.findIssue(idOrKey)
    return issue && this.canBrowse(user, this.projectOf(issue)) ? issue : undefined
  }

  visibleIssues(user: UserRecord): IssueRecord[] {
    return this.data.issues.filter((issue) => this.canBrowse(user, this.projectOf(issue)))
  }

  nextCommentId(): string {
    this.commentSeq += 1
    return String(this.commentSeq)
  }

  nextIssueId(): string {
    this.issueSeq += 1
    return String(this.issueSeq)
  }

  /** the key a new issue of the project gets: one above the highest ever used (deleted ones count) */
  nextIssueKey(project: ProjectRecord): string {
    let last = this.keySeq.get(project.key)
    if (last === undefined) {
      const numbers = [...this.byKey.keys(), ...this.data.movedKeys.values()]
        .filter((key) => projectKeyOf(key) === project.key)
        .map((key) => Number(key.slice(key.lastIndexOf('-') + 1)))
      last = Math.max(0, ...numbers)
    }
    this.keySeq.set(project.key, last + 1)
    return `${project.key}-${last + 1}`
  }

  addIssue(issue: IssueRecord): void {
    this.data.issues.push(issue)
    this.index(issue)
  }

  /**
   * What every write does afterwards: a changelog history of `items` by `user` (none when nothing
   * changed), `updated` moved to `nowMs`, and the stubs other issues embed brought up to date.
   */
  recordChange(issue: IssueRecord, user: UserRecord, items: JsonObject[], nowMs: number): void {
    if (items.length > 0) {
      this.historySeq += 1
      const created = jiraTimestamp(nowMs)
      issue.changelog.push({ id: String(this.historySeq), author: userJson(user, this.baseUrl), created, items })
      issue.fields['updated'] = created
    }
    refreshStubs(this.data.issues, issue, this.baseUrl)
  }

  private index(issue: IssueRecord): void {
    this.byId.set(issue.id, issue)
    this.byKey.set(issue.key, issue)
  }
}

/** the stored comment objects of an issue (the `fields.comment.comments` array itself) */
export function commentsOf(issue: IssueRecord): Array<Record<string, unknown>> {
  const page = issue.fields['comment'] as { comments?: Array<Record<string, unknown>> } | null | undefined
  return page?.comments ?? []
}
