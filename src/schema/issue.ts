import { BadUserInputError } from '../errors.ts'
import { isIssueKey } from '../jira/issue-key.ts'
import type { JiraIssue } from '../jira/types.ts'
import { builder } from './builder.ts'
import { CommentRef } from './comment.ts'
import { ALL_ISSUE_FIELDS, jiraFieldsFor } from './issue-fields.ts'
import { IssueTypeRef } from './issue-type.ts'
import { PriorityRef } from './priority.ts'
import { ProjectRef } from './project.ts'
import { jiraDate } from './scalars.ts'
import { StatusRef } from './status.ts'
import { UserRef } from './user.ts'

export const IssueRef = builder.objectRef<JiraIssue>('Issue')

builder.node(IssueRef, {
  description: 'A JIRA issue, as the viewer may see it.',
  id: { resolve: (issue) => issue.id },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'key' in value && 'fields' in value,
  // node(id:) carries no selection to push down, so it asks for the whole Issue model.
  loadOne: (id, ctx) => ctx.jira().issue(id, { fields: ALL_ISSUE_FIELDS }),
  fields: (t) => ({
    jiraId: t.exposeID('id', { description: "JIRA's numeric issue id." }),
    key: t.exposeString('key', { description: 'The issue key, e.g. "JJ-2" (the current key, if the issue moved).' }),
    url: t.field({
      type: 'URL',
      description: 'Where a person views the issue in JIRA.',
      resolve: (issue, _args, ctx) => `${ctx.services.config.jiraBaseUrl}/browse/${encodeURIComponent(issue.key)}`,
    }),
    summary: t.string({ description: 'The one-line summary.', resolve: (issue) => issue.fields.summary ?? '' }),
    description: t.string({ nullable: true, description: 'The description in JIRA wiki markup.', resolve: (issue) => issue.fields.description ?? null }),
    status: t.field({ type: StatusRef, nullable: true, description: 'The workflow status.', resolve: (issue) => issue.fields.status ?? null }),
    issueType: t.field({ type: IssueTypeRef, nullable: true, description: 'The issue type.', resolve: (issue) => issue.fields.issuetype ?? null }),
    priority: t.field({ type: PriorityRef, nullable: true, description: 'The priority.', resolve: (issue) => issue.fields.priority ?? null }),
    project: t.field({ type: ProjectRef, nullable: true, description: 'The project the issue belongs to.', resolve: (issue) => issue.fields.project ?? null }),
    assignee: t.field({ type: UserRef, nullable: true, description: 'Who the issue is assigned to; null when unassigned.', resolve: (issue) => issue.fields.assignee ?? null }),
    reporter: t.field({ type: UserRef, nullable: true, description: 'Who reported the issue.', resolve: (issue) => issue.fields.reporter ?? null }),
    creator: t.field({ type: UserRef, nullable: true, description: 'Who created the issue.', resolve: (issue) => issue.fields.creator ?? null }),
    created: t.field({ type: 'DateTime', nullable: true, description: 'When the issue was created.', resolve: (issue) => jiraDate(issue.fields.created) }),
    updated: t.field({ type: 'DateTime', nullable: true, description: 'When the issue last changed.', resolve: (issue) => jiraDate(issue.fields.updated) }),
    labels: t.stringList({ description: 'Labels, in JIRA order.', resolve: (issue) => issue.fields.labels ?? [] }),
    comments: t.field({
      type: [CommentRef],
      description: 'The comments, oldest first.',
      resolve: (issue) => issue.fields.comment?.comments ?? [],
    }),
  }),
})

builder.queryField('issue', (t) =>
  t.field({
    type: IssueRef,
    nullable: true,
    description: 'An issue by key, e.g. "JJ-2"; null when it does not exist or the viewer may not see it (JIRA does not tell the two apart).',
    args: { key: t.arg.string({ required: true, description: 'The issue key, e.g. "JJ-2" (case-insensitive; an old key of a moved issue works too).' }) },
    resolve: async (_root, { key }, ctx, info) => {
      const trimmed = key.trim()
      if (!isIssueKey(trimmed)) {
        throw new BadUserInputError(`"${key.slice(0, 64)}" is not an issue key: expected a project key and a number, such as "JJ-2".`, { argument: 'key' })
      }
      ctx.jira() // fails with UNAUTHENTICATED before any JIRA work when there is no session
      return ctx.loaders.issue.load({ key: trimmed, fields: jiraFieldsFor(info) })
    },
  }),
)
