// The HTML JIRA puts in `renderedFields`. JIRA runs wiki markup; the sandbox only escapes and makes
// paragraphs, which is enough for a client to tell rendered from raw and to test its own escaping.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** blank lines separate paragraphs; single line breaks become <br/> */
export function renderWikiText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br/>\n')}</p>`)
    .join('\n')
}
