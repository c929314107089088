import type { JiraChangeItem, JiraHistory } from '../jira/types.ts'
import { builder } from './builder.ts'
import { jiraDate } from './scalars.ts'
import { UserRef } from './user.ts'

const ChangeItemRef = builder.objectRef<JiraChangeItem>('ChangeItem').implement({
  description: 'One field changed in a change-log entry.',
  fields: (t) => ({
    field: t.string({ description: 'The field that changed, e.g. "status".', resolve: (item) => item.field ?? '' }),
    from: t.string({ nullable: true, description: 'The old raw value (an id, for fields that hold objects).', resolve: (item) => item.from ?? null }),
    fromString: t.string({ nullable: true, description: 'The old value as JIRA shows it.', resolve: (item) => item.fromString ?? null }),
    to: t.string({ nullable: true, description: 'The new raw value.', resolve: (item) => item.to ?? null }),
    toString: t.string({ nullable: true, description: 'The new value as JIRA shows it.', resolve: (item) => item.toString ?? null }),
  }),
})

export const ChangelogEntryRef = builder.objectRef<JiraHistory>('ChangelogEntry').implement({
  description: 'A change to an issue: who, when and which fields.',
  fields: (t) => ({
    id: t.id({ description: "JIRA's history id.", resolve: (history) => history.id }),
    author: t.field({ type: UserRef, nullable: true, description: 'Who made the change.', resolve: (history) => history.author ?? null }),
    created: t.field({ type: 'DateTime', nullable: true, description: 'When.', resolve: (history) => jiraDate(history.created) }),
    items: t.field({ type: [ChangeItemRef], description: 'The fields that changed.', resolve: (history) => history.items ?? [] }),
  }),
})
