/**
 * Prometheus metrics, served at /metrics by yoga's Prometheus plugin (GraphQL request counts and
 * durations by operation, errors, HTTP durations) plus the gateway's own: JIRA calls by method and
 * status, and authorization outcomes. One registry per gateway, so several can live in a process.
 */
import { usePrometheus } from '@graphql-yoga/plugin-prometheus'
import type { Plugin } from 'graphql-yoga'
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

/** yoga's Prometheus plugin at /metrics, on the gateway's registry, with only the metrics an operator reads. */
export function metricsPlugin(metrics: Metrics): Plugin {
  return usePrometheus({
    endpoint: '/metrics',
    registry: metrics.registry,
    // What an operator reads; the plugin's other defaults (per-phase histograms, a quantile
    // summary, a deprecated-field walk of every document) cost CPU on every request.
    metrics: {
      // The duration histogram's _count is the request count by operation; a separate counter would repeat it.
      graphql_envelop_request: false,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      // Per-operation durations above cover what an operator reads; an HTTP-level histogram would repeat them.
      graphql_yoga_http_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  })
}
