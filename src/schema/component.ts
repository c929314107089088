import type { JiraNamed } from '../jira/types.ts'
import { builder } from './builder.ts'

export const ComponentRef = builder.objectRef<JiraNamed>('Component').implement({
  description: 'A project component.',
  fields: (t) => ({
    id: t.id({ description: "JIRA's component id.", resolve: (component) => component.id ?? '' }),
    name: t.string({ description: 'The component name.', resolve: (component) => component.name ?? '' }),
    description: t.string({ nullable: true, description: 'What the component covers.', resolve: (component) => component.description || null }),
  }),
})
