import type { JiraTransition } from '../jira/types.ts'
import { builder } from './builder.ts'
import { StatusRef } from './status.ts'

export const TransitionRef = builder.objectRef<JiraTransition>('Transition').implement({
  description: 'A workflow step the viewer may take on an issue now (see transitionIssue).',
  fields: (t) => ({
    id: t.id({ description: 'The transition id (give it, or the name, to transitionIssue).', resolve: (transition) => transition.id }),
    name: t.string({ description: 'The transition name, e.g. "Start Progress".', resolve: (transition) => transition.name ?? '' }),
    to: t.field({ type: StatusRef, nullable: true, description: 'The status the issue moves to.', resolve: (transition) => transition.to ?? null }),
  }),
})
