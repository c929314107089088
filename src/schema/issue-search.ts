import { cursorToOffset, offsetToCursor } from '@pothos/plugin-relay'
import { BadUserInputError } from '../errors.ts'
import type { JiraIssue } from '../jira/types.ts'
import { builder } from './builder.ts'
import { assertFirst, issueNeedsAt } from './issue-needs.ts'
import { IssueRef } from './issue-ref.ts'

const MAX_JQL_LENGTH = 20_000

function offsetAfter(after: string | null | undefined): number {
  if (!after) return 0
  try {
    const offset = cursorToOffset(after)
    if (Number.isInteger(offset) && offset >= 0) return offset + 1
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError('after is not a cursor of this connection: pass an endCursor or cursor from an earlier page.', { argument: 'after' })
}

builder.queryField('search', (t) =>
  t.connection(
    {
      type: IssueRef,
      description: 'Issues matching a JQL query, in pages (forward: first/after). JQL errors come back as BAD_USER_INPUT with JIRA\'s messages.',
      args: { jql: t.arg.string({ required: true, description: 'The JQL query, e.g. `project = JJ AND summary ~ "logo" ORDER BY key`.' }) },
      resolve: async (_root, args, ctx, info) => {
        if (args.last != null || args.before != null) throw new BadUserInputError('search pages forward only: use first and after.', { argument: 'last' })
        const jql = args.jql.trim()
        if (!jql) throw new BadUserInputError('jql must not be empty.', { argument: 'jql' })
        if (jql.length > MAX_JQL_LENGTH) throw new BadUserInputError(`jql is longer than ${MAX_JQL_LENGTH} characters.`, { argument: 'jql' })
        const first = assertFirst(args.first)
        const offset = offsetAfter(args.after)
        const jira = ctx.jira()
        const needs = await issueNeedsAt(ctx, info, ['edges', 'node'])

        // JIRA caps maxResults on its side (and says so in the answer): keep asking until the page is full.
        const issues: JiraIssue[] = []
        let total = 0
        for (;;) {
          const page = await jira.search({ jql, startAt: offset + issues.length, maxResults: first - issues.length, fields: needs.fields, expand: needs.expand })
          total = page.total
          issues.push(...page.issues.slice(0, first - issues.length))
          if (issues.length >= first || page.issues.length === 0 || offset + issues.length >= total) break
        }
        const edges = issues.map((issue, index) => ({ cursor: offsetToCursor(offset + index), node: issue }))
        return {
          edges,
          totalCount: total,
          pageInfo: {
            hasNextPage: offset + issues.length < total,
            hasPreviousPage: offset > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        }
      },
    },
    {
      name: 'IssueConnection',
      description: 'A page of issues from a JQL search.',
      fields: (t) => ({
        totalCount: t.int({ description: 'How many issues the query matches in all.', resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? 0 }),
      }),
    },
    { name: 'IssueEdge', description: 'An issue in a search result and its cursor.' },
  ),
)
