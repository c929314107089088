/**
 * Field push-down: which JIRA fields a GraphQL selection on Issue needs, so every JIRA call asks for
 * exactly those (a query for `summary` alone fetches no description, comments or anything else).
 */
import type { GraphQLResolveInfo } from 'graphql'
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info'

/** GraphQL Issue field → the JIRA fields it reads. Fields not listed (id, key, url) come with every issue. */
export const JIRA_FIELDS: Record<string, readonly string[]> = {
  summary: ['summary'],
  description: ['description'],
  status: ['status'],
  issueType: ['issuetype'],
  priority: ['priority'],
  project: ['project'],
  assignee: ['assignee'],
  reporter: ['reporter'],
  creator: ['creator'],
  created: ['created'],
  updated: ['updated'],
  labels: ['labels'],
  comments: ['comment'],
}

export const ALL_ISSUE_FIELDS = [...new Set(Object.values(JIRA_FIELDS).flat())].sort()

/** The JIRA fields the current field's selection needs on Issue (through fragments, on Issue or Node). */
export function jiraFieldsFor(info: GraphQLResolveInfo): string[] {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined
  if (!tree) return ALL_ISSUE_FIELDS
  const selected = { ...tree.fieldsByTypeName.Node, ...tree.fieldsByTypeName.Issue }
  const fields = new Set<string>()
  for (const field of Object.values(selected)) {
    for (const jiraField of JIRA_FIELDS[field.name] ?? []) fields.add(jiraField)
  }
  return [...fields].sort()
}
