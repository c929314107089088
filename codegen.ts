// GraphQL Code Generator: the printed, sorted schema for frontends (schema.graphql, committed), and
// the typed client of the example consumer (examples/typed-client/gql, TypedDocumentNodes).
import type { CodegenConfig } from '@graphql-codegen/cli'
import { printSchema } from 'graphql'
import { schema } from './src/schema/index.ts'

const config: CodegenConfig = {
  // The schema object itself, printed: no server has to run for codegen.
  schema: printSchema(schema),
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { sort: true, includeDirectives: false, commentDescriptions: false },
    },
    'examples/typed-client/gql/': {
      documents: ['examples/typed-client/**/*.ts', '!examples/typed-client/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        importExtension: '.ts',
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', URL: 'string', JSON: 'unknown', EmailAddress: 'string' },
      },
    },
  },
}

export default config
