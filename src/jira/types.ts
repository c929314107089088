/** The parts of JIRA Server's REST v2 JSON that the gateway reads. Every field may be absent when not requested. */

export interface JiraUser {
  self?: string
  key?: string
  name?: string
  emailAddress?: string
  displayName?: string
  active?: boolean
  timeZone?: string
  avatarUrls?: Record<string, string>
}

export interface JiraStatusCategory {
  id?: number
  key?: string
  name?: string
  colorName?: string
}

export interface JiraStatus {
  id?: string
  name?: string
  description?: string
  iconUrl?: string
  statusCategory?: JiraStatusCategory
}

export interface JiraNamed {
  id?: string
  name?: string
  description?: string
  iconUrl?: string
  subtask?: boolean
  key?: string
}

export interface JiraComment {
  id: string
  body?: string
  author?: JiraUser
  updateAuthor?: JiraUser
  created?: string
  updated?: string
}

export interface JiraIssueFields {
  summary?: string
  description?: string | null
  status?: JiraStatus
  issuetype?: JiraNamed
  priority?: JiraNamed | null
  project?: JiraNamed
  assignee?: JiraUser | null
  reporter?: JiraUser | null
  creator?: JiraUser | null
  created?: string
  updated?: string
  labels?: string[]
  comment?: { comments?: JiraComment[]; total?: number }
  [field: string]: unknown
}

export interface JiraIssue {
  id: string
  key: string
  self?: string
  fields: JiraIssueFields
  renderedFields?: Record<string, unknown>
  changelog?: { startAt?: number; maxResults?: number; total?: number; histories?: JiraHistory[] }
  transitions?: JiraTransition[]
}

export interface JiraSearchResult {
  startAt: number
  maxResults: number
  total: number
  issues: JiraIssue[]
}

/** JIRA's error body: `{"errorMessages": [...], "errors": {"field": "message"}}`. */
export interface JiraErrorBody {
  errorMessages?: string[]
  errors?: Record<string, string>
}

export interface JiraIssueLink {
  id: string
  type?: { id?: string; name?: string; inward?: string; outward?: string }
  inwardIssue?: JiraIssue
  outwardIssue?: JiraIssue
}

export interface JiraVersion {
  id?: string
  name?: string
  description?: string
  released?: boolean
  archived?: boolean
  releaseDate?: string
}

export interface JiraAttachment {
  id: string
  filename?: string
  size?: number
  mimeType?: string
  content?: string
  created?: string
  author?: JiraUser
}

export interface JiraTimeTracking {
  originalEstimate?: string
  remainingEstimate?: string
  timeSpent?: string
  originalEstimateSeconds?: number
  remainingEstimateSeconds?: number
  timeSpentSeconds?: number
}

export interface JiraChangeItem {
  field?: string
  fieldtype?: string
  from?: string | null
  fromString?: string | null
  to?: string | null
  toString?: string | null
}

export interface JiraHistory {
  id: string
  author?: JiraUser
  created?: string
  items?: JiraChangeItem[]
}

export interface JiraTransition {
  id: string
  name?: string
  to?: JiraStatus
}

export interface JiraProject {
  id?: string
  key?: string
  name?: string
  description?: string
  lead?: JiraUser
  projectTypeKey?: string
  components?: JiraNamed[]
  versions?: JiraVersion[]
}

/** An entry of GET /rest/api/2/field. */
export interface JiraField {
  id: string
  name: string
  custom?: boolean
  schema?: { type?: string; custom?: string; customId?: number; items?: string; system?: string }
}
