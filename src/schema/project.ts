import type { JiraNamed } from '../jira/types.ts'
import { builder } from './builder.ts'

export const ProjectRef = builder.objectRef<JiraNamed>('Project').implement({
  description: 'A JIRA project.',
  fields: (t) => ({
    id: t.id({ description: "JIRA's project id.", resolve: (project) => project.id ?? '' }),
    key: t.string({ description: 'The project key, e.g. "JJ".', resolve: (project) => project.key ?? '' }),
    name: t.string({ description: 'The project name.', resolve: (project) => project.name ?? '' }),
  }),
})
