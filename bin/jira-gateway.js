#!/usr/bin/env node
// `jira-gateway`: runs the TypeScript CLI (src/cli/main.ts) through tsx, so it needs no build step.
// tsconfig.json is named explicitly: tsx would otherwise look for one in the working directory.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
await import('../src/cli/main.ts')
