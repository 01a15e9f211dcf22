// The span queue's state as metrics (tracing/span-queue.ts), read at each scrape: the spans lost, by why
// (a full queue, or an export the collector refused or did not answer), and the spans waiting. Alert
// on the lost count rising: traces are then incomplete, and the collector is down or too slow.
import type { Registry } from 'prom-client';
import client from 'prom-client';
import type { SpanLoss } from '../tracing/span-queue.ts';
import type { Tracing } from '../tracing/tracing.ts';

const LOSSES: readonly SpanLoss[] = ['queue-full', 'export-failed'];

/** Registers the span queue's metrics in `registry`, read from the tracing this process started. */
export function watchSpanQueue(registry: Registry, tracing: Tracing): void {
  new client.Counter({
    name: 'icp_trace_spans_lost_total',
    help: 'Spans that never reached the trace collector: reason="queue-full" (dropped as they ended, the queue full) or "export-failed" (refused or not answered in time)',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      const lost = tracing.lostSpans();
      this.reset();
      for (const reason of LOSSES) this.inc({ reason }, lost[reason]);
    },
  });
  new client.Gauge({
    name: 'icp_trace_spans_waiting',
    help: 'Ended spans waiting in the queue to be sent to the trace collector',
    registers: [registry],
    collect() {
      this.set(tracing.waitingSpans());
    },
  });
}
