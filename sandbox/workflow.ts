// The one workflow every sandbox project uses, small but with JIRA's shape:
//   Open ──Start Progress (21)──▶ In Progress ──Done (31)──▶ Done ──Reopen (41)──▶ Open
//        ◀──Stop Progress (11)──
// Entering Done sets a resolution (Done unless the transition names one); leaving it clears it.
import type { StatusRecord } from './data.ts'

export interface WorkflowTransition {
  id: string
  name: string
  /** status ids it is available from */
  from: readonly string[]
  /** status id it leads to */
  to: string
}

export const WORKFLOW: readonly WorkflowTransition[] = [
  { id: '11', name: 'Stop Progress', from: ['3'], to: '1' },
  { id: '21', name: 'Start Progress', from: ['1'], to: '3' },
  { id: '31', name: 'Done', from: ['3'], to: '10001' },
  { id: '41', name: 'Reopen', from: ['10001'], to: '1' },
]

/** the transitions out of a status, in the order JIRA's issue view shows them */
export function transitionsFrom(statusId: string): WorkflowTransition[] {
  return WORKFLOW.filter((t) => t.from.includes(statusId))
}

export function transitionById(id: string): WorkflowTransition | undefined {
  return WORKFLOW.find((t) => t.id === id)
}

/** whether a status is one a resolution belongs to */
export function isDone(status: StatusRecord): boolean {
  return status.category.key === 'done'
}
