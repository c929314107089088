import type { JiraIssueLink } from '../jira/types.ts'
import { builder } from './builder.ts'
import { IssueRef } from './issue-ref.ts'
import { resolveNestedIssue } from './issue-loading.ts'

export const LinkDirection = builder.enumType('LinkDirection', {
  description: 'Which way a link points from the issue it is read on.',
  values: {
    OUTWARD: { value: 'outward', description: 'This issue → the other one (e.g. "blocks").' },
    INWARD: { value: 'inward', description: 'The other issue → this one (e.g. "is blocked by").' },
  } as const,
})

export const IssueLinkRef = builder.objectRef<JiraIssueLink>('IssueLink').implement({
  description: 'A link from this issue to another, read from this side.',
  fields: (t) => ({
    id: t.id({ description: "JIRA's link id.", resolve: (link) => link.id }),
    type: t.string({ description: 'The link type name, e.g. "Blocks".', resolve: (link) => link.type?.name ?? '' }),
    direction: t.field({ type: LinkDirection, description: 'Whether the link points out of this issue or into it.', resolve: (link) => (link.outwardIssue ? 'outward' : 'inward') }),
    relation: t.string({
      description: 'The link phrase from this side, e.g. "blocks" or "is blocked by".',
      resolve: (link) => (link.outwardIssue ? link.type?.outward : link.type?.inward) ?? '',
    }),
    issue: t.field({
      type: IssueRef,
      nullable: true,
      description: 'The issue at the other end; null if the viewer may not see it.',
      resolve: (link, _args, ctx, info) => resolveNestedIssue(ctx, info, link.outwardIssue ?? link.inwardIssue),
    }),
  }),
})
