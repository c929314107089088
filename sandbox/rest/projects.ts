// GET project (the projects the caller may browse) and GET project/{idOrKey} (one, with its lead,
// components, versions and issue types). A project the caller may not browse does not exist.
import type { JsonObject, ProjectRecord } from '../data.ts'
import { jsonError, jsonReply, type Reply } from '../http.ts'
import { componentJson, issueTypeJson, projectJson, userSummaryJson, versionJson } from '../json.ts'
import type { RestCall } from './router.ts'

const PROJECT_EXPANDABLE = 'description,lead,issueTypes,url,projectKeys,permissions,insight'

function summary(project: ProjectRecord, baseUrl: string): JsonObject {
  return {
    expand: PROJECT_EXPANDABLE,
    ...projectJson(project, baseUrl),
    projectTypeKey: project.projectTypeKey ?? 'software',
    archived: false,
  }
}

export function listProjects(call: RestCall): Reply {
  const { state } = call.ctx
  // JIRA lists them by name
  const visible = state.data.projects
    .filter((project) => state.canBrowse(call.user, project))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  return jsonReply(200, visible.map((project) => summary(project, state.baseUrl)))
}

export function getProject(call: RestCall): Reply {
  const { state } = call.ctx
  const { baseUrl } = state
  const idOrKey = call.params['idOrKey']!
  const project = state.project(idOrKey)
  if (!project || !state.canBrowse(call.user, project)) {
    const by = /^\d+$/.test(idOrKey) ? 'id' : 'key'
    return jsonError(404, [`No project could be found with ${by} '${idOrKey}'.`])
  }
  const lead = project.lead !== undefined ? state.user(project.lead) : undefined
  const base = projectJson(project, baseUrl)
  return jsonReply(200, {
    expand: PROJECT_EXPANDABLE,
    self: base['self']!,
    id: project.id,
    key: project.key,
    description: project.description ?? '',
    ...(lead ? { lead: userSummaryJson(lead, baseUrl) } : {}),
    components: (project.components ?? []).map((c) => ({ ...componentJson(c, baseUrl), isAssigneeTypeValid: false })),
    issueTypes: state.data.issueTypes.map((t) => issueTypeJson(t, baseUrl)),
    assigneeType: 'UNASSIGNED',
    versions: (project.versions ?? []).map((v) => ({ ...versionJson(v, baseUrl), projectId: Number(project.id) })),
    name: project.name,
    avatarUrls: base['avatarUrls']!,
    projectKeys: [project.key],
    projectTypeKey: project.projectTypeKey ?? 'software',
    archived: false,
  })
}
