import type { JiraNamed } from '../jira/types.ts'
import { builder } from './builder.ts'

export const ResolutionRef = builder.objectRef<JiraNamed>('Resolution').implement({
  description: 'How an issue was resolved, e.g. "Fixed" or "Won\'t Do".',
  fields: (t) => ({
    id: t.id({ description: "JIRA's resolution id.", resolve: (resolution) => resolution.id ?? '' }),
    name: t.string({ description: 'The resolution name.', resolve: (resolution) => resolution.name ?? '' }),
    description: t.string({ nullable: true, description: 'What it means.', resolve: (resolution) => resolution.description || null }),
  }),
})
