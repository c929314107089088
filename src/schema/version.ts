import type { JiraVersion } from '../jira/types.ts'
import { builder } from './builder.ts'

export const VersionRef = builder.objectRef<JiraVersion>('Version').implement({
  description: 'A project version (release).',
  fields: (t) => ({
    id: t.id({ description: "JIRA's version id.", resolve: (version) => version.id ?? '' }),
    name: t.string({ description: 'The version name, e.g. "2.0".', resolve: (version) => version.name ?? '' }),
    description: t.string({ nullable: true, description: 'What the version is.', resolve: (version) => version.description || null }),
    released: t.boolean({ description: 'Whether the version is released.', resolve: (version) => version.released ?? false }),
    archived: t.boolean({ description: 'Whether the version is archived.', resolve: (version) => version.archived ?? false }),
    releaseDate: t.field({ type: 'Date', nullable: true, description: 'The (planned) release date.', resolve: (version) => version.releaseDate ?? null }),
  }),
})
