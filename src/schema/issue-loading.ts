/** Loading issues for resolvers: through the request's DataLoader, with the fields the selection needs. */
import type { GraphQLResolveInfo } from 'graphql'
import type { Context } from '../context.ts'
import type { JiraIssue } from '../jira/types.ts'
import { issueNeedsAt, stubSuffices, type IssueNeeds } from './issue-needs.ts'

export function loadIssue(ctx: Context, key: string, needs: IssueNeeds): Promise<JiraIssue | null> {
  return ctx.loaders.issue.load({ key, fields: needs.fields, expand: needs.expand })
}

/**
 * A nested issue (parent, subtask, linked issue). JIRA embeds a stub with summary, status, priority
 * and type: when the selection needs no more, the stub answers; otherwise the issue joins the
 * request's batch.
 */
export async function resolveNestedIssues(ctx: Context, info: GraphQLResolveInfo, stubs: JiraIssue[]): Promise<JiraIssue[]> {
  if (stubs.length === 0) return []
  const needs = await issueNeedsAt(ctx, info)
  if (stubSuffices(needs)) return stubs
  const loaded = await Promise.all(stubs.map((stub) => loadIssue(ctx, stub.key, needs)))
  return loaded.filter((issue): issue is JiraIssue => issue !== null)
}

export async function resolveNestedIssue(ctx: Context, info: GraphQLResolveInfo, stub: JiraIssue | null | undefined): Promise<JiraIssue | null> {
  if (!stub) return null
  return (await resolveNestedIssues(ctx, info, [stub]))[0] ?? null
}
