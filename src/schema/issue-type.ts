import type { JiraNamed } from '../jira/types.ts'
import { builder } from './builder.ts'

export const IssueTypeRef = builder.objectRef<JiraNamed>('IssueType').implement({
  description: 'The type of an issue, e.g. Bug or Story.',
  fields: (t) => ({
    id: t.id({ description: "JIRA's issue type id.", resolve: (type) => type.id ?? '' }),
    name: t.string({ description: 'The type name.', resolve: (type) => type.name ?? '' }),
    description: t.string({ nullable: true, description: 'What the type is for.', resolve: (type) => type.description || null }),
    subtask: t.boolean({ description: 'Whether issues of this type are sub-tasks.', resolve: (type) => type.subtask ?? false }),
    iconUrl: t.field({ type: 'URL', nullable: true, description: 'The type icon.', resolve: (type) => type.iconUrl ?? null }),
  }),
})
