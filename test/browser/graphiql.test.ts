// The dance as a person does it, in a real (headless) Chromium: GraphiQL's startAuthorization, the
// sandbox JIRA's approval page, the gateway's /oauth/callback, then GraphiQL acting as that person.
// Screenshots of each step go to test-results/browser/.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../sandbox/index.ts'
import type { RunningGateway } from '../../src/server.ts'
import { makeKeyPair, startTestGateway, startTestSandbox, tempDir } from '../helpers/harness.ts'
import { chromiumSkipReason, launchChromium, screenshotDir, type BrowserSession } from './chromium.ts'
import { openGraphiQL, runInGraphiQL, stringField } from './graphiql.ts'

const skipReason = chromiumSkipReason()
if (skipReason) console.warn(`[browser test] ${skipReason}`)

const shots = screenshotDir(fileURLToPath(new URL('../..', import.meta.url)))
const shot = (name: string) => join(shots, `${name}.png`)

let sandbox: Sandbox | undefined
let gateway: RunningGateway | undefined
let browser: BrowserSession | undefined
const tmp = tempDir()

beforeAll(async () => {
  if (skipReason) return
  const keys = makeKeyPair()
  sandbox = await startTestSandbox(keys)
  // PUBLIC_URL is set after the port is known: the default callback is the gateway's own.
  gateway = await startTestGateway({ jiraBaseUrl: sandbox.url, keys, dbDir: tmp.dir })
  gateway.config.publicUrl = gateway.url
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await gateway?.close()
  await sandbox?.close()
  tmp.remove()
}, 30_000)

describe('GraphiQL in a real browser', () => {
  it('runs the dance in GraphiQL, approves as alana in JIRA, and then queries JJ-2 as her', { timeout: 90_000 }, async (ctx) => {
    if (skipReason) ctx.skip(skipReason)
    browser = await launchChromium() // in CI without Chromium, this fails the test
    const { page, context } = browser
    const gatewayUrl = gateway!.url
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    // 1. GraphiQL, signed in as no one: startAuthorization.
    await openGraphiQL(page, `${gatewayUrl}/graphql`)
    await page.screenshot({ path: shot('01-graphiql-opened') })
    const started = await runInGraphiQL(page, 'mutation { startAuthorization { authorizeUrl requestToken } }')
    await page.screenshot({ path: shot('02-graphiql-start-authorization') })
    expect(started.flat).not.toContain('"errors"')
    const authorizeUrl = stringField(started, 'authorizeUrl')
    const requestToken = stringField(started, 'requestToken')
    expect(authorizeUrl).toBe(`${sandbox!.url}/plugins/servlet/oauth/authorize?oauth_token=${requestToken}`)

    // 2. The same tab to JIRA's approval page: pick alana, Allow.
    await page.goto(authorizeUrl)
    await page.locator('select[name="user"]').selectOption('alana')
    await page.screenshot({ path: shot('03-jira-approval') })
    await Promise.all([
      page.waitForURL((url) => url.origin === gatewayUrl && url.pathname === '/oauth/callback', { timeout: 15_000 }),
      page.locator('button[name="decision"][value="allow"]').click(),
    ])

    // 3. Back through the gateway's /oauth/callback, which signs this browser in.
    await page.locator('#viewer').waitFor()
    await page.screenshot({ path: shot('04-oauth-callback') })
    expect(await page.locator('#viewer').textContent()).toBe('Alana Example (alana)')
    const session = (await context.cookies(gatewayUrl)).find((cookie) => cookie.name === 'jgw_session')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
    expect(await page.evaluate(() => document.cookie)).not.toContain('jgw_session')

    // 4. GraphiQL again, now as alana.
    await openGraphiQL(page, `${gatewayUrl}/graphql`)
    const viewer = await runInGraphiQL(page, '{ viewer { displayName } }')
    await page.screenshot({ path: shot('05-graphiql-viewer') })
    expect(viewer.flat).toContain('"displayName": "Alana Example"')
    expect(viewer.flat).not.toContain('"errors"')

    const issue = await runInGraphiQL(page, '{ issue(key: "JJ-2") { key summary status { name } } }')
    await page.screenshot({ path: shot('06-graphiql-issue') })
    expect(issue.flat).not.toContain('"errors"')
    expect(issue.flat).toContain('"key": "JJ-2"')
    expect(issue.flat).toContain('"summary": "JIRA Junior logo is not pink enough"')
    expect(issue.flat).toContain('"name": "Open"')

    expect(pageErrors).toEqual([])
    expect(browser.refused).toEqual([])
  })
})
