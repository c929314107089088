/**
 * Prometheus metrics, served at /metrics by yoga's Prometheus plugin (GraphQL request counts and
 * durations by operation, errors, HTTP durations) plus the gateway's own: JIRA calls by method and
 * status, and authorization outcomes. One registry per gateway, so several can live in a process.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export interface Metrics {
  registry: Registry
  jiraCalls: Histogram<'method' | 'status'>
  authorizations: Counter<'step' | 'outcome'>
}

export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
    registry,
    jiraCalls: new Histogram({
      name: 'jira_call_duration_seconds',
      help: 'JIRA REST and OAuth calls by method and HTTP status (0: no answer)',
      labelNames: ['method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    authorizations: new Counter({
      name: 'gateway_authorizations_total',
      help: 'OAuth dance steps (start, complete) by outcome (ok, or the error code)',
      labelNames: ['step', 'outcome'],
      registers: [registry],
    }),
  }
}

/** Counts one dance step's outcome around the call. */
export async function countOutcome<T>(metrics: Metrics, step: 'start' | 'complete', run: () => Promise<T>): Promise<T> {
  try {
    const result = await run()
    metrics.authorizations.inc({ step, outcome: 'ok' })
    return result
  } catch (error) {
    metrics.authorizations.inc({ step, outcome: (error as { code?: string }).code ?? 'INTERNAL_SERVER_ERROR' })
    throw error
  }
}
