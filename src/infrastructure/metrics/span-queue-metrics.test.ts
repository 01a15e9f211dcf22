// The span queue's counts as Prometheus metrics, read at each scrape from the tracing started.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Registry } from 'prom-client';
import { watchSpanQueue } from './span-queue-metrics.ts';

describe("the span queue's metrics", () => {
  it('give the spans lost by why and the spans waiting as they are at each scrape', async () => {
    const registry = new Registry();
    const lost = { 'queue-full': 0, 'export-failed': 0 };
    let waiting = 0;
    watchSpanQueue(registry, { shutdown: async () => undefined, lostSpans: () => lost, waitingSpans: () => waiting });
    const first = await registry.metrics();
    assert.match(first, /^icp_trace_spans_lost_total\{reason="queue-full"\} 0$/m);
    assert.match(first, /^icp_trace_spans_lost_total\{reason="export-failed"\} 0$/m);
    assert.match(first, /^icp_trace_spans_waiting 0$/m);
    lost['queue-full'] = 7;
    lost['export-failed'] = 512;
    waiting = 2048;
    const second = await registry.metrics();
    assert.match(second, /^icp_trace_spans_lost_total\{reason="queue-full"\} 7$/m);
    assert.match(second, /^icp_trace_spans_lost_total\{reason="export-failed"\} 512$/m);
    assert.match(second, /^icp_trace_spans_waiting 2048$/m);
  });
});
