// Runs a parsed JQL query over the issues a user may see.
//
// Deliberately lenient where JIRA is strict: JIRA refuses `key in (NOPE-1)` for a key that does
// not exist (and `project = X` for a project the user cannot see) with a 400; the sandbox simply
// matches nothing, so a batch lookup of several keys still returns the ones that exist.
import { parseJiraTimestamp, type IssueRecord, type UserRecord } from '../data.ts'
import type { JqlClause, JqlExpression, JqlQuery, JqlSort, JqlValue } from '../jql.ts'
import type { SandboxState } from '../state.ts'

interface NamedRef {
  name?: string
  id?: string
  key?: string
}

export function runJql(query: JqlQuery, state: SandboxState, user: UserRecord): IssueRecord[] {
  const keyIds = new Map<JqlClause, Set<string>>()
  const matches = state.visibleIssues(user).filter((issue) => !query.where || evaluate(query.where, issue, state, user, keyIds))
  // Without ORDER BY JIRA's navigator shows the newest issues first; key DESC is the stable equivalent.
  const sorts: JqlSort[] = query.orderBy.length > 0 ? query.orderBy : [{ field: 'key', direction: 'desc' }]
  return matches.sort((a, b) => {
    for (const sort of sorts) {
      const order = compare(sort, a, b, state)
      if (order !== 0) return sort.direction === 'asc' ? order : -order
    }
    return 0
  })
}

/** `keyIds`: the ids each key clause names, resolved once per search (a long `key in (…)` over thousands) */
type KeyIds = Map<JqlClause, Set<string>>

function evaluate(expr: JqlExpression, issue: IssueRecord, state: SandboxState, user: UserRecord, keyIds: KeyIds): boolean {
  switch (expr.type) {
    case 'and':
      return expr.terms.every((term) => evaluate(term, issue, state, user, keyIds))
    case 'or':
      return expr.terms.some((term) => evaluate(term, issue, state, user, keyIds))
    case 'not':
      return !evaluate(expr.term, issue, state, user, keyIds)
    case 'clause':
      return evaluateClause(expr, issue, state, user, keyIds)
  }
}

function evaluateClause(clause: JqlClause, issue: IssueRecord, state: SandboxState, user: UserRecord, keyIds: KeyIds): boolean {
  const fields = issue.fields
  switch (clause.field) {
    case 'key': {
      let ids = keyIds.get(clause)
      if (!ids) {
        ids = new Set(clause.values.flatMap((v) => (v.kind === 'string' ? [state.findIssue(v.value)?.id ?? ''] : [])))
        keyIds.set(clause, ids)
      }
      const hit = ids.has(issue.id)
      return positive(clause) ? hit : !hit
    }
    case 'project': {
      const project = fields['project'] as NamedRef
      const hit = clause.values.some((v) => v.kind === 'string' && matchesRef(project, v.value, ['key', 'name', 'id']))
      return positive(clause) ? hit : !hit
    }
    case 'status': {
      const status = fields['status'] as NamedRef
      const hit = clause.values.some((v) => v.kind === 'string' && matchesRef(status, v.value, ['name', 'id']))
      return positive(clause) ? hit : !hit
    }
    case 'summary': {
      const summary = String(fields['summary'] ?? '')
      if (clause.operator === 'is' || clause.operator === 'is not') return (summary === '') === (clause.operator === 'is')
      const needle = (clause.values[0] as { value?: string } | undefined)?.value ?? ''
      // JIRA's ~ is a word search; a case-insensitive "contains" is the sandbox's stand-in.
      const hit = summary.toLowerCase().includes(needle.toLowerCase())
      return clause.operator === '~' ? hit : !hit
    }
    case 'assignee': {
      const assignee = fields['assignee'] as NamedRef | null
      const hit = clause.values.some((v) => matchesAssignee(assignee, v, user))
      if (positive(clause)) return hit
      // As in JIRA, `assignee != x` does not match unassigned issues (unless EMPTY itself is negated).
      const negatesEmpty = clause.values.some((v) => v.kind === 'empty')
      return negatesEmpty ? !hit : assignee !== null && !hit
    }
  }
}

function positive(clause: JqlClause): boolean {
  return clause.operator === '=' || clause.operator === 'in' || clause.operator === 'is' || clause.operator === '~'
}

function matchesRef(ref: NamedRef | null | undefined, value: string, by: Array<keyof NamedRef>): boolean {
  if (!ref) return false
  const lower = value.toLowerCase()
  return by.some((prop) => ref[prop] !== undefined && ref[prop]!.toLowerCase() === lower)
}

function matchesAssignee(assignee: NamedRef | null, value: JqlValue, user: UserRecord): boolean {
  if (value.kind === 'empty') return assignee === null
  if (assignee === null) return false
  const name = value.kind === 'function' ? user.name : value.value
  return matchesRef(assignee, name, ['name', 'key'])
}

function compare(sort: JqlSort, a: IssueRecord, b: IssueRecord, state: SandboxState): number {
  switch (sort.field) {
    case 'key': {
      // by project key, then by number: JJ-10 comes after JJ-9
      const [pa, na] = splitKey(a.key)
      const [pb, nb] = splitKey(b.key)
      return pa < pb ? -1 : pa > pb ? 1 : na - nb
    }
    case 'created':
    case 'updated':
      return parseJiraTimestamp(String(a.fields[sort.field])) - parseJiraTimestamp(String(b.fields[sort.field]))
    case 'priority':
      // JIRA sorts priorities by rank: DESC puts the highest (Blocker, id 1) first.
      return priorityRank(b, state) - priorityRank(a, state)
  }
}

function splitKey(key: string): [string, number] {
  const dash = key.lastIndexOf('-')
  return [key.slice(0, dash), Number(key.slice(dash + 1))]
}

function priorityRank(issue: IssueRecord, state: SandboxState): number {
  const priority = issue.fields['priority'] as NamedRef | null
  const index = state.data.priorities.findIndex((p) => p.id === priority?.id)
  return index === -1 ? state.data.priorities.length : index
}
