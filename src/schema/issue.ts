import { resolveArrayConnection } from '@pothos/plugin-relay'
import { BadUserInputError } from '../errors.ts'
import { parseIssueKey } from '../jira/issue-key.ts'
import type { JiraAttachment, JiraHistory, JiraIssue, JiraIssueLink, JiraNamed, JiraTimeTracking, JiraVersion } from '../jira/types.ts'
import { AttachmentRef } from './attachment.ts'
import { builder } from './builder.ts'
import { ChangelogEntryRef } from './changelog.ts'
import { CommentRef } from './comment.ts'
import { ComponentRef } from './component.ts'
import { CustomFieldRef } from './custom-field.ts'
import { IssueLinkRef } from './issue-link.ts'
import { resolveNestedIssue, resolveNestedIssues, loadIssue } from './issue-loading.ts'
import { ALL_STANDARD_FIELDS, issueNeedsAt } from './issue-needs.ts'
import { IssueRef } from './issue-ref.ts'
import { IssueTypeRef } from './issue-type.ts'
import { PriorityRef } from './priority.ts'
import { ProjectRef } from './project.ts'
import { ResolutionRef } from './resolution.ts'
import { jiraDate } from './scalars.ts'
import { StatusRef } from './status.ts'
import { TimeTrackingRef } from './time-tracking.ts'
import { TransitionRef } from './transition.ts'
import { UserRef } from './user.ts'
import { VersionRef } from './version.ts'

export { IssueRef }

const field = <T>(issue: JiraIssue, name: string) => issue.fields[name] as T | undefined

