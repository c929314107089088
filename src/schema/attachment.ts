import type { JiraAttachment } from '../jira/types.ts'
import { builder } from './builder.ts'
import { jiraDate } from './scalars.ts'
import { UserRef } from './user.ts'

export const AttachmentRef = builder.objectRef<JiraAttachment>('Attachment').implement({
  description: "A file attached to an issue: its metadata and where JIRA serves it (the gateway does not proxy the content).",
  fields: (t) => ({
    id: t.id({ description: "JIRA's attachment id.", resolve: (attachment) => attachment.id }),
    filename: t.string({ description: 'The file name.', resolve: (attachment) => attachment.filename ?? '' }),
    size: t.int({ description: 'Size in bytes.', resolve: (attachment) => attachment.size ?? 0 }),
    mimeType: t.string({ nullable: true, description: 'The media type JIRA recorded.', resolve: (attachment) => attachment.mimeType ?? null }),
    url: t.field({ type: 'URL', nullable: true, description: 'Where JIRA serves the content (needs a JIRA login).', resolve: (attachment) => attachment.content ?? null }),
    created: t.field({ type: 'DateTime', nullable: true, description: 'When it was attached.', resolve: (attachment) => jiraDate(attachment.created) }),
    author: t.field({ type: UserRef, nullable: true, description: 'Who attached it.', resolve: (attachment) => attachment.author ?? null }),
  }),
})
