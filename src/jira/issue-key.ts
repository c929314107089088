/** JIRA issue keys: a project key (a letter, then letters, digits or underscores) and a number. */
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,254}-[1-9][0-9]{0,17}$/

export function isIssueKey(value: string): boolean {
  return ISSUE_KEY.test(value)
}

/** Canonical form for cache keys and JQL: JIRA compares keys case-insensitively. */
export function normalizeIssueKey(value: string): string {
  return value.toUpperCase()
}
