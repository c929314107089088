// JJ-2 must be the issue of Atlassian's "OAuth for REST APIs" tutorial, value for value. The
// expected payload below is the tutorial's, with the HTML link artefacts of the published page
// removed; only the host (example-dev1.atlassian.net) is replaced by the sandbox's base URL.
import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox/index.ts'
import { oauthHeader, parseForm } from './helpers/sandbox-signer.ts'

const TUTORIAL_HOST = 'https://example-dev1.atlassian.net'

const TUTORIAL_JJ_2 = {
  "expand": "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
  "self": "https://example-dev1.atlassian.net/rest/api/latest/issue/10300",
  "id": "10300",
  "fields": {
    "issuetype": {
      "avatarId": 10803,
      "name": "Bug",
      "self": "https://example-dev1.atlassian.net/rest/api/2/issuetype/1",
      "description": "A problem which impairs or prevents the functions of the product.",
      "id": "1",
      "iconUrl": "https://example-dev1.atlassian.net/secure/viewavatar?size=xsmall&avatarId=10803&avatarType=issuetype",
      "subtask": false
    },
    "timespent": null,
    "project": {
      "avatarUrls": {
        "48x48": "https://example-dev1.atlassian.net/secure/projectavatar?pid=10200&avatarId=10700",
        "24x24": "https://example-dev1.atlassian.net/secure/projectavatar?size=small&pid=10200&avatarId=10700",
        "16x16": "https://example-dev1.atlassian.net/secure/projectavatar?size=xsmall&pid=10200&avatarId=10700",
        "32x32": "https://example-dev1.atlassian.net/secure/projectavatar?size=medium&pid=10200&avatarId=10700"
      },
      "name": "JIRA Junior",
      "self": "https://example-dev1.atlassian.net/rest/api/2/project/10200",
      "id": "10200",
      "key": "JJ"
    },
    "fixVersions": [],
    "aggregatetimespent": null,
    "resolution": null,
    "customfield_10500": null,
    "customfield_10700": "com.atlassian.servicedesk.plugins.approvals.internal.customfield.ApprovalsCFValue@c8d588",
    "resolutiondate": null,
    "workratio": -1,
    "lastViewed": "2016-08-01T11:23:39.481+1000",
    "watches": {
      "self": "https://example-dev1.atlassian.net/rest/api/2/issue/JJ-2/watchers",
      "isWatching": true,
      "watchCount": 1
    },
    "created": "2013-05-29T13:56:24.224+1000",
    "customfield_10020": null,
    "customfield_10021": "Not started",
    "priority": {
      "name": "Major",
      "self": "https://example-dev1.atlassian.net/rest/api/2/priority/3",
      "iconUrl": "https://example-dev1.atlassian.net/images/icons/priorities/major.svg",
      "id": "3"
    },
    "customfield_10300": null,
    "customfield_10102": null,
    "labels": [],
    "customfield_10016": null,
    "customfield_10017": null,
    "customfield_10018": null,
    "customfield_10019": null,
    "timeestimate": null,
    "aggregatetimeoriginalestimate": null,
    "versions": [],
    "issuelinks": [],
    "assignee": {
      "emailAddress": "alana@example.com",
      "avatarUrls": {
        "48x48": "https://secure.gravatar.com/avatar/b259e2a7fd37a83b02015192ee247e96?d=mm&s=48",
        "24x24": "https://secure.gravatar.com/avatar/b259e2a7fd37a83b02015192ee247e96?d=mm&s=24",
        "16x16": "https://secure.gravatar.com/avatar/b259e2a7fd37a83b02015192ee247e96?d=mm&s=16",
        "32x32": "https://secure.gravatar.com/avatar/b259e2a7fd37a83b02015192ee247e96?d=mm&s=32"
      },
      "displayName": "Alana Example",
      "name": "alana",
      "self": "https://example-dev1.atlassian.net/rest/api/2/user?username=alana",
      "active": true,
      "timeZone": "Australia/Sydney",
      "key": "alana"
    },
    "updated": "2016-08-01T11:23:38.022+1000",
    "status": {
      "name": "Open",
      "self": "https://example-dev1.atlassian.net/rest/api/2/status/1",
      "description": "The issue is open and ready for the assignee to start work on it.",
      "iconUrl": "https://example-dev1.atlassian.net/images/icons/statuses/open.png",
      "id": "1",
      "statusCategory": {
        "colorName": "blue-gray",
        "name": "To Do",
        "self": "https://example-dev1.atlassian.net/rest/api/2/statuscategory/2",
        "id": 2,
        "key": "new"
      }
    },
    "components": [],
    "timeoriginalestimate": null,
    "description": "The logo is currently a light cerise. I'd like to see it with a deep pink color.",
    "customfield_10012": null,
    "customfield_10013": null,
    "customfield_10014": null,
    "timetracking": {},
    "customfield_10015": null,
    "customfield_10600": null,
    "customfield_10006": "10",
    "customfield_10601": null,
    "customfield_10007": [
      "com.atlassian.greenhopper.service.sprint.Sprint@dc6300[id=1,rapidViewId=<null>,state=CLOSED,name=Sprint 1,goal=<null>,startDate=2013-07-26T11:31:09.530+10:00,endDate=2013-08-09T11:31:09.530+10:00,completeDate=2013-07-26T11:31:46.489+10:00,sequence=1]",
      "com.atlassian.greenhopper.service.sprint.Sprint@6b3e17[id=2,rapidViewId=<null>,state=ACTIVE,name=Sprint 2,goal=<null>,startDate=2013-08-22T11:35:33.759+10:00,endDate=2013-12-12T11:35:00.000+11:00,completeDate=<null>,sequence=2]"
    ],
    "customfield_10008": null,
    "attachment": [],
    "aggregatetimeestimate": null,
    "summary": "JIRA Junior logo is not pink enough",
    "creator": {
      "emailAddress": "admin@example.com",
      "avatarUrls": {
        "48x48": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=48",
        "24x24": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=24",
        "16x16": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=16",
        "32x32": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=32"
      },
      "displayName": "Administrator",
      "name": "admin",
      "self": "https://example-dev1.atlassian.net/rest/api/2/user?username=admin",
      "active": true,
      "timeZone": "Australia/Sydney",
      "key": "admin"
    },
    "subtasks": [],
    "reporter": {
      "emailAddress": "admin@example.com",
      "avatarUrls": {
        "48x48": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=48",
        "24x24": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=24",
        "16x16": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=16",
        "32x32": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=32"
      },
      "displayName": "Administrator",
      "name": "admin",
      "self": "https://example-dev1.atlassian.net/rest/api/2/user?username=admin",
      "active": true,
      "timeZone": "Australia/Sydney",
      "key": "admin"
    },
    "customfield_10000": null,
    "aggregateprogress": {
      "total": 0,
      "progress": 0
    },
    "customfield_10001": null,
    "customfield_10200": "0|10001s:",
    "customfield_10002": null,
    "customfield_10003": null,
    "customfield_10400": null,
    "environment": null,
    "duedate": null,
    "progress": {
      "total": 0,
      "progress": 0
    },
    "comment": {
      "total": 1,
      "comments": [
        {
          "author": {
            "emailAddress": "admin@example.com",
            "avatarUrls": {
              "48x48": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=48",
              "24x24": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=24",
              "16x16": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=16",
              "32x32": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=32"
            },
            "displayName": "Administrator",
            "name": "admin",
            "self": "https://example-dev1.atlassian.net/rest/api/2/user?username=admin",
            "active": true,
            "timeZone": "Australia/Sydney",
            "key": "admin"
          },
          "created": "2013-06-04T16:11:24.505+1000",
          "updateAuthor": {
            "emailAddress": "admin@example.com",
            "avatarUrls": {
              "48x48": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=48",
              "24x24": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=24",
              "16x16": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=16",
              "32x32": "https://secure.gravatar.com/avatar/4beac5df66a475580809e0?d=mm&s=32"
            },
            "displayName": "Administrator",
            "name": "admin",
            "self": "https://example-dev1.atlassian.net/rest/api/2/user?username=admin",
            "active": true,
            "timeZone": "Australia/Sydney",
            "key": "admin"
          },
          "self": "https://example-dev1.atlassian.net/rest/api/2/issue/10300/comment/10100",
          "id": "10100",
          "body": "Hi [~william] JIRA is *super fun* (see JJ-1). Alana is going to fix the logo.",
          "updated": "2013-06-12T21:55:34.882+1000"
        }
      ],
      "maxResults": 1,
      "startAt": 0
    },
    "votes": {
      "hasVoted": false,
      "self": "https://example-dev1.atlassian.net/rest/api/2/issue/JJ-2/votes",
      "votes": 0
    }
  },
  "key": "JJ-2"
}

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({
    contextPath: '/jira',
    consumers: [{ key: 'OAuthKey', name: 'Example JIRA app', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string }],
  })
})
afterAll(() => sandbox.close())

async function signedFetch(method: string, url: string, token?: string, oauth?: Record<string, string>): Promise<Response> {
  const authorization = oauthHeader({ method, url, consumerKey: 'OAuthKey', privateKey, token, oauth, timestamp: Math.floor(Date.now() / 1000) })
  return fetch(url, { method, headers: { authorization } })
}

it('GET /rest/api/latest/issue/JJ-2 answers the tutorial payload', async () => {
  const requested = parseForm(await (await signedFetch('POST', `${sandbox.url}/plugins/servlet/oauth/request-token`, undefined, { oauth_callback: 'oob' })).text())
  const { verifier } = sandbox.approve(requested['oauth_token']!, 'admin')
  const access = parseForm(
    await (await signedFetch('POST', `${sandbox.url}/plugins/servlet/oauth/access-token`, requested['oauth_token'], { oauth_verifier: verifier })).text(),
  )
  const res = await signedFetch('GET', `${sandbox.url}/rest/api/latest/issue/JJ-2`, access['oauth_token'])
  expect(res.status).toBe(200)
  const expected = JSON.parse(JSON.stringify(TUTORIAL_JJ_2).replaceAll(TUTORIAL_HOST, sandbox.url))
  expect(await res.json()).toStrictEqual(expected)
})
