// The server's metrics, as src/server.ts wires them: nothing at all unless METRICS_PORT is set. Then
// each process keeps its metrics in a PrometheusMetrics (handed to the use cases as ctx.metrics),
// the pool's counts and the outbox's depth read at each scrape; the process that serves (one
// process, or a cluster's primary) answers GET /metrics on 127.0.0.1:METRICS_PORT, a cluster's
// primary adding its workers' metrics to its own (infrastructure/metrics/cluster-metrics.ts). With
// tracing on, the span queue's lost and waiting spans are among them (metrics/span-queue-metrics.ts).
import type { Metrics } from './application/metrics.ts';
import { countWaiting } from './application/mail/deliver-outbox.ts';
import type { Config } from './config.ts';
import type { Database } from './infrastructure/db/connect.ts';
import { answerMetricsRequests, clusterMetricsText } from './infrastructure/metrics/cluster-metrics.ts';
import { METRICS_HOST, startMetricsServer } from './infrastructure/metrics/metrics-server.ts';
import { PrometheusMetrics } from './infrastructure/metrics/prometheus-metrics.ts';
import { watchSpanQueue } from './infrastructure/metrics/span-queue-metrics.ts';
import { startedTracing } from './infrastructure/tracing/tracing.ts';

export interface ProcessMetrics {
  /** For createContext: what the use cases report to (METRICS_PORT unset: none, and startProcessMetrics gives undefined). */
  metrics: Metrics;
  /** Where the metrics are served, once listening; undefined in a worker, or with metrics off. */
  url?: string;
  /** Stops serving the metrics (nothing to do when none are served). */
  close(): Promise<void>;
}

/**
 * `role`: "single" serves its own metrics; "primary" serves its own and its workers'; "worker"
 * serves none and answers the primary. Call before the background work starts (it reports here).
 */
export async function startProcessMetrics(config: Config, database: Database, role: 'single' | 'primary' | 'worker', onError: (error: unknown) => void): Promise<ProcessMetrics | undefined> {
  if (config.metricsPort === undefined) return undefined;
  const metrics = new PrometheusMetrics();
  if (database.pool) metrics.watchPool(database.pool);
  const tracing = startedTracing();
  if (tracing) watchSpanQueue(metrics.registry, tracing);
  if (role === 'worker') {
    answerMetricsRequests(metrics.registry);
    return { metrics, close: async () => undefined };
  }
  metrics.watchOutbox(() => countWaiting(database.db));
  const server = await startMetricsServer({
    port: config.metricsPort,
    render: role === 'primary' ? () => clusterMetricsText(metrics.registry) : () => metrics.text(),
    onError,
  });
  return { metrics, url: `http://${METRICS_HOST}:${String(server.port)}/metrics`, close: () => server.close() };
}
