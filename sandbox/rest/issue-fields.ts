// The fields a client may set when it creates or edits an issue: each value checked the way JIRA
// checks it (with JIRA's messages), turned into what the issue stores, and described as the
// changelog item JIRA writes when it changes.
import type { IssueRecord, Json, JsonObject, ProjectRecord } from '../data.ts'
import type { FieldDefinition } from '../fixtures/fields.ts'
import { priorityJson, userJson } from '../json.ts'
import type { SandboxState } from '../state.ts'
import { isObject } from './body.ts'

export type Converted = { value: Json } | { error: string }

export interface FieldContext {
  state: SandboxState
  /** the project of the issue being created or edited */
  project: ProjectRecord
}

/** system fields settable on the create and edit screens (project, issuetype, parent: create only) */
const SYSTEM_FIELDS = new Set(['summary', 'description', 'environment', 'labels', 'priority', 'assignee', 'duedate'])
const TEXT_FIELD = 'com.atlassian.jira.plugin.system.customfieldtypes:textfield'

export function cannotBeSet(fieldId: string): string {
  return `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`
}

/** custom fields the sandbox can store: numbers, dates and single-line text */
function editableCustomField(fieldId: string, definitions: readonly FieldDefinition[]): FieldDefinition | undefined {
  const definition = definitions.find((d) => d.id === fieldId && d.custom)
  const schema = definition?.schema
  if (!schema) return undefined
  if (schema.type === 'number' || schema.type === 'date' || (schema.type === 'string' && schema.custom === TEXT_FIELD)) return definition
  return undefined
}

export function isEditable(fieldId: string, state: SandboxState): boolean {
  return SYSTEM_FIELDS.has(fieldId) || editableCustomField(fieldId, state.data.fields) !== undefined
}

function isDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/** a user reference `{"name": "x"}` (or null) → the user JSON, or JIRA's assignee message */
export function convertAssignee(raw: unknown, ctx: FieldContext): Converted {
  const name = raw === null ? null : isObject(raw) ? raw['name'] : undefined
  if (name === undefined || (name !== null && typeof name !== 'string')) return { error: 'data was not an object' }
  if (name === null) return { value: null }
  const { state, project } = ctx
  // "-1" is JIRA's "Automatic": the project's default assignee, here its lead
  const user = name === '-1' ? (project.lead !== undefined ? state.user(project.lead) : undefined) : state.user(name)
  if (name === '-1' && !user) return { value: null }
  if (!user) return { error: `User '${name}' does not exist.` }
  if (!state.canBrowse(user, project)) return { error: `User '${name}' cannot be assigned issues.` }
  return { value: userJson(user, state.baseUrl) }
}

/** one field's new value as the issue stores it, or the message JIRA puts in `errors` */
export function convertField(fieldId: string, raw: unknown, ctx: FieldContext): Converted {
  const { state } = ctx
  switch (fieldId) {
    case 'summary': {
      if (typeof raw !== 'string' || raw.trim() === '') return { error: 'You must specify a summary of the issue.' }
      if (raw.length > 255) return { error: 'Summary must be less than 255 characters.' }
      return { value: raw }
    }
    case 'description':
    case 'environment':
      if (raw !== null && typeof raw !== 'string') return { error: 'Operation value must be a string' }
      return { value: raw === '' ? null : raw }
    case 'labels': {
      if (!Array.isArray(raw) || !raw.every((label) => typeof label === 'string')) return { error: 'Operation value must be an array of strings' }
      for (const label of raw as string[]) {
        if (/\s/.test(label)) return { error: `The label '${label}' contains spaces which is invalid.` }
        if (label.length > 255) return { error: `The label '${label}' exceeds the maximum length for a single label of 255 characters.` }
      }
      // a label is there once; empty ones are dropped
      return { value: [...new Set((raw as string[]).filter((label) => label !== ''))] }
    }
    case 'priority': {
      const ref = isObject(raw) ? raw : {}
      const priority = state.data.priorities.find((p) => (ref['id'] !== undefined ? p.id === String(ref['id']) : p.name === ref['name']))
      if (!priority) return { error: 'The priority selected is invalid.' }
      return { value: priorityJson(priority, state.baseUrl) }
    }
    case 'assignee':
      return convertAssignee(raw, ctx)
    case 'duedate':
      if (raw === null || raw === '') return { value: null }
      return isDate(raw) ? { value: raw } : { error: `Error parsing date string: ${String(raw)}` }
  }
  const custom = editableCustomField(fieldId, state.data.fields)
  if (!custom) return { error: cannotBeSet(fieldId) }
  if (raw === null) return { value: null }
  switch (custom.schema!.type) {
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? { value: raw } : { error: 'Operation value must be a number' }
    case 'date':
      return isDate(raw) ? { value: raw } : { error: `Error parsing date string: ${String(raw)}` }
    default:
      return typeof raw === 'string' ? { value: raw === '' ? null : raw } : { error: 'Operation value must be a string' }
  }
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** the changelog item JIRA records for a field going from `before` to `after`; null when unchanged */
export function changeItem(fieldId: string, before: Json | undefined, after: Json, definitions: readonly FieldDefinition[]): JsonObject | null {
  if (same(before, after)) return null
  const text = (value: Json | undefined): Json => (value === undefined || value === null ? null : String(value))
  const ref = (value: Json | undefined, id: string, name: string): [Json, Json] =>
    isObject(value) ? [(value as JsonObject)[id] ?? null, (value as JsonObject)[name] ?? null] : [null, null]
  const item = (field: string, from: Json, fromString: Json, to: Json, toString: Json, fieldtype = 'jira'): JsonObject => ({
    field,
    fieldtype,
    from,
    fromString,
    to,
    toString,
  })
  switch (fieldId) {
    case 'labels': {
      const join = (value: Json | undefined) => (Array.isArray(value) ? value.join(' ') : '')
      return item('labels', null, join(before), null, join(after))
    }
    case 'priority':
    case 'status':
    case 'resolution':
      return item(fieldId, ...ref(before, 'id', 'name'), ...ref(after, 'id', 'name'))
    case 'assignee':
      return item('assignee', ...ref(before, 'key', 'displayName'), ...ref(after, 'key', 'displayName'))
    case 'duedate': {
      const stamp = (value: Json | undefined): Json => (typeof value === 'string' ? `${value} 00:00:00.0` : null)
      return item('duedate', text(before), stamp(before), text(after), stamp(after))
    }
  }
  const custom = definitions.find((d) => d.id === fieldId && d.custom)
  if (custom) return item(custom.name, null, text(before), null, text(after), 'custom')
  return item(fieldId, null, text(before), null, text(after))
}

/** sets the fields on the issue; returns the changelog items of what actually changed */
export function applyFields(issue: IssueRecord, values: Map<string, Json>, definitions: readonly FieldDefinition[]): JsonObject[] {
  const items: JsonObject[] = []
  for (const [fieldId, value] of values) {
    const item = changeItem(fieldId, issue.fields[fieldId], value, definitions)
    issue.fields[fieldId] = value
    if (item) items.push(item)
  }
  return items
}
