import { BadUserInputError } from '../errors.ts'
import { parseIssueKey } from '../jira/issue-key.ts'
import type { JiraComment } from '../jira/types.ts'
import { builder } from './builder.ts'
import { jiraDate } from './scalars.ts'
import { UserRef } from './user.ts'

export const CommentRef = builder.objectRef<JiraComment>('Comment').implement({
  description: 'A comment on an issue.',
  fields: (t) => ({
    id: t.id({ description: "JIRA's comment id.", resolve: (comment) => comment.id }),
    body: t.string({ description: 'The comment in JIRA wiki markup.', resolve: (comment) => comment.body ?? '' }),
    author: t.field({ type: UserRef, nullable: true, description: 'Who wrote it.', resolve: (comment) => comment.author ?? null }),
    updateAuthor: t.field({ type: UserRef, nullable: true, description: 'Who last edited it.', resolve: (comment) => comment.updateAuthor ?? null }),
    created: t.field({ type: 'DateTime', nullable: true, description: 'When it was written.', resolve: (comment) => jiraDate(comment.created) }),
    updated: t.field({ type: 'DateTime', nullable: true, description: 'When it was last edited.', resolve: (comment) => jiraDate(comment.updated) }),
  }),
})

builder.mutationField('addComment', (t) =>
  t.field({
    type: CommentRef,
    description: 'Adds a comment to an issue as the viewer.',
    args: {
      issueKey: t.arg.string({ required: true, description: 'The issue key, e.g. "JJ-2".' }),
      body: t.arg.string({ required: true, description: 'The comment in JIRA wiki markup.' }),
    },
    resolve: async (_root, { issueKey, body }, ctx) => {
      const key = parseIssueKey(issueKey, 'issueKey')
      if (!body.trim()) throw new BadUserInputError('body must not be empty.', { argument: 'body', field: 'comment' })
      if (body.length > 32_767) throw new BadUserInputError('body must be at most 32767 characters.', { argument: 'body' })
      return ctx.jira().post<JiraComment>(`/rest/api/2/issue/${encodeURIComponent(key)}/comment`, { body })
    },
  }),
)
