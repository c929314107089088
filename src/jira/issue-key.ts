import { BadUserInputError } from '../errors.ts'

/** JIRA issue keys: a project key (a letter, then letters, digits or underscores) and a number. */
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,254}-[1-9][0-9]{0,17}$/

export function isIssueKey(value: string): boolean {
  return ISSUE_KEY.test(value)
}

/** Canonical form for cache keys and JQL: JIRA compares keys case-insensitively. */
export function normalizeIssueKey(value: string): string {
  return value.toUpperCase()
}

/** An issue key argument, validated before any JIRA call. */
export function parseIssueKey(value: string, argument = 'key'): string {
  const trimmed = value.trim()
  if (!isIssueKey(trimmed)) {
    throw new BadUserInputError(`"${value.slice(0, 64)}" is not an issue key: expected a project key and a number, such as "JJ-2".`, { argument })
  }
  return trimmed
}
