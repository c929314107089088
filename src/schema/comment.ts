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
