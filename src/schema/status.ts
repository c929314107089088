import type { JiraStatus, JiraStatusCategory } from '../jira/types.ts'
import { builder } from './builder.ts'

/** JIRA's three fixed status categories (plus "undefined", which JIRA reports for statuses without one). */
export const StatusCategoryKey = builder.enumType('StatusCategoryKey', {
  description: 'The fixed category every JIRA status belongs to.',
  values: {
    NEW: { value: 'new', description: 'To Do.' },
    INDETERMINATE: { value: 'indeterminate', description: 'In Progress.' },
    DONE: { value: 'done', description: 'Done.' },
    UNDEFINED: { value: 'undefined', description: 'No category.' },
  } as const,
})

const StatusCategoryRef = builder.objectRef<JiraStatusCategory>('StatusCategory').implement({
  description: 'The category of a status: To Do, In Progress or Done.',
  fields: (t) => ({
    key: t.field({
      type: StatusCategoryKey,
      description: 'The category as a fixed value.',
      resolve: (category) => (['new', 'indeterminate', 'done'].includes(category.key ?? '') ? (category.key as 'new') : 'undefined'),
    }),
    name: t.string({ description: 'The category name as JIRA shows it, e.g. "To Do".', resolve: (category) => category.name ?? '' }),
    colorName: t.string({ nullable: true, description: "JIRA's colour for the category.", resolve: (category) => category.colorName ?? null }),
  }),
})

export const StatusRef = builder.objectRef<JiraStatus>('Status').implement({
  description: "An issue's workflow status.",
  fields: (t) => ({
    id: t.id({ description: "JIRA's status id.", resolve: (status) => status.id ?? '' }),
    name: t.string({ description: 'The status name, e.g. "Open".', resolve: (status) => status.name ?? '' }),
    description: t.string({ nullable: true, description: 'What the status means.', resolve: (status) => status.description || null }),
    category: t.field({
      type: StatusCategoryRef,
      nullable: true,
      description: 'The category the status belongs to.',
      resolve: (status) => status.statusCategory ?? null,
    }),
  }),
})
