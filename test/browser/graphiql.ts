/**
 * Driving graphql-yoga's GraphiQL (GraphiQL 5, whose editors are Monaco) as a person does: click
 * into the operation editor, select all, type, click the run button, read the result pane.
 *
 * Monaco draws only what is visible and wraps long lines in the result pane, so the pane is read as
 * its visual lines in screen order; `flat` joins them with single spaces (a wrap falls at a space
 * or after a character such as `/` or `?`; see `stringField` for values that contain no spaces).
 */
import type { Page } from 'playwright-core'

const OPERATION_EDITOR = '.graphiql-query-editor .monaco-editor'
const RESULT_PANE = '.graphiql-response .result-window'
const RUN_BUTTON = '.graphiql-execute-button'

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined && value !== false) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The visual lines of a Monaco editor under `root`, top to bottom, with Monaco's non-breaking spaces made plain. */
export function monacoLines(page: Page, root: string): Promise<string[]> {
  return page.evaluate((root) => {
    const lines = [...document.querySelectorAll<HTMLElement>(`${root} .view-lines .view-line`)]
    return lines
      .map((line) => ({ top: parseFloat(line.style.top) || 0, text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
  }, root)
}

export async function openGraphiQL(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.locator(RUN_BUTTON).waitFor({ state: 'visible', timeout: 20_000 })
  await page.locator(`${OPERATION_EDITOR} textarea`).waitFor({ state: 'attached' })
  // The editor has its document (the default one, or the last one typed) once Monaco has drawn it.
  await waitFor('GraphiQL to show its operation document', async () => (await monacoLines(page, OPERATION_EDITOR)).join('').trim() !== '')
}

/** What the operation editor holds, as one line (the test types one-line documents). */
async function operationText(page: Page): Promise<string> {
  return (await monacoLines(page, OPERATION_EDITOR)).join('\n').trim()
}

export interface GraphiQLResult {
  /** The result pane's visual lines, top to bottom. */
  lines: string[]
  /** The pane's text with every run of white space made one space. */
  flat: string
}

export async function readResultPane(page: Page): Promise<GraphiQLResult> {
  const lines = await monacoLines(page, RESULT_PANE)
  return { lines, flat: lines.join(' ').replace(/\s+/g, ' ').trim() }
}

/** A string field of the result whose value has no white space (a URL, a token), mended across Monaco's wraps. */
export function stringField(result: GraphiQLResult, name: string): string {
  const match = new RegExp(`"${name}":\\s*"([^"]*)"`).exec(result.lines.join('\n'))
  if (!match) throw new Error(`no "${name}" in GraphiQL's result pane:\n${result.lines.join('\n')}`)
  return match[1]!.replace(/\s+/g, '')
}

/** What GraphiQL has taken in from its operation editor (it saves it, 100 ms after the last edit, with the operations it parsed from it). */
function graphiqlQuery(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('graphiql:query'))
}

/**
 * Types `document` into GraphiQL's operation editor (click, select all, delete, type), checks that
 * the editor shows exactly that and that GraphiQL has taken it in, clicks run and returns the result
 * pane once GraphiQL has shown the answer.
 *
 * The old text is deleted before typing: typing `{` over a selection makes Monaco wrap the selection
 * in braces (auto-surround), which leaves a stray `}` at the end. Into an empty editor, Monaco's own
 * bracket and quote closing is harmless: it types over the closing character it inserted.
 */
export async function runInGraphiQL(page: Page, document: string): Promise<GraphiQLResult> {
  for (let attempt = 1; ; attempt++) {
    await page.locator(`${OPERATION_EDITOR} .view-lines`).click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('Delete')
    await page.keyboard.type(document)
    const shown = await waitFor(`the operation editor to show ${document}`, async () => (await operationText(page)) === document, 2_000).then(
      () => true,
      () => false,
    )
    if (shown) break
    if (attempt === 3) throw new Error(`GraphiQL's operation editor shows ${JSON.stringify(await operationText(page))} instead of ${JSON.stringify(document)}`)
  }
  await page.keyboard.press('Escape') // close a completion pop-up, if any, before reaching for the button
  await page.keyboard.press('Home') // scroll the (one-line) document back to its start, for the screenshots
  // Until GraphiQL has parsed the new document, the run button still acts on the old one (for a
  // document with several operations, such as the default one, it opens a menu instead of running).
  await waitFor('GraphiQL to take the new document in', async () => (await graphiqlQuery(page)) === document, 5_000)

  // GraphiQL sends the document with its white space squeezed out.
  const squeezed = document.replace(/\s+/g, '')
  const answered = page
    .waitForResponse(
      (r) => {
        if (!r.url().endsWith('/graphql') || r.request().method() !== 'POST') return false
        try {
          return (r.request().postDataJSON() as { query?: string }).query?.replace(/\s+/g, '') === squeezed
        } catch {
          return false
        }
      },
      { timeout: 10_000 },
    )
    .then(
      async (response) => ({ body: await response.text() }),
      (error: Error) => ({ error }),
    )
  await page.locator(RUN_BUTTON).click()
  const answer = await answered
  if ('error' in answer) throw new Error(`GraphiQL sent no request for ${document} after the run button was clicked (${answer.error.message})`)

  // The pane shows what the gateway answered (GraphiQL pretty-prints it): wait until it does.
  const expected = JSON.stringify(JSON.parse(answer.body)).replace(/\s+/g, '')
  let last: GraphiQLResult | undefined
  return waitFor('GraphiQL to show the answer in its result pane', async () => {
    last = await readResultPane(page)
    return last.lines.join('').replace(/\s+/g, '') === expected ? last : undefined
  }).catch((error: Error) => {
    throw new Error(`${error.message}\n  the gateway answered: ${answer.body}\n  the pane shows: ${last?.lines.join('\n')}`)
  })
}
