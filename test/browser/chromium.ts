/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (no
 * browser download), a fresh temporary profile each time, and no network beyond 127.0.0.1: every
 * outside request is refused and recorded, so a test can assert that GraphiQL needs none (the
 * gateway serves GraphiQL from @graphql-yoga/render-graphiql, not from a CDN).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Why the browser tests cannot run here, or undefined. Outside CI a missing Chromium skips; in CI it fails. */
export function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined
  if (process.env.CI) return undefined // launching fails below, loudly: CI must have it (.ci/run installs it)
  return `${CHROMIUM} is missing: browser test skipped (install it with: apt-get install -y --no-install-recommends chromium)`
}

export interface BrowserSession {
  context: BrowserContext
  page: Page
  /** Outside (non-loopback) requests the page made that were refused. */
  refused: string[]
  close(): Promise<void>
}

const isLoopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'

export async function launchChromium(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing, and CI is set, so the browser test must run: .ci/run installs Debian's chromium before npm test`)
  }
  const profile = mkdtempSync(join(tmpdir(), 'jgw-chromium-'))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 800 },
      timeout: 30_000,
    })
  } catch (error) {
    rmSync(profile, { recursive: true, force: true })
    throw error
  }
  const refused: string[] = []
  await context.route(
    (url) => !isLoopback(url) && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route: Route) => {
      refused.push(route.request().url())
      await route.abort('internetdisconnected')
    },
  )
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    refused,
    async close() {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Where the screenshots go (gitignored). */
export function screenshotDir(root: string): string {
  const dir = join(root, 'test-results', 'browser')
  mkdirSync(dir, { recursive: true })
  return dir
}
