import DataLoader from 'dataloader'
import { BadUserInputError, NotFoundError } from '../errors.ts'
import type { JiraClient } from '../jira/client.ts'
import type { JiraProject } from '../jira/types.ts'
import type { Context } from '../context.ts'
import { builder } from './builder.ts'
import { ComponentRef } from './component.ts'
import { UserRef } from './user.ts'
import { VersionRef } from './version.ts'

const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,254}$/

/** Full projects by key, one GET each, once per request. */
export function createProjectLoader(jira: () => JiraClient) {
  return new DataLoader<string, JiraProject | null>((keys) =>
    Promise.all(
      keys.map((key) =>
        jira()
          .get<JiraProject>(`/rest/api/2/project/${encodeURIComponent(key)}`)
          .catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))),
      ),
    ),
  )
}

/** An issue embeds only id, key and name: the rest comes from the full project. */
async function full(project: JiraProject, ctx: Context): Promise<JiraProject> {
  if (project.lead !== undefined || !project.key) return project
  return (await ctx.loaders.project.load(project.key.toUpperCase())) ?? project
}

export const ProjectRef = builder.objectRef<JiraProject>('Project').implement({
  description: 'A JIRA project.',
  fields: (t) => ({
    id: t.id({ description: "JIRA's project id.", resolve: (project) => project.id ?? '' }),
    key: t.string({ description: 'The project key, e.g. "JJ".', resolve: (project) => project.key ?? '' }),
    name: t.string({ description: 'The project name.', resolve: (project) => project.name ?? '' }),
    url: t.field({ type: 'URL', description: 'Where a person views the project in JIRA.', resolve: (project, _args, ctx) => `${ctx.services.config.jiraBaseUrl}/browse/${encodeURIComponent(project.key ?? '')}` }),
    description: t.string({ nullable: true, description: 'What the project is about.', resolve: async (project, _args, ctx) => (await full(project, ctx)).description || null }),
    lead: t.field({ type: UserRef, nullable: true, description: 'The project lead.', resolve: async (project, _args, ctx) => (await full(project, ctx)).lead ?? null }),
    components: t.field({ type: [ComponentRef], description: 'The project components.', resolve: async (project, _args, ctx) => (await full(project, ctx)).components ?? [] }),
    versions: t.field({ type: [VersionRef], description: 'The project versions.', resolve: async (project, _args, ctx) => (await full(project, ctx)).versions ?? [] }),
  }),
})

builder.queryField('project', (t) =>
  t.field({
    type: ProjectRef,
    nullable: true,
    description: 'A project by key; null when it does not exist or the viewer may not see it.',
    args: { key: t.arg.string({ required: true, description: 'The project key, e.g. "JJ".' }) },
    resolve: (_root, { key }, ctx) => {
      if (!PROJECT_KEY.test(key.trim())) throw new BadUserInputError(`"${key.slice(0, 64)}" is not a project key.`, { argument: 'key' })
      ctx.jira()
      return ctx.loaders.project.load(key.trim().toUpperCase())
    },
  }),
)

builder.queryField('projects', (t) =>
  t.field({
    type: [ProjectRef],
    description: 'The projects the viewer may see.',
    resolve: (_root, _args, ctx) => ctx.jira().get<JiraProject[]>('/rest/api/2/project'),
  }),
)
