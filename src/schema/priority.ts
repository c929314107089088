import type { JiraNamed } from '../jira/types.ts'
import { builder } from './builder.ts'

export const PriorityRef = builder.objectRef<JiraNamed>('Priority').implement({
  description: "An issue's priority.",
  fields: (t) => ({
    id: t.id({ description: "JIRA's priority id.", resolve: (priority) => priority.id ?? '' }),
    name: t.string({ description: 'The priority name, e.g. "Major".', resolve: (priority) => priority.name ?? '' }),
    iconUrl: t.field({ type: 'URL', nullable: true, description: 'The priority icon.', resolve: (priority) => priority.iconUrl ?? null }),
  }),
})
