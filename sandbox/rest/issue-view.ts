// Turning a stored issue into what GET issue / search answer: the `fields` selection, and the
// `expand` extras (renderedFields, names, schema, transitions, changelog).
import type { Json, JsonObject, IssueRecord } from '../data.ts'
import type { FieldDefinition } from '../fixtures/fields.ts'
import { renderWikiText } from './render.ts'

/** what JIRA lists as expandable on an issue */
export const ISSUE_EXPANDABLE = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations'

/** `expand` as a comma list (query) or array (POST search body), lowercased for matching */
export function parseExpand(value: string | string[] | undefined): Set<string> {
  const items = Array.isArray(value) ? value : (value ?? '').split(',')
  return new Set(items.map((item) => item.trim().toLowerCase()).filter((item) => item !== ''))
}

/**
 * JIRA's `fields` parameter: names to include, `*all`, `*navigable`, `-name` to exclude. With
 * exclusions only, they apply to the default set (all for an issue, navigable for a search).
 * Unknown names are ignored, as JIRA does; id/key/self are top-level and never in `fields`.
 */
export function selectFieldIds(
  issue: IssueRecord,
  param: string | string[] | undefined,
  defaultSet: '*all' | '*navigable',
  definitions: readonly FieldDefinition[],
): string[] {
  const tokens = (Array.isArray(param) ? param : (param ?? '').split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '')
  const excluded = new Set(tokens.filter((t) => t.startsWith('-')).map((t) => t.slice(1)))
  let included = tokens.filter((t) => !t.startsWith('-'))
  if (included.length === 0) included = [defaultSet]

  const navigable = (id: string) => definitions.find((d) => d.id === id)?.navigable ?? true
  const all = Object.keys(issue.fields)
  const wanted = new Set<string>()
  for (const token of included) {
    if (token === '*all') all.forEach((id) => wanted.add(id))
    else if (token === '*navigable') all.filter(navigable).forEach((id) => wanted.add(id))
    else if (token in issue.fields) wanted.add(token)
  }
  // keep the issue's own field order
  return all.filter((id) => wanted.has(id) && !excluded.has(id))
}

export interface IssueViewOptions {
  baseUrl: string
  /** `2` or `latest`: the top-level self follows the API version asked for, as in JIRA */
  apiVersion: string
  fields: string | string[] | undefined
  defaultFields: '*all' | '*navigable'
  expand: Set<string>
  definitions: readonly FieldDefinition[]
  /** what `expand=transitions` adds: the transitions the caller may perform now */
  transitions?: (issue: IssueRecord) => Json
}

export function issueView(issue: IssueRecord, options: IssueViewOptions): JsonObject {
  const fieldIds = selectFieldIds(issue, options.fields, options.defaultFields, options.definitions)
  const fields: JsonObject = {}
  for (const id of fieldIds) fields[id] = structuredClone(issue.fields[id]!) as Json

  const view: JsonObject = {
    expand: ISSUE_EXPANDABLE,
    id: issue.id,
    self: `${options.baseUrl}/rest/api/${options.apiVersion}/issue/${issue.id}`,
    key: issue.key,
  }
  if (options.expand.has('renderedfields')) view['renderedFields'] = renderedFields(issue, fieldIds)
  if (options.expand.has('names')) view['names'] = fieldNames(fieldIds, options.definitions)
  if (options.expand.has('schema')) view['schema'] = fieldSchemas(fieldIds, options.definitions)
  view['fields'] = fields
  if (options.expand.has('transitions') && options.transitions) view['transitions'] = options.transitions(issue)
  if (options.expand.has('changelog')) {
    view['changelog'] = {
      startAt: 0,
      maxResults: issue.changelog.length,
      total: issue.changelog.length,
      histories: structuredClone(issue.changelog) as unknown as Json,
    }
  }
  return view
}

/** JIRA renders the text fields and leaves most others null */
function renderedFields(issue: IssueRecord, fieldIds: string[]): JsonObject {
  const rendered: JsonObject = {}
  for (const id of fieldIds) {
    const value = issue.fields[id]
    if (id === 'description' || id === 'environment') rendered[id] = renderWikiText(value as string | null)
    else if (id === 'comment' && value && typeof value === 'object') {
      const page = value as { comments: JsonObject[] }
      rendered[id] = {
        ...(value as JsonObject),
        comments: page.comments.map((c) => ({ ...structuredClone(c), body: renderWikiText(String(c['body'])) })),
      }
    } else rendered[id] = null
  }
  return rendered
}

export function fieldNames(fieldIds: string[], definitions: readonly FieldDefinition[]): JsonObject {
  const names: JsonObject = {}
  for (const id of fieldIds) {
    const definition = definitions.find((d) => d.id === id)
    if (definition) names[id] = definition.name
  }
  return names
}

export function fieldSchemas(fieldIds: string[], definitions: readonly FieldDefinition[]): JsonObject {
  const schemas: JsonObject = {}
  for (const id of fieldIds) {
    const schema = definitions.find((d) => d.id === id)?.schema
    if (schema) schemas[id] = { ...schema }
  }
  return schemas
}
