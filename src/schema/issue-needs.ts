/**
 * Field push-down: what a GraphQL selection on Issue needs from JIRA, so every call asks for exactly
 * those `fields` and `expand`s. A query for `summary` alone fetches no description, comments or
 * anything else. Works for root fields (issue, search, node) and nested issues (parent, subtasks,
 * links) alike, through fragments, via graphql-parse-resolve-info.
 */
import type { GraphQLResolveInfo } from 'graphql'
import { parseResolveInfo, type FieldsByTypeName, type ResolveTree } from 'graphql-parse-resolve-info'
import type { Context } from '../context.ts'
import { BadUserInputError } from '../errors.ts'

export interface IssueNeeds {
  fields: string[]
  expand: string[]
}

/** GraphQL Issue field → the JIRA fields and expands it reads. Unlisted fields (id, jiraId, key, url) come with every issue. */
const NEEDS: Record<string, { fields?: readonly string[]; expand?: readonly string[] }> = {
  summary: { fields: ['summary'] },
  description: { fields: ['description'] },
  renderedDescription: { fields: ['description'], expand: ['renderedFields'] },
  status: { fields: ['status'] },
  issueType: { fields: ['issuetype'] },
  priority: { fields: ['priority'] },
  project: { fields: ['project'] },
  assignee: { fields: ['assignee'] },
  reporter: { fields: ['reporter'] },
  creator: { fields: ['creator'] },
  created: { fields: ['created'] },
  updated: { fields: ['updated'] },
  labels: { fields: ['labels'] },
  comments: { fields: ['comment'] },
  links: { fields: ['issuelinks'] },
  subtasks: { fields: ['subtasks'] },
  parent: { fields: ['parent'] },
  components: { fields: ['components'] },
  fixVersions: { fields: ['fixVersions'] },
  versions: { fields: ['versions'] },
  attachments: { fields: ['attachment'] },
  votes: { fields: ['votes'] },
  watchCount: { fields: ['watches'] },
  timeTracking: { fields: ['timetracking'] },
  resolution: { fields: ['resolution'] },
  resolutionDate: { fields: ['resolutiondate'] },
  dueDate: { fields: ['duedate'] },
  environment: { fields: ['environment'] },
  changelog: { expand: ['changelog'] },
  transitions: { expand: ['transitions'] },
}

/** What node(id:) and mutations without a usable selection ask for: the whole standard model. */
export const ALL_STANDARD_FIELDS = [...new Set(Object.values(NEEDS).flatMap((need) => need.fields ?? []))].sort()

/** The Issue fields JIRA embeds in a linked issue, subtask or parent stub: a selection within these needs no call. */
export const STUB_FIELDS = new Set(['summary', 'status', 'priority', 'issuetype'])

/**
 * yoga caches parsed documents, so every run of the same query reuses the same AST nodes: the
 * selection below a field node can be remembered, unless variables (@skip, @include, arguments)
 * could change it. The bench's profile showed this walk as the largest cost of a query's own code.
 */
const selections = new WeakMap<object, Map<string, ResolveTree[]>>()

/** The selection on Issue at the current field, found at `path` (e.g. ['edges', 'node'] for a connection). */
export function issueSelection(info: GraphQLResolveInfo, path: readonly string[] = []): ResolveTree[] {
  const cacheable = Object.keys(info.variableValues).length === 0
  const node = info.fieldNodes[0]!
  const key = path.join('.')
  const known = cacheable ? selections.get(node)?.get(key) : undefined
  if (known) return known
  const selection = walkSelection(info, path)
  if (cacheable) {
    let byPath = selections.get(node)
    if (!byPath) selections.set(node, (byPath = new Map()))
    byPath.set(key, selection)
  }
  return selection
}

function walkSelection(info: GraphQLResolveInfo, path: readonly string[]): ResolveTree[] {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined
  if (!tree) return []
  let level: ResolveTree[] = [tree]
  for (const step of path) {
    level = level.flatMap((node) => Object.values(node.fieldsByTypeName).flatMap((fields) => Object.values(fields).filter((field) => field.name === step)))
  }
  return level.flatMap((node) => issueFields(node.fieldsByTypeName))
}

function issueFields(byType: FieldsByTypeName): ResolveTree[] {
  return [...Object.values(byType.Issue ?? {}), ...Object.values(byType.Node ?? {})]
}

/** The JIRA fields and expands a selection needs; custom fields are mapped to ids through the viewer's field catalog. */
export async function issueNeeds(ctx: Context, selection: ResolveTree[]): Promise<IssueNeeds> {
  const fields = new Set<string>()
  const expand = new Set<string>()
  for (const field of selection) {
    const need = NEEDS[field.name]
    for (const name of need?.fields ?? []) fields.add(name)
    for (const name of need?.expand ?? []) expand.add(name)
    if (field.name === 'customFields') {
      for (const custom of await ctx.fieldCatalog().customFieldIds()) fields.add(custom)
    } else if (field.name === 'customField') {
      const id = await ctx.fieldCatalog().resolveId(field.args as { name?: string | null; id?: string | null })
      if (id) fields.add(id)
    }
  }
  return { fields: [...fields].sort(), expand: [...expand].sort() }
}

export async function issueNeedsAt(ctx: Context, info: GraphQLResolveInfo, path: readonly string[] = []): Promise<IssueNeeds> {
  return issueNeeds(ctx, issueSelection(info, path))
}

/** True when everything selected can be read from a stub JIRA embeds (no further call needed). */
export function stubSuffices(needs: IssueNeeds): boolean {
  return needs.expand.length === 0 && needs.fields.every((field) => STUB_FIELDS.has(field))
}

export function assertFirst(first: number | null | undefined, max = 100): number {
  const value = first ?? 25
  if (!Number.isInteger(value) || value < 1 || value > max) throw new BadUserInputError(`first must be between 1 and ${max}.`, { argument: 'first' })
  return value
}
