import type { JiraIssue } from '../jira/types.ts'
import { builder } from './builder.ts'

/** The Issue type's reference, apart from its fields (issue.ts), so types that point at issues can import it without a cycle. */
export const IssueRef = builder.objectRef<JiraIssue>('Issue')