builder.node(IssueRef, {
  description: 'A JIRA issue, as the viewer may see it. Only the JIRA fields a query selects are fetched.',
  id: { resolve: (issue) => issue.id },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'key' in value && 'fields' in value,
  // node(id:) carries no selection to push down, so it asks for the whole standard model.
  loadOne: (id, ctx) => ctx.jira().issue(id, { fields: ALL_STANDARD_FIELDS }),
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
    renderedDescription: t.string({
      nullable: true,
      description: 'The description rendered to HTML by JIRA.',
      resolve: (issue) => (issue.renderedFields?.description as string | undefined) ?? null,
    }),
    environment: t.string({ nullable: true, description: 'The environment the issue occurs in.', resolve: (issue) => field<string>(issue, 'environment') ?? null }),
    status: t.field({ type: StatusRef, nullable: true, description: 'The workflow status.', resolve: (issue) => issue.fields.status ?? null }),
    resolution: t.field({ type: ResolutionRef, nullable: true, description: 'How the issue was resolved; null while unresolved.', resolve: (issue) => field<JiraNamed>(issue, 'resolution') ?? null }),
    resolutionDate: t.field({ type: 'DateTime', nullable: true, description: 'When it was resolved.', resolve: (issue) => jiraDate(field<string>(issue, 'resolutiondate')) }),
    issueType: t.field({ type: IssueTypeRef, nullable: true, description: 'The issue type.', resolve: (issue) => issue.fields.issuetype ?? null }),
    priority: t.field({ type: PriorityRef, nullable: true, description: 'The priority.', resolve: (issue) => issue.fields.priority ?? null }),
    project: t.field({ type: ProjectRef, nullable: true, description: 'The project the issue belongs to.', resolve: (issue) => issue.fields.project ?? null }),
    assignee: t.field({ type: UserRef, nullable: true, description: 'Who the issue is assigned to; null when unassigned.', resolve: (issue) => issue.fields.assignee ?? null }),
    reporter: t.field({ type: UserRef, nullable: true, description: 'Who reported the issue.', resolve: (issue) => issue.fields.reporter ?? null }),
    creator: t.field({ type: UserRef, nullable: true, description: 'Who created the issue.', resolve: (issue) => issue.fields.creator ?? null }),
    created: t.field({ type: 'DateTime', nullable: true, description: 'When the issue was created.', resolve: (issue) => jiraDate(issue.fields.created) }),
    updated: t.field({ type: 'DateTime', nullable: true, description: 'When the issue last changed.', resolve: (issue) => jiraDate(issue.fields.updated) }),
    dueDate: t.field({ type: 'Date', nullable: true, description: 'The due date.', resolve: (issue) => field<string>(issue, 'duedate') ?? null }),
    labels: t.stringList({ description: 'Labels, in JIRA order.', resolve: (issue) => issue.fields.labels ?? [] }),
    components: t.field({ type: [ComponentRef], description: 'Components.', resolve: (issue) => field<JiraNamed[]>(issue, 'components') ?? [] }),
    fixVersions: t.field({ type: [VersionRef], description: 'Versions the issue is (to be) fixed in.', resolve: (issue) => field<JiraVersion[]>(issue, 'fixVersions') ?? [] }),
    versions: t.field({ type: [VersionRef], description: 'Versions the issue affects.', resolve: (issue) => field<JiraVersion[]>(issue, 'versions') ?? [] }),
    votes: t.int({ description: 'How many people voted for the issue.', resolve: (issue) => field<{ votes?: number }>(issue, 'votes')?.votes ?? 0 }),
    watchCount: t.int({ description: 'How many people watch the issue.', resolve: (issue) => field<{ watchCount?: number }>(issue, 'watches')?.watchCount ?? 0 }),
    timeTracking: t.field({ type: TimeTrackingRef, nullable: true, description: 'Estimates and time logged.', resolve: (issue) => field<JiraTimeTracking>(issue, 'timetracking') ?? null }),
    attachments: t.field({ type: [AttachmentRef], description: 'Attached files (metadata and URL).', resolve: (issue) => field<JiraAttachment[]>(issue, 'attachment') ?? [] }),
    comments: t.field({ type: [CommentRef], description: 'The comments, oldest first.', resolve: (issue) => issue.fields.comment?.comments ?? [] }),
    links: t.field({ type: [IssueLinkRef], description: 'Links to other issues.', resolve: (issue) => field<JiraIssueLink[]>(issue, 'issuelinks') ?? [] }),
    parent: t.field({
      type: IssueRef,
      nullable: true,
      description: 'The parent issue of a sub-task.',
      resolve: (issue, _args, ctx, info) => resolveNestedIssue(ctx, info, field<JiraIssue>(issue, 'parent')),
    }),
    subtasks: t.field({
      type: [IssueRef],
      description: 'Sub-tasks, in JIRA order.',
      resolve: (issue, _args, ctx, info) => resolveNestedIssues(ctx, info, field<JiraIssue[]>(issue, 'subtasks') ?? []),
    }),
    transitions: t.field({
      type: [TransitionRef],
      description: 'The workflow transitions the viewer may take now.',
      resolve: (issue) => issue.transitions ?? [],
    }),
    changelog: t.connection(
      {
        type: ChangelogEntryRef,
        description: 'The history of changes, oldest first.',
        resolve: (issue, args) => resolveArrayConnection({ args }, (issue.changelog?.histories ?? []) as JiraHistory[]),
      },
      { name: 'ChangelogConnection', description: "A page of an issue's change log." },
      { name: 'ChangelogEdge', description: 'A change-log entry and its cursor.' },
    ),
    customFields: t.field({
      type: [CustomFieldRef],
      description: 'Every custom field that has a value, named through JIRA\'s field list.',
      resolve: async (issue, _args, ctx) => {
        const fields = await ctx.fieldCatalog().all()
        return fields
          .filter((f) => f.custom && issue.fields[f.id] !== undefined && issue.fields[f.id] !== null)
          .map((f) => ({ field: f, value: issue.fields[f.id] }))
      },
    }),
    customField: t.field({
      type: CustomFieldRef,
      nullable: true,
      description: 'One custom field by name (e.g. "Story Points") or id (e.g. "customfield_10006"); null when JIRA has no such field.',
      args: {
        name: t.arg.string({ required: false, description: 'The field name as JIRA shows it (case-insensitive).' }),
        id: t.arg.string({ required: false, description: 'The field id, e.g. "customfield_10006".' }),
      },
      resolve: async (issue, args, ctx) => {
        if (!args.name === !args.id) throw new BadUserInputError('customField takes exactly one of name or id.', { argument: 'name' })
        const id = await ctx.fieldCatalog().resolveId(args)
        const found = id ? await ctx.fieldCatalog().byId(id) : undefined
        return found ? { field: found, value: issue.fields[found.id] ?? null } : null
      },
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
      const valid = parseIssueKey(key)
      ctx.jira() // fails with UNAUTHENTICATED before any JIRA work when there is no session
      return loadIssue(ctx, valid, await issueNeedsAt(ctx, info))
    },
  }),
)

