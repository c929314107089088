import type { JiraTimeTracking } from '../jira/types.ts'
import { builder } from './builder.ts'

export const TimeTrackingRef = builder.objectRef<JiraTimeTracking>('TimeTracking').implement({
  description: 'Estimates and time logged on an issue, as JIRA writes them ("3d 4h") and in seconds.',
  fields: (t) => ({
    originalEstimate: t.string({ nullable: true, description: 'The original estimate, e.g. "1w".', resolve: (tt) => tt.originalEstimate ?? null }),
    remainingEstimate: t.string({ nullable: true, description: 'The remaining estimate.', resolve: (tt) => tt.remainingEstimate ?? null }),
    timeSpent: t.string({ nullable: true, description: 'Time logged so far.', resolve: (tt) => tt.timeSpent ?? null }),
    originalEstimateSeconds: t.int({ nullable: true, description: 'The original estimate in seconds.', resolve: (tt) => tt.originalEstimateSeconds ?? null }),
    remainingEstimateSeconds: t.int({ nullable: true, description: 'The remaining estimate in seconds.', resolve: (tt) => tt.remainingEstimateSeconds ?? null }),
    timeSpentSeconds: t.int({ nullable: true, description: 'Time logged in seconds.', resolve: (tt) => tt.timeSpentSeconds ?? null }),
  }),
})
