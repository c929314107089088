import { BadUserInputError, NotFoundError } from '../errors.ts'
import type { JiraUser } from '../jira/types.ts'
import { builder } from './builder.ts'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const UserRef = builder.objectRef<JiraUser>('User').implement({
  description: 'A JIRA user.',
  fields: (t) => ({
    key: t.string({ description: "JIRA's stable user key (survives renames).", resolve: (user) => user.key ?? user.name ?? '' }),
    name: t.string({ description: 'The user name (login).', resolve: (user) => user.name ?? '' }),
    displayName: t.string({ description: 'The name JIRA shows for this person.', resolve: (user) => user.displayName ?? user.name ?? '' }),
    emailAddress: t.field({
      type: 'EmailAddress',
      nullable: true,
      description: 'Email address, when JIRA shows it to the viewer (null when hidden or masked by JIRA\'s privacy settings).',
      // JIRA can mask addresses ("alana at example dot com"): only a real address is passed on.
      resolve: (user) => (user.emailAddress && EMAIL.test(user.emailAddress) ? user.emailAddress : null),
    }),
    active: t.boolean({ nullable: true, description: 'Whether the account is active.', resolve: (user) => user.active ?? null }),
    timeZone: t.string({ nullable: true, description: "The user's time zone (IANA name).", resolve: (user) => user.timeZone ?? null }),
    avatarUrl: t.field({
      type: 'URL',
      nullable: true,
      description: 'The 48x48 avatar.',
      resolve: (user) => user.avatarUrls?.['48x48'] ?? null,
    }),
  }),
})

builder.queryField('viewer', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'The JIRA user this request acts as (from /rest/api/2/myself); null when the request carries no valid session.',
    resolve: async (_root, _args, ctx) => (ctx.session && !ctx.session.authorization.revokedAt ? ctx.jira().myself() : null),
  }),
)

builder.queryField('user', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'A JIRA user by user name; null when there is none.',
    args: { username: t.arg.string({ required: true, description: 'The user name (login), e.g. "alana".' }) },
    resolve: async (_root, { username }, ctx) => {
      const name = username.trim()
      if (!name || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) throw new BadUserInputError('username must be a JIRA user name.', { argument: 'username' })
      try {
        return await ctx.jira().get<JiraUser>('/rest/api/2/user', { username: name })
      } catch (error) {
        if (error instanceof NotFoundError) return null
        throw error
      }
    },
  }),
)
