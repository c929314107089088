import { BadUserInputError } from '../errors.ts'
import { restUrl } from '../jira/rest-path.ts'
import { builder } from './builder.ts'

type QueryValue = string | number | boolean

function queryArg(query: unknown): Record<string, QueryValue | QueryValue[]> {
  if (query === null || query === undefined) return {}
  if (typeof query !== 'object' || Array.isArray(query)) throw new BadUserInputError('query must be an object of parameter names to values.', { argument: 'query' })
  const out: Record<string, QueryValue | QueryValue[]> = {}
  const scalar = (value: unknown): value is QueryValue => ['string', 'number', 'boolean'].includes(typeof value)
  for (const [name, value] of Object.entries(query)) {
    if (!name || /[\u0000-\u001f\u007f]/.test(name)) throw new BadUserInputError('query parameter names must be non-empty text.', { argument: 'query' })
    if (scalar(value) || (Array.isArray(value) && value.every(scalar))) out[name] = value as QueryValue | QueryValue[]
    else throw new BadUserInputError(`query.${name} must be a string, number, boolean or a list of them.`, { argument: 'query' })
  }
  return out
}

builder.queryField('rest', (t) =>
  t.field({
    type: 'JSON',
    nullable: true,
    description:
      'A signed GET of any REST resource of the configured JIRA, as the viewer: the counterpart of the tutorial client\'s `request <URL>`. Only paths under /rest/ of that JIRA are allowed.',
    args: {
      path: t.arg.string({ required: true, description: 'A path under /rest/, e.g. "/rest/api/2/serverInfo".' }),
      query: t.arg({ type: 'JSON', required: false, description: 'Query parameters, e.g. {"fields": "summary"}; a list repeats the name.' }),
    },
    resolve: async (_root, { path, query }, ctx) => {
      const base = ctx.services.config.jiraBaseUrl
      const url = restUrl(base, path)
      const params = queryArg(query)
      return ctx.jira().get<unknown>(url.slice(base.length), params)
    },
  }),
)
