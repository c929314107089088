// The mutable JIRA state of one sandbox instance, with the lookups every REST resource needs
// (issue by id, key or former key; who may browse what).
import { createSandboxData, findUser, type IssueRecord, type ProjectRecord, type SandboxData, type UserRecord } from './data.ts'

export class SandboxState {
  readonly data: SandboxData
  private commentSeq: number

  constructor(baseUrl: string) {
    this.data = createSandboxData(baseUrl)
    // new comments get ids above every fixture comment
    const ids = this.data.issues.flatMap((issue) => commentsOf(issue).map((c) => Number(c['id'])))
    this.commentSeq = Math.max(10_000, ...ids)
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
    const project = this.project(issue.key.slice(0, issue.key.lastIndexOf('-')))
    if (!project) throw new Error(`issue ${issue.key} has no project`)
    return project
  }

  canBrowse(user: UserRecord, project: ProjectRecord): boolean {
    return project.browsers === 'everyone' || project.browsers.includes(user.name)
  }

  /** id, key (any case) or a key the issue had before it was moved; undefined when not there */
  findIssue(idOrKey: string): IssueRecord | undefined {
    if (/^\d+$/.test(idOrKey)) return this.data.issues.find((issue) => issue.id === idOrKey)
    let key = idOrKey.toUpperCase()
    key = this.data.movedKeys.get(key) ?? key
    return this.data.issues.find((issue) => issue.key === key)
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
}

/** the stored comment objects of an issue (the `fields.comment.comments` array itself) */
export function commentsOf(issue: IssueRecord): Array<Record<string, unknown>> {
  const page = issue.fields['comment'] as { comments?: Array<Record<string, unknown>> } | null | undefined
  return page?.comments ?? []
}
