import SchemaBuilder from '@pothos/core'
import RelayPlugin from '@pothos/plugin-relay'
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects'
import type { Context } from '../context.ts'

export const builder = new SchemaBuilder<{
  Context: Context
  Scalars: {
    DateTime: { Input: Date; Output: Date }
    Date: { Input: string; Output: string }
    URL: { Input: URL; Output: URL | string }
    JSON: { Input: unknown; Output: unknown }
    EmailAddress: { Input: string; Output: string }
  }
  DefaultFieldNullability: false
}>({
  plugins: [RelayPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a global id, which node(id:) fetches again: what Relay and normalized client caches rely on.' },
    // Descriptions for the connection parts every connection shares (GraphiQL shows them).
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Whether there are more pages, and the cursors to fetch them.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: { description: 'An opaque cursor: pass it as `after` to continue after this item.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'The cursor of the last item of the page: pass it as `after` for the next page.' },
    firstArgOptions: { description: 'How many items to return (1 to 100; default 25).' },
    afterArgOptions: { description: 'Return items after this cursor.' },
    lastArgOptions: { description: 'How many items to return from the end (only where the connection supports it).' },
    beforeArgOptions: { description: 'Return items before this cursor (only where the connection supports it).' },
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
