// GraphQL Code Generator: the printed, sorted schema for frontends (schema.graphql, committed).
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
  },
}

export default config
