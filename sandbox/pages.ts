// The HTML a person sees during the OAuth dance: the approval page that stands in for JIRA's
// login + "Welcome to JIRA" consent screen, and the pages shown after Allow/Deny. Everything that
// comes from a request or the data is escaped.
import { escapeHtml as e } from './rest/render.ts'

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} - Sandbox JIRA</title>
<style>
  body { font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; background: #f4f5f7; color: #172b4d; margin: 0; }
  main { max-width: 34rem; margin: 4rem auto; background: #fff; border-radius: 6px; padding: 2rem 2.5rem; box-shadow: 0 1px 3px rgba(9,30,66,.25); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin: 1.25rem 0 .35rem; }
  select { font-size: 1rem; padding: .3rem; min-width: 16rem; }
  .buttons { margin-top: 1.5rem; display: flex; gap: .75rem; }
  button { font-size: 1rem; padding: .45rem 1.2rem; border-radius: 3px; border: 1px solid #c1c7d0; background: #f4f5f7; cursor: pointer; }
  button[value="allow"] { background: #0052cc; border-color: #0052cc; color: #fff; }
  code#verifier { font-size: 1.6rem; letter-spacing: .15em; background: #f4f5f7; padding: .2rem .5rem; border-radius: 3px; }
  .note { color: #5e6c84; font-size: .9rem; }
</style>
</head>
<body>
<main>
${body}
<p class="note">Sandbox JIRA: a stand-in for JIRA Server used in development and tests.</p>
</main>
</body>
</html>
`
}

export interface ApprovalPageInput {
  consumerName: string
  /** where the form posts: the authorize URL itself, oauth_token in its query */
  actionUrl: string
  requestToken: string
  users: Array<{ name: string; displayName: string }>
}

export function approvalPage(input: ApprovalPageInput): string {
  const options = input.users
    .map((u) => `      <option value="${e(u.name)}">${e(u.displayName)} (${e(u.name)})</option>`)
    .join('\n')
  return page(
    'Welcome to JIRA',
    `<h1>Welcome to JIRA</h1>
<p><strong>${e(input.consumerName)}</strong> would like to read and write data in JIRA as you.</p>
<p>Allow ${e(input.consumerName)} to access JIRA on your behalf? You can revoke this access at any time.</p>
<form method="post" action="${e(input.actionUrl)}">
  <input type="hidden" name="oauth_token" value="${e(input.requestToken)}">
  <label for="user">Log in as</label>
  <select id="user" name="user">
${options}
  </select>
  <div class="buttons">
    <button type="submit" name="decision" value="allow">Allow</button>
    <button type="submit" name="decision" value="deny">Deny</button>
  </div>
</form>`,
  )
}

export function approvedPage(consumerName: string, verifier: string): string {
  return page(
    'Access Approved',
    `<h1>Access Approved</h1>
<p>You have successfully authorized '${e(consumerName)}'. Your verification code is '<code id="verifier">${e(verifier)}</code>'.
You will need to enter this exact text when prompted. You should write this value down before closing the browser window.</p>`,
  )
}

export function deniedPage(consumerName: string): string {
  return page(
    'Access Denied',
    `<h1>Access Denied</h1>
<p>You have denied '${e(consumerName)}' access to your data in JIRA. You can close this window.</p>`,
  )
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${e(title)}</h1>\n<p>${e(message)}</p>`)
}
