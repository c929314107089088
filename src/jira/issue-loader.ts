/**
 * One DataLoader per GraphQL request for issues by key. Lookups made in the same tick become one
 * JIRA call: a single key is one GET of the issue; several are one `search` with `key in (...)`,
 * asking only for the union of the fields the lookups need. Keys a search does not return (a moved
 * issue's old key) are fetched one by one, since GET resolves old keys.
 */
import DataLoader from 'dataloader'
import type { JiraClient } from './client.ts'
import { normalizeIssueKey } from './issue-key.ts'
import type { JiraIssue } from './types.ts'

export interface IssueRequest {
  key: string
  /** JIRA field ids this lookup needs. */
  fields: readonly string[]
  expand?: readonly string[]
}

const SEARCH_CHUNK = 50

export type IssueLoader = DataLoader<IssueRequest, JiraIssue | null, string>

export function createIssueLoader(jira: () => JiraClient): IssueLoader {
  return new DataLoader<IssueRequest, JiraIssue | null, string>(
    async (requests) => {
      const keys = [...new Set(requests.map((request) => normalizeIssueKey(request.key)))]
      const fields = union(requests.map((request) => request.fields))
      const expand = union(requests.map((request) => request.expand ?? []))
      const found = await loadIssues(jira(), keys, fields, expand)
      return requests.map((request) => found.get(normalizeIssueKey(request.key)) ?? null)
    },
    {
      cacheKeyFn: (request) => `${normalizeIssueKey(request.key)}|${[...request.fields].sort().join(',')}|${[...(request.expand ?? [])].sort().join(',')}`,
    },
  )
}

async function loadIssues(client: JiraClient, keys: string[], fields: string[], expand: string[]): Promise<Map<string, JiraIssue>> {
  const found = new Map<string, JiraIssue>()
  if (keys.length === 1) {
    const issue = await client.issue(keys[0]!, { fields, expand })
    if (issue) found.set(keys[0]!, issue)
    return found
  }
  for (let start = 0; start < keys.length; start += SEARCH_CHUNK) {
    const chunk = keys.slice(start, start + SEARCH_CHUNK)
    for (const issue of await searchAll(client, `key in (${chunk.join(', ')})`, fields, expand)) {
      found.set(normalizeIssueKey(issue.key), issue)
    }
  }
  const missing = keys.filter((key) => !found.has(key))
  await Promise.all(
    missing.map(async (key) => {
      const issue = await client.issue(key, { fields, expand })
      if (issue) found.set(key, issue)
    }),
  )
  return found
}

/** Every issue a JQL query matches, paging by the `maxResults` JIRA actually grants (servers cap it). */
export async function searchAll(client: JiraClient, jql: string, fields: string[], expand: string[] = []): Promise<JiraIssue[]> {
  const issues: JiraIssue[] = []
  let startAt = 0
  for (;;) {
    const page = await client.search({ jql, startAt, maxResults: SEARCH_CHUNK, fields, expand })
    issues.push(...page.issues)
    startAt += page.issues.length
    if (page.issues.length === 0 || startAt >= page.total) return issues
  }
}

function union(lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())].sort()
}
