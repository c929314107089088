/** The gateway's GraphQL schema: importing each type file registers it with the builder. */
import { lexicographicSortSchema } from 'graphql'
import { builder } from './builder.ts'
import './scalars.ts'
import './user.ts'
import './status.ts'
import './issue-type.ts'
import './priority.ts'
import './project.ts'
import './comment.ts'
import './issue.ts'
import './authorization.ts'

builder.queryType({ description: 'Reads, as the JIRA user of the session.' })
builder.mutationType({ description: "JIRA's OAuth dance and sign-out." })

export const schema = lexicographicSortSchema(builder.toSchema())
