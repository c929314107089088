/** The gateway's GraphQL schema: importing each type file registers it with the builder. */
import { lexicographicSortSchema } from 'graphql'
import { builder } from './builder.ts'
import './scalars.ts'
import './user.ts'
import './status.ts'
import './issue-type.ts'
import './priority.ts'
import './project.ts'
import './component.ts'
import './version.ts'
import './attachment.ts'
import './time-tracking.ts'
import './resolution.ts'
import './transition.ts'
import './changelog.ts'
import './custom-field.ts'
import './comment.ts'
import './issue-link.ts'
import './issue.ts'
import './issue-search.ts'
import './issue-mutations.ts'
import './rest.ts'
import './authorization.ts'

builder.queryType({ description: 'Reads, as the JIRA user of the session.' })
builder.mutationType({ description: "JIRA's OAuth dance, sign-out, and writes to issues as the session's JIRA user." })

export const schema = lexicographicSortSchema(builder.toSchema())
