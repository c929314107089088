/** Writes to issues, as the viewer and within JIRA's permissions. Each returns the changed issue, read back fresh. */
import type { GraphQLResolveInfo } from 'graphql'
import type { Context } from '../context.ts'
import { BadUserInputError, NotFoundError } from '../errors.ts'
import type { JiraIssue, JiraTransition } from '../jira/types.ts'
import { builder } from './builder.ts'
import { parseIssueKey } from '../jira/issue-key.ts'
import { issueNeedsAt } from './issue-needs.ts'
import { IssueRef } from './issue-ref.ts'

const MAX_SUMMARY = 255
const MAX_TEXT = 32_767 // JIRA's default limit for a text field

async function readBack(ctx: Context, info: GraphQLResolveInfo, key: string): Promise<JiraIssue> {
  const needs = await issueNeedsAt(ctx, info)
  const issue = await ctx.jira().issue(key, needs)
  if (!issue) throw new NotFoundError(`Issue ${key} cannot be read back after the change.`)
  return issue
}

function summaryArg(summary: string): string {
  const value = summary.trim()
  if (!value) throw new BadUserInputError('summary must not be empty.', { argument: 'summary', field: 'summary' })
  if (value.length > MAX_SUMMARY) throw new BadUserInputError(`summary must be at most ${MAX_SUMMARY} characters.`, { argument: 'summary', field: 'summary' })
  return value
}

function textArg(value: string, argument: string): string {
  if (value.length > MAX_TEXT) throw new BadUserInputError(`${argument} must be at most ${MAX_TEXT} characters.`, { argument })
  return value
}

function labelsArg(labels: readonly string[]): string[] {
  for (const label of labels) {
    if (!label || /\s/.test(label) || label.length > 255) throw new BadUserInputError(`The label "${label.slice(0, 64)}" is empty, too long or contains spaces, which JIRA does not allow.`, { argument: 'labels', field: 'labels' })
  }
  return [...labels]
}

builder.mutationField('transitionIssue', (t) =>
  t.field({
    type: IssueRef,
    description: 'Moves an issue through its workflow by a transition available to the viewer now (see Issue.transitions).',
    args: {
      issueKey: t.arg.string({ required: true, description: 'The issue key.' }),
      transition: t.arg.string({ required: true, description: 'The transition id (e.g. "21") or name (e.g. "Start Progress", case-insensitive).' }),
      comment: t.arg.string({ required: false, description: 'A comment to add with the transition.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const key = parseIssueKey(args.issueKey, 'issueKey')
      const wanted = args.transition.trim()
      if (!wanted) throw new BadUserInputError('transition must be an id or a name.', { argument: 'transition' })
      const comment = args.comment ? textArg(args.comment, 'comment') : undefined
      const path = `/rest/api/2/issue/${encodeURIComponent(key)}/transitions`
      const { transitions } = await ctx.jira().get<{ transitions: JiraTransition[] }>(path)
      const match = transitions.find((tr) => tr.id === wanted) ?? transitions.find((tr) => tr.name?.toLowerCase() === wanted.toLowerCase())
      if (!match) {
        const available = transitions.map((tr) => `${tr.name} (${tr.id})`).join(', ') || 'none'
        throw new BadUserInputError(`No transition "${wanted.slice(0, 64)}" is available for ${key} now. Available: ${available}.`, { argument: 'transition' })
      }
      await ctx.jira().post(path, { transition: { id: match.id }, ...(comment ? { update: { comment: [{ add: { body: comment } }] } } : {}) })
      return readBack(ctx, info, key)
    },
  }),
)

builder.mutationField('assignIssue', (t) =>
  t.field({
    type: IssueRef,
    description: 'Assigns an issue to a user, or unassigns it when username is null.',
    args: {
      issueKey: t.arg.string({ required: true, description: 'The issue key.' }),
      username: t.arg.string({ required: false, description: 'The user name to assign to; null unassigns.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const key = parseIssueKey(args.issueKey, 'issueKey')
      const username = args.username?.trim() || null
      await ctx.jira().put(`/rest/api/2/issue/${encodeURIComponent(key)}/assignee`, { name: username })
      return readBack(ctx, info, key)
    },
  }),
)

builder.mutationField('createIssue', (t) =>
  t.field({
    type: IssueRef,
    description: 'Creates an issue; the viewer is its reporter.',
    args: {
      projectKey: t.arg.string({ required: true, description: 'The project key, e.g. "JJ".' }),
      issueType: t.arg.string({ required: true, description: 'The issue type name, e.g. "Bug" or "Task".' }),
      summary: t.arg.string({ required: true, description: 'The one-line summary.' }),
      description: t.arg.string({ required: false, description: 'The description in JIRA wiki markup.' }),
      labels: t.arg.stringList({ required: false, description: 'Labels (no spaces).' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const fields: Record<string, unknown> = {
        project: { key: args.projectKey.trim() },
        issuetype: { name: args.issueType.trim() },
        summary: summaryArg(args.summary),
      }
      if (args.description != null) fields.description = textArg(args.description, 'description')
      if (args.labels) fields.labels = labelsArg(args.labels)
      const created = await ctx.jira().post<{ key: string }>('/rest/api/2/issue', { fields })
      return readBack(ctx, info, created.key)
    },
  }),
)

builder.mutationField('updateIssue', (t) =>
  t.field({
    type: IssueRef,
    description: 'Changes an issue\'s summary, description or labels (the arguments given; labels replace the old ones).',
    args: {
      issueKey: t.arg.string({ required: true, description: 'The issue key.' }),
      summary: t.arg.string({ required: false, description: 'A new summary.' }),
      description: t.arg.string({ required: false, description: 'A new description; an empty string clears it.' }),
      labels: t.arg.stringList({ required: false, description: 'The new labels, replacing the old ones.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const key = parseIssueKey(args.issueKey, 'issueKey')
      const fields: Record<string, unknown> = {}
      if (args.summary != null) fields.summary = summaryArg(args.summary)
      if (args.description != null) fields.description = textArg(args.description, 'description')
      if (args.labels != null) fields.labels = labelsArg(args.labels)
      if (Object.keys(fields).length === 0) throw new BadUserInputError('Give at least one of summary, description or labels.', { argument: 'summary' })
      await ctx.jira().put(`/rest/api/2/issue/${encodeURIComponent(key)}`, { fields })
      return readBack(ctx, info, key)
    },
  }),
)
