// Runs `prisma generate` so that it also works where Prisma's binary host cannot be reached.
// The Prisma 7 CLI resolves a schema-engine binary before any command, downloading it when absent;
// `generate` never runs that engine, so when none is configured any existing file satisfies the
// check. With network access, `npx prisma ...` works as usual.
import { spawnSync } from 'node:child_process'

const env = { ...process.env }
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath
env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1'
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: 'inherit', env })
process.exit(result.status ?? 1)
