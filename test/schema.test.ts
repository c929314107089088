// The committed schema.graphql is what codegen prints from the code today, and the schema documents itself.
import { readFileSync } from 'node:fs'
import { generate } from '@graphql-codegen/cli'
import { isObjectType, isInterfaceType, isEnumType, isInputObjectType } from 'graphql'
import { expect, it } from 'vitest'
import config from '../codegen.ts'
import { schema } from '../src/schema/index.ts'

it('schema.graphql and the example client are what codegen makes today (run `npm run codegen` after changing src/schema)', async () => {
  const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, silent: true }, false)
  expect(outputs.map((output) => output.filename)).toContain('schema.graphql')
  for (const output of outputs) {
    expect(readFileSync(new URL(`../${output.filename}`, import.meta.url), 'utf8'), output.filename).toBe(output.content)
  }
})

it('describes every type, field, argument and enum value (GraphiQL shows them)', () => {
  const missing: string[] = []
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue
    if (!type.description) missing.push(type.name)
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`)
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`)
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`)
  }
  expect(missing).toEqual([])
})
