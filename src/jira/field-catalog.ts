/**
 * JIRA's field list (GET /rest/api/2/field) for one person: maps custom field names such as
 * "Story Points" to ids such as customfield_10006. Fetched once per person and kept for a while in
 * a shared LRU cache (lru-cache, whose fetch() also merges concurrent loads), never per issue.
 */
import { LRUCache } from 'lru-cache'
import { BadUserInputError } from '../errors.ts'
import type { JiraClient } from './client.ts'
import type { JiraField } from './types.ts'

export type FieldCache = LRUCache<string, JiraField[], JiraClient>

export function createFieldCache(ttlMs = 10 * 60_000, max = 1000): FieldCache {
  return new LRUCache<string, JiraField[], JiraClient>({
    max,
    ttl: ttlMs,
    fetchMethod: async (_key, _stale, { context }) => context.get<JiraField[]>('/rest/api/2/field'),
  })
}

export class FieldCatalog {
  constructor(
    private readonly cache: FieldCache,
    /** Whose view of the fields (JIRA shows each person the fields they may see). */
    private readonly cacheKey: string,
    private readonly client: () => JiraClient,
  ) {}

  async all(): Promise<JiraField[]> {
    return (await this.cache.fetch(this.cacheKey, { context: this.client() })) ?? []
  }

  async customFieldIds(): Promise<string[]> {
    return (await this.all()).filter((field) => field.custom).map((field) => field.id)
  }

  async byId(id: string): Promise<JiraField | undefined> {
    return (await this.all()).find((field) => field.id === id)
  }

  /** A field id from an id or a (case-insensitive) name; a name shared by several fields must be given by id. */
  async resolveId(args: { name?: string | null; id?: string | null }): Promise<string | undefined> {
    const fields = await this.all()
    if (args.id) return fields.find((field) => field.id === args.id)?.id
    if (!args.name) return undefined
    const wanted = args.name.trim().toLowerCase()
    const matches = fields.filter((field) => field.name.toLowerCase() === wanted)
    if (matches.length > 1) {
      throw new BadUserInputError(`Several fields are named "${args.name}" (${matches.map((field) => field.id).join(', ')}): ask by id.`, { argument: 'name' })
    }
    return matches[0]?.id
  }
}
