import SchemaBuilder from '@pothos/core'
import RelayPlugin from '@pothos/plugin-relay'
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects'
import type { Context } from '../context.ts'

export const builder = new SchemaBuilder<{
  Context: Context
  Scalars: {
    DateTime: { Input: Date; Output: Date }
    URL: { Input: URL; Output: URL | string }
    JSON: { Input: unknown; Output: unknown }
  }
  DefaultFieldNullability: false
}>({
  plugins: [RelayPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a global id, which node(id:) fetches again: what Relay and normalized client caches rely on.' },
    idFieldOptions: { description: 'A global id, stable across requests; give it to node(id:).' },
    nodeQueryOptions: {
      description: 'Fetches any object by its global id (the `id` field), as Relay and normalized client caches expect.',
      args: { id: { description: 'A global id from an `id` field.' } },
    },
    nodesQueryOptions: {
      description: 'Fetches several objects by their global ids, in order; null where one cannot be seen.',
      args: { ids: { description: 'Global ids from `id` fields.' } },
    },
  },
})
