import type { JiraField } from '../jira/types.ts'
import { builder } from './builder.ts'

export interface CustomFieldValue {
  field: JiraField
  value: unknown
}

export const CustomFieldRef = builder.objectRef<CustomFieldValue>('CustomField').implement({
  description: "A custom field's value on an issue, named through JIRA's field list.",
  fields: (t) => ({
    id: t.string({ description: 'The field id, e.g. "customfield_10006".', resolve: (custom) => custom.field.id }),
    name: t.string({ description: 'The field name, e.g. "Story Points".', resolve: (custom) => custom.field.name }),
    type: t.string({ nullable: true, description: "The value's JIRA schema type, e.g. \"number\" or \"array\".", resolve: (custom) => custom.field.schema?.type ?? null }),
    value: t.field({ type: 'JSON', nullable: true, description: 'The value as JIRA gives it (shape depends on the field type).', resolve: (custom) => custom.value ?? null }),
  }),
})
